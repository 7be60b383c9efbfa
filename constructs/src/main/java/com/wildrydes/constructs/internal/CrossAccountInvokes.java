package com.wildrydes.constructs.internal;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

/**
 * A function in another account needs two grants for this stack to invoke it: the caller's role
 * (which this app grants) and the function's resource policy, which only its owner can change.
 * This warns at synth time with the exact permission that owner must add.
 */
public final class CrossAccountInvokes {

    private CrossAccountInvokes() {}

    /**
     * Warns on {@code scope} when {@code function}'s ARN names an account other than its stack's
     * (both known at synth time), naming the caller ({@code who}) and the statement to add.
     */
    public static void warnIfElsewhere(Construct scope, IFunction function, String who, String statementId) {
        String arn = function.getFunctionArn();
        String stackAccount = Stack.of(scope).getAccount();
        if (!FunctionTargets.isImported(function) || Token.isUnresolved(arn) || Token.isUnresolved(stackAccount)) {
            return;
        }
        String account = Arn.split(arn, ArnFormat.COLON_RESOURCE_NAME).getAccount();
        if (account == null || account.isEmpty() || account.equals(stackAccount)) {
            return;
        }
        Annotations.of(scope)
                .addWarningV2(
                        "@wildrydes/constructs:crossAccountInvoke",
                        who + " invokes " + arn + " in account " + account + ", not this stack's account "
                                + stackAccount + ". This app grants its role lambda:InvokeFunction; the function's "
                                + "owner must allow it too, or every invoke is denied: aws lambda add-permission "
                                + "--function-name " + arn + " --statement-id " + statementId
                                + " --action lambda:InvokeFunction --principal " + stackAccount
                                + " (or, narrower, the role's ARN as the principal).");
    }
}
