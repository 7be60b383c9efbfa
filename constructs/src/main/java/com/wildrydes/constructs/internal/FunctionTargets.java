package com.wildrydes.constructs.internal;

import com.wildrydes.constructs.functions.JavaFunction;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.lambda.IAlias;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.IVersion;
import software.constructs.Construct;

/**
 * What this library needs to know of a function it is handed, owned by the same app or imported by
 * ARN: which qualifier (alias or version) callers reach, and whether its role is there to grant to.
 */
public final class FunctionTargets {

    /** The ARN fields: arn:partition:lambda:region:account:function:name[:qualifier]. */
    private static final int QUALIFIED_ARN_FIELDS = 8;

    private FunctionTargets() {}

    /** The function that is invoked: a JavaFunction's live alias, any other function itself. */
    public static IFunction invoked(IFunction function) {
        return function instanceof JavaFunction javaFunction ? javaFunction.getAlias() : function;
    }

    /** True for a function this app does not define (imported by ARN or attributes). */
    public static boolean isImported(IFunction function) {
        // A JavaFunction always defines its function here; asking the jsii kernel would say the same.
        return !(function instanceof JavaFunction)
                && invoked(function).getNode().getDefaultChild() == null;
    }

    /**
     * The alias or version an imported function's ARN names: null for an unqualified ARN, and for an
     * alias or version object, this app's or imported (CDK already tracks their qualifiers). For an ARN
     * known only at deploy time, a CloudFormation expression of the qualifier it will hold, {@code $LATEST}
     * when it holds none: appending {@code :$LATEST} makes the eighth field the ARN's own qualifier, if any.
     */
    public static String importedQualifier(IFunction function) {
        if (!isImported(function) || function instanceof IAlias || function instanceof IVersion) {
            return null;
        }
        String arn = function.getFunctionArn();
        if (Token.isUnresolved(arn)) {
            return Fn.select(QUALIFIED_ARN_FIELDS - 1, Fn.split(":", Fn.join("", List.of(arn, ":$LATEST"))));
        }
        String[] fields = arn.split(":");
        return fields.length == QUALIFIED_ARN_FIELDS ? fields[QUALIFIED_ARN_FIELDS - 1] : null;
    }

    /**
     * For an imported function whose ARN names an account or a region other than the known ones of
     * {@code scope}'s stack: that account and region, as words for a message. Null otherwise, also when
     * either side is known only at deploy time.
     */
    public static String otherEnvironment(Construct scope, IFunction function) {
        if (!isImported(function) || Token.isUnresolved(function.getFunctionArn())) {
            return null;
        }
        ArnComponents arn = Arn.split(function.getFunctionArn(), ArnFormat.COLON_RESOURCE_NAME);
        Stack stack = Stack.of(scope);
        boolean otherAccount = differs(arn.getAccount(), stack.getAccount());
        boolean otherRegion = differs(arn.getRegion(), stack.getRegion());
        return otherAccount || otherRegion ? "account " + arn.getAccount() + " and region " + arn.getRegion() : null;
    }

    /** This stack's account and region, as words for a message. */
    public static String stackEnvironment(Construct scope) {
        Stack stack = Stack.of(scope);
        return "account " + stack.getAccount() + " and region " + stack.getRegion();
    }

    private static boolean differs(String named, String stacks) {
        return named != null
                && !named.isEmpty()
                && !Token.isUnresolved(named)
                && !Token.isUnresolved(stacks)
                && !named.equals(stacks);
    }

    /**
     * Runs {@code grant} when the function has a role to grant to. An imported function without one
     * has a role this app cannot see: the construct warns its owner what to add instead of failing.
     */
    public static void grantOrWarn(
            Construct scope, IFunction function, Runnable grant, String actions, String resource) {
        if (function.getRole() != null || !isImported(function)) {
            grant.run();
            return;
        }
        Annotations.of(scope)
                .addWarningV2(
                        "@wildrydes/constructs:importedFunctionWithoutRole",
                        "The imported function " + function.getNode().getPath()
                                + " has no role this app can change: allow "
                                + actions + " on " + resource + " in its execution role, or import it with "
                                + "Function.fromFunctionAttributes(...).role(...) to have it granted here.");
    }
}
