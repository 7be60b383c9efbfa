package com.wildrydes.constructs.internal;

import software.amazon.awscdk.services.lambda.DestinationConfig;
import software.amazon.awscdk.services.lambda.DestinationOptions;
import software.amazon.awscdk.services.lambda.EventInvokeConfig;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.EventInvokeConfigProps;
import software.amazon.awscdk.services.lambda.IDestination;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * A function's asynchronous invocation configuration (retries, maximum age, on-failure queue),
 * written on the qualifier its callers invoke. Lambda keeps one such configuration per function
 * and qualifier, so a second construct on the same function reuses the first one's.
 */
public final class AsyncInvokeConfigs {

    /** The child ID CDK itself gives the configuration in {@code IFunction.configureAsyncInvoke}. */
    private static final String ID = "EventInvokeConfig";

    private AsyncInvokeConfigs() {}

    public static boolean isConfigured(IFunction function) {
        return function.getNode().tryFindChild(ID) != null
                || FunctionTargets.invoked(function).getNode().tryFindChild(ID) != null;
    }

    /**
     * Sends what still fails after the retries to {@code failed}. For an alias or version imported by
     * ARN, the configuration names that qualifier; CDK would write it on {@code $LATEST}, which the
     * topic never invokes.
     */
    public static void configure(
            Construct scope, IFunction function, IQueue failed, EventInvokeConfigOptions.Builder options) {
        options.onFailure(onFailure(scope, function, failed));
        String qualifier = FunctionTargets.importedQualifier(function);
        if (qualifier == null) {
            FunctionTargets.invoked(function).configureAsyncInvoke(options.build());
            return;
        }
        EventInvokeConfigOptions chosen = options.build();
        // An imported function is a construct of this app too: the configuration sits where CDK puts its own.
        new EventInvokeConfig(
                function instanceof Construct construct ? construct : scope,
                ID,
                EventInvokeConfigProps.builder()
                        .function(function)
                        .qualifier(qualifier)
                        .onFailure(chosen.getOnFailure())
                        .retryAttempts(chosen.getRetryAttempts())
                        .maxEventAge(chosen.getMaxEventAge())
                        .build());
    }

    private static IDestination onFailure(Construct scope, IFunction function, IQueue failed) {
        // Lambda sends the failed event's record with the function's role, which needs sqs:SendMessage
        // only: CDK's SqsDestination would grant sqs:GetQueueAttributes and sqs:GetQueueUrl too.
        FunctionTargets.grantOrWarn(
                scope,
                function,
                () -> QueueGrants.send(failed, function),
                "sqs:SendMessage",
                failed.getNode().getPath());
        // The destination itself; the grant is above, or the owner's when the role is not this app's.
        return new IDestination() {
            @Override
            public DestinationConfig bind(Construct bindScope, IFunction fn) {
                return DestinationConfig.builder()
                        .destination(failed.getQueueArn())
                        .build();
            }

            @Override
            public DestinationConfig bind(Construct bindScope, IFunction fn, DestinationOptions options) {
                return bind(bindScope, fn);
            }
        };
    }
}
