package com.wildrydes.constructs.internal;

import com.wildrydes.constructs.messaging.TopicQueueChainProps;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.lambda.CfnEventSourceMapping;
import software.amazon.awscdk.services.lambda.EventSourceMapping;
import software.amazon.awscdk.services.lambda.EventSourceMappingProps;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueProps;
import software.constructs.Construct;

/** A queue drained by a Lambda function, set up the same way wherever this library makes one. */
public final class QueueConsumers {

    private QueueConsumers() {}

    /** AWS's guidance: a visibility timeout of six times the consumer's timeout plus its batching window. */
    public static Duration visibilityTimeoutFor(Duration consumerTimeout, Duration maxBatchingWindow) {
        double window =
                maxBatchingWindow != null ? maxBatchingWindow.toSeconds().doubleValue() : 0;
        return Duration.seconds(TopicQueueChainProps.VISIBILITY_TIMEOUT_FACTOR
                        * consumerTimeout.toSeconds().doubleValue()
                + window);
    }

    /** An encrypted, TLS-only queue whose messages move to {@code deadLetterQueue} after {@code maxReceiveCount} receives. */
    public static Queue queue(
            Construct scope,
            String id,
            boolean fifo,
            Duration visibilityTimeout,
            Duration retentionPeriod,
            IQueue deadLetterQueue,
            int maxReceiveCount) {
        return queue(scope, id, fifo, visibilityTimeout, retentionPeriod, deadLetterQueue, maxReceiveCount, null, null);
    }

    /** As above, with the reuser's {@code given} props passed through over these ({@link SecureQueues#merge}). */
    public static Queue queue(
            Construct scope,
            String id,
            boolean fifo,
            Duration visibilityTimeout,
            Duration retentionPeriod,
            IQueue deadLetterQueue,
            int maxReceiveCount,
            String propsName,
            QueueProps given) {
        return new Queue(
                scope,
                id,
                SecureQueues.merge(
                        propsName,
                        given,
                        fifo,
                        SecureQueues.secureDefaults()
                                .fifo(fifo ? Boolean.TRUE : null)
                                .visibilityTimeout(visibilityTimeout)
                                .retentionPeriod(retentionPeriod)
                                .deadLetterQueue(DeadLetterQueue.builder()
                                        .queue(deadLetterQueue)
                                        .maxReceiveCount(maxReceiveCount)
                                        .build())));
    }

    /**
     * Refuses a consumer that a mapping in {@code scope}'s stack cannot reach: Lambda keeps an event
     * source mapping in its function's account and region, and reads a queue of that region only
     * (another account's queue is fine, with a queue policy). Checked when the ARNs and the stack's
     * environment are known; otherwise CloudFormation is left to tell.
     */
    public static void requireReachable(Construct scope, String construct, IQueue queue, IFunction consumer) {
        String elsewhere = FunctionTargets.otherEnvironment(scope, consumer);
        if (elsewhere != null) {
            throw new IllegalArgumentException(construct + ": consumer must be in this stack's "
                    + FunctionTargets.stackEnvironment(scope) + " (Lambda creates an event source mapping in its "
                    + "function's own account and region), got " + consumer.getFunctionArn() + " in " + elsewhere
                    + ": define this construct in a stack of the consumer's account and region");
        }
        String queueArn = queue != null ? queue.getQueueArn() : null;
        String stackRegion = Stack.of(scope).getRegion();
        if (queueArn == null || Token.isUnresolved(queueArn) || Token.isUnresolved(stackRegion)) {
            return;
        }
        String queueRegion = Arn.split(queueArn, ArnFormat.NO_RESOURCE_NAME).getRegion();
        if (queueRegion != null && !Token.isUnresolved(queueRegion) && !queueRegion.equals(stackRegion)) {
            throw new IllegalArgumentException(construct + ": queue must be in the consumer's region " + stackRegion
                    + " (Lambda reads a queue of its own region only), got " + queueArn + " in " + queueRegion
                    + ": define this construct in a stack in " + queueRegion + ", or give no consumer");
        }
    }

    /**
     * The consumer's event source mapping, with partial batch responses (unless {@code options} turn them
     * off) so that one failed message does not return its whole batch to the queue, and
     * {@link TopicQueueChainProps#DEFAULT_BATCH_SIZE} unless {@code options} give a batch size; every other
     * option of aws-cdk-lib's {@code SqsEventSourceProps} passed on as given. The consumer may receive
     * and delete from this queue only.
     */
    public static EventSourceMapping connect(
            Construct scope, String id, IQueue queue, IFunction consumer, SqsEventSourceProps options) {
        FunctionTargets.grantOrWarn(
                scope,
                consumer,
                () -> QueueGrants.poll(queue, consumer),
                "sqs:ReceiveMessage, sqs:DeleteMessage and sqs:GetQueueAttributes",
                queue.getNode().getPath());
        // Not CDK's SqsEventSource: it grants sqs:ChangeMessageVisibility and sqs:GetQueueUrl too, which
        // Lambda's poller never calls (HandWrittenWiringReasonsTest fails when that stops holding).
        EventSourceMappingProps.Builder mapping = EventSourceMappingProps.builder()
                .batchSize(TopicQueueChainProps.DEFAULT_BATCH_SIZE)
                .reportBatchItemFailures(true);
        StructCopy.into(SqsEventSourceProps.class, options, mapping);
        EventSourceMapping created = new EventSourceMapping(
                scope,
                id,
                mapping.target(consumer).eventSourceArn(queue.getQueueArn()).build());
        if (FunctionTargets.importedQualifier(consumer) != null) {
            // CDK names an imported function by its bare name, which would feed $LATEST: the mapping
            // must name the alias or version the ARN gives (HandWrittenWiringReasonsTest, as above).
            ((CfnEventSourceMapping) created.getNode().getDefaultChild()).setFunctionName(consumer.getFunctionArn());
        }
        return created;
    }

    /**
     * Runs aws-cdk-lib's own checks of SQS event source options (ranges, combinations) on {@code options},
     * refusing what it refuses.
     */
    public static void validateOptions(IQueue queue, SqsEventSourceProps options) {
        if (options == null) {
            return;
        }
        try {
            new SqsEventSource(queue, options);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "eventSourceProps refused by aws-cdk-lib's SqsEventSource: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }
}
