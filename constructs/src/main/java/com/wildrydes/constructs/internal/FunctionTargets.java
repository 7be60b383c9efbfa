package com.wildrydes.constructs.internal;

import com.wildrydes.constructs.functions.JavaFunction;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.lambda.Alias;
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
        return invoked(function).getNode().getDefaultChild() == null;
    }

    /**
     * The alias or version an imported function's ARN names, or null for an unqualified ARN, for one
     * this app defines (CDK already tracks those qualifiers), and for an ARN known only at deploy time.
     */
    public static String importedQualifier(IFunction function) {
        if (!isImported(function) || function instanceof Alias || function instanceof IVersion) {
            return null;
        }
        String arn = function.getFunctionArn();
        if (Token.isUnresolved(arn)) {
            return null;
        }
        String[] fields = arn.split(":");
        return fields.length == QUALIFIED_ARN_FIELDS ? fields[QUALIFIED_ARN_FIELDS - 1] : null;
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
