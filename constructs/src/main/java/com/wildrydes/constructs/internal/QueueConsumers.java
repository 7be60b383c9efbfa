package com.wildrydes.constructs.internal;

import com.wildrydes.constructs.messaging.TopicQueueChainProps;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.CfnEventSourceMapping;
import software.amazon.awscdk.services.lambda.EventSourceMapping;
import software.amazon.awscdk.services.lambda.EventSourceMappingProps;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
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
        return new Queue(
                scope,
                id,
                SecureQueues.secureDefaults()
                        .fifo(fifo ? Boolean.TRUE : null)
                        .visibilityTimeout(visibilityTimeout)
                        .retentionPeriod(retentionPeriod)
                        .deadLetterQueue(DeadLetterQueue.builder()
                                .queue(deadLetterQueue)
                                .maxReceiveCount(maxReceiveCount)
                                .build())
                        .build());
    }

    /**
     * The consumer's event source mapping, with partial batch responses so that one failed message
     * does not return its whole batch to the queue; the consumer may receive and delete from this queue only.
     */
    public static EventSourceMapping connect(
            Construct scope,
            String id,
            IQueue queue,
            IFunction consumer,
            Integer batchSize,
            Duration maxBatchingWindow,
            Integer maxConcurrency) {
        FunctionTargets.grantOrWarn(
                scope,
                consumer,
                () -> queue.grantConsumeMessages(consumer),
                "sqs:ReceiveMessage, sqs:ChangeMessageVisibility, sqs:GetQueueUrl, sqs:DeleteMessage and "
                        + "sqs:GetQueueAttributes",
                queue.getNode().getPath());
        // Not CDK's SqsEventSource: it grants on the consumer's role unconditionally (failing for a
        // function imported without one) and names an imported alias by its bare function name.
        EventSourceMapping mapping = new EventSourceMapping(
                scope,
                id,
                EventSourceMappingProps.builder()
                        .target(consumer)
                        .eventSourceArn(queue.getQueueArn())
                        .batchSize(batchSize != null ? batchSize : TopicQueueChainProps.DEFAULT_BATCH_SIZE)
                        .maxBatchingWindow(maxBatchingWindow)
                        .maxConcurrency(maxConcurrency)
                        .reportBatchItemFailures(true)
                        .build());
        if (FunctionTargets.importedQualifier(consumer) != null) {
            // CDK names an imported function by its bare name, which would feed $LATEST: the mapping
            // must name the alias or version the ARN gives.
            ((CfnEventSourceMapping) mapping.getNode().getDefaultChild()).setFunctionName(consumer.getFunctionArn());
        }
        return mapping;
    }
}
