package com.wildrydes.constructs.internal;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.CfnEventInvokeConfig;
import software.amazon.awscdk.services.lambda.DestinationConfig;
import software.amazon.awscdk.services.lambda.DestinationOptions;
import software.amazon.awscdk.services.lambda.EventInvokeConfig;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.EventInvokeConfigProps;
import software.amazon.awscdk.services.lambda.IDestination;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;
import software.constructs.IConstruct;

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
        return configNode(function) != null;
    }

    private static IConstruct configNode(IFunction function) {
        IConstruct config = function.getNode().tryFindChild(ID);
        return config != null
                ? config
                : FunctionTargets.invoked(function).getNode().tryFindChild(ID);
    }

    /**
     * For a construct on a function whose asynchronous invocation is configured already: refuses
     * explicit settings that differ from that configuration (Lambda keeps one per function and
     * qualifier, so they would be ignored), naming the construct that configured it and each
     * difference; returns the on-failure queue Lambda uses, or null when this library did not
     * configure it (the reuser's own {@code configureAsyncInvoke}).
     */
    public static IQueue reuse(
            Construct scope, IFunction function, Number retryAttempts, Duration maxEventAge, IQueue failedQueue) {
        IConstruct config = configNode(function);
        AsyncInvokeRecord record = (AsyncInvokeRecord) config.getNode().tryFindChild(AsyncInvokeRecord.ID);
        CfnEventInvokeConfig cfn = (CfnEventInvokeConfig) config.getNode().getDefaultChild();
        Stack stack = Stack.of(scope);
        Number existingRetries = cfn == null ? null : cfn.getMaximumRetryAttempts();
        Number existingAge = cfn == null ? null : cfn.getMaximumEventAgeInSeconds();
        IQueue existingQueue = record == null ? null : record.failedInvocationsQueue();
        List<String> existing = new ArrayList<>();
        List<String> differs = new ArrayList<>();
        if (existingRetries != null) {
            existing.add("retryAttempts " + existingRetries.intValue());
        }
        if (existingAge != null) {
            existing.add("maxEventAge " + existingAge.intValue() + " seconds");
        }
        if (existingQueue != null) {
            existing.add("failedInvocationsQueue " + existingQueue.getNode().getPath());
        }
        if (retryAttempts != null
                && existingRetries != null
                && retryAttempts.intValue() != existingRetries.intValue()) {
            differs.add("retryAttempts " + retryAttempts.intValue() + " (was " + existingRetries.intValue() + ")");
        }
        if (maxEventAge != null
                && !maxEventAge.isUnresolved()
                && existingAge != null
                && maxEventAge.toSeconds().intValue() != existingAge.intValue()) {
            differs.add("maxEventAge " + maxEventAge.toSeconds().intValue() + " seconds (was " + existingAge.intValue()
                    + " seconds)");
        }
        if (failedQueue != null
                && (existingQueue == null
                        || !stack.resolve(failedQueue.getQueueArn())
                                .equals(stack.resolve(existingQueue.getQueueArn())))) {
            differs.add("failedInvocationsQueue " + failedQueue.getNode().getPath() + " (was "
                    + (existingQueue == null
                            ? "a destination set outside this library"
                            : existingQueue.getNode().getPath())
                    + ")");
        }
        if (!differs.isEmpty()) {
            throw new IllegalArgumentException("FilteredSubscription: the asynchronous invocation of "
                    + function.getNode().getPath() + " is configured by "
                    + (record == null ? config.getNode().getPath() : record.configuredBy()) + " already, with "
                    + String.join(", ", existing) + "; Lambda keeps one configuration per function and qualifier, "
                    + "so other settings would be ignored, got " + String.join(", ", differs)
                    + ": give the same settings, none (to reuse that configuration), or configureAsyncInvoke(false)");
        }
        return failedQueue != null ? failedQueue : existingQueue;
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
            record(scope, function, failed);
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
        record(scope, function, failed);
    }

    private static void record(Construct scope, IFunction function, IQueue failed) {
        IConstruct config = configNode(function);
        if (config != null) {
            new AsyncInvokeRecord(config, scope.getNode().getPath(), failed);
        }
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
        // Not CDK's SqsDestination: it grants sqs:GetQueueAttributes and sqs:GetQueueUrl too
        // (HandWrittenWiringReasonsTest fails when that stops holding); the grant is above, or the owner's.
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
