package com.wildrydes.constructs.rfq;

import com.wildrydes.constructs.internal.ExistingOrProps;
import com.wildrydes.constructs.internal.QueueConsumers;
import com.wildrydes.constructs.internal.SecureQueues;
import com.wildrydes.constructs.internal.SecureResources;
import com.wildrydes.constructs.messaging.TopicQueueChainProps;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.TopicProps;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.sqs.QueueProps;
import software.constructs.Construct;

/**
 * The topics, table and queues of a {@link ScatterGatherRfq}: the reuser's, or new ones from their
 * props over the secure defaults. The two new topics share one rotating key, created only if a new
 * topic needs it. A reuser's queue comes with the dead-letter queue it redrives to, which the
 * construct alarms on and grants the redrive of: the dead-letter default is never dropped.
 */
final class RfqResources {

    private static final String CONSTRUCT = "ScatterGatherRfq";

    private final Construct scope;
    private final ScatterGatherRfqProps props;
    private IKey topicsKey;

    RfqResources(Construct scope, ScatterGatherRfqProps props) {
        this.scope = scope;
        this.props = props;
    }

    static void validate(ScatterGatherRfqProps props) {
        ExistingOrProps.requireNotBoth(
                CONSTRUCT, "existingTableObj", props.getExistingTableObj(), "tableProps", props.getTableProps());
        ExistingOrProps.requireNotBoth(
                CONSTRUCT,
                "existingTableObj",
                props.getExistingTableObj(),
                "tableRemovalPolicy",
                props.getTableRemovalPolicy());
        ExistingOrProps.requireNotBoth(
                CONSTRUCT,
                "existingRequestTopicObj",
                props.getExistingRequestTopicObj(),
                "requestTopicProps",
                props.getRequestTopicProps());
        ExistingOrProps.requireNotBoth(
                CONSTRUCT,
                "existingCompletionTopicObj",
                props.getExistingCompletionTopicObj(),
                "completionTopicProps",
                props.getCompletionTopicProps());
        ExistingOrProps.requireNotBoth(
                CONSTRUCT, "existingApiObj", props.getExistingApiObj(), "apiProps", props.getApiProps());
        if (props.getExistingApiObj() != null
                && (props.getSubmitRateLimit() != null || props.getSubmitBurstLimit() != null)) {
            throw new IllegalArgumentException(CONSTRUCT + ": submitRateLimit and submitBurstLimit set the stage of "
                    + "the API this construct creates, got them with existingApiObj: throttle your own stage");
        }
        for (ITopic topic : new ITopic[] {props.getExistingRequestTopicObj(), props.getExistingCompletionTopicObj()}) {
            if (topic != null && Boolean.TRUE.equals(topic.getFifo())) {
                throw new IllegalArgumentException(CONSTRUCT + ": existingRequestTopicObj and "
                        + "existingCompletionTopicObj must be standard topics (the functions publish without a "
                        + "message group), got a FIFO topic " + topic.getNode().getPath());
            }
        }
        ExistingOrProps.requireNotBoth(
                CONSTRUCT,
                "existingResponseQueueObj",
                props.getExistingResponseQueueObj(),
                "responseQueueProps",
                props.getResponseQueueProps());
        ExistingOrProps.requireNotBoth(
                CONSTRUCT,
                "existingResponseQueueObj",
                props.getExistingResponseQueueObj(),
                "responseQueueVisibilityTimeout",
                props.getResponseQueueVisibilityTimeout());
        ExistingOrProps.requireNotBoth(
                CONSTRUCT,
                "existingResponseDeadLetterQueueObj",
                props.getExistingResponseDeadLetterQueueObj(),
                "responseDeadLetterQueueProps",
                props.getResponseDeadLetterQueueProps());
        ExistingOrProps.requireNotBoth(
                CONSTRUCT,
                "existingDeadlineQueueObj",
                props.getExistingDeadlineQueueObj(),
                "deadlineQueueProps",
                props.getDeadlineQueueProps());
        ExistingOrProps.requireNotBoth(
                CONSTRUCT,
                "existingDeadlineDeadLetterQueueObj",
                props.getExistingDeadlineDeadLetterQueueObj(),
                "deadlineDeadLetterQueueProps",
                props.getDeadlineDeadLetterQueueProps());
        requireReusable(
                "existingResponseQueueObj",
                props.getExistingResponseQueueObj(),
                "existingResponseDeadLetterQueueObj",
                props.getExistingResponseDeadLetterQueueObj());
        requireReusable(
                "existingDeadlineQueueObj",
                props.getExistingDeadlineQueueObj(),
                "existingDeadlineDeadLetterQueueObj",
                props.getExistingDeadlineDeadLetterQueueObj());
        if (props.getResponseQueueProps() != null
                && props.getResponseQueueProps().getVisibilityTimeout() != null
                && props.getResponseQueueVisibilityTimeout() != null) {
            throw new IllegalArgumentException(CONSTRUCT + ": give the response queue's visibility timeout as "
                    + "responseQueueVisibilityTimeout or in responseQueueProps, got both");
        }
    }

    /**
     * The reuser's queue keeps what the construct would have set: a standard queue (the submit function
     * sends without a message group), encrypted, and redriving to the dead-letter queue given with it.
     * What a queue imported by ARN does not tell (its encryption, TLS-only policy and redrive policy) is
     * the reuser's to provide, as the props' Javadoc says.
     */
    private static void requireReusable(String queueName, IQueue queue, String deadLetterName, IQueue deadLetters) {
        if (queue == null) {
            return;
        }
        if (deadLetters == null) {
            throw new IllegalArgumentException(
                    CONSTRUCT + ": " + queueName + " needs " + deadLetterName + ", the queue "
                            + "its redrive policy sends to (the construct alarms on it and grants its redrive), got none");
        }
        if (Boolean.TRUE.equals(queue.getFifo())) {
            throw new IllegalArgumentException(CONSTRUCT + ": " + queueName + " must be a standard queue (the submit "
                    + "function sends without a message group), got a FIFO queue "
                    + queue.getNode().getPath());
        }
        if (queue.getEncryptionType() == QueueEncryption.UNENCRYPTED) {
            throw new IllegalArgumentException(
                    CONSTRUCT + ": " + queueName + " must be encrypted at rest (SSE-SQS or a " + "KMS key), got "
                            + queue.getNode().getPath() + " unencrypted");
        }
        if (queue instanceof Queue defined) {
            DeadLetterQueue redrive = defined.getDeadLetterQueue();
            if (redrive == null
                    || !redrive.getQueue()
                            .getNode()
                            .getPath()
                            .equals(deadLetters.getNode().getPath())) {
                throw new IllegalArgumentException(CONSTRUCT + ": " + queueName + " must send what it gives up on to "
                        + deadLetterName + " " + deadLetters.getNode().getPath() + ", got "
                        + (redrive == null
                                ? "a queue without a dead-letter queue"
                                : "a queue that sends it to "
                                        + redrive.getQueue().getNode().getPath()));
            }
        }
    }

    IQueue responseDeadLetterQueue() {
        return deadLetterQueue(
                "ResponseDeadLetterQueue",
                props.getExistingResponseDeadLetterQueueObj(),
                "responseDeadLetterQueueProps",
                props.getResponseDeadLetterQueueProps());
    }

    IQueue deadlineDeadLetterQueue() {
        return deadLetterQueue(
                "DeadlineDeadLetterQueue",
                props.getExistingDeadlineDeadLetterQueueObj(),
                "deadlineDeadLetterQueueProps",
                props.getDeadlineDeadLetterQueueProps());
    }

    /** The reuser's response queue, or a new one whose visibility outlasts the collector 6 times. */
    IQueue responseQueue(IQueue deadLetters) {
        if (props.getExistingResponseQueueObj() != null) {
            return props.getExistingResponseQueueObj();
        }
        return QueueConsumers.queue(
                scope,
                "ResponseQueue",
                false,
                props.getResponseQueueVisibilityTimeout() != null
                        ? props.getResponseQueueVisibilityTimeout()
                        : collectorVisibility(),
                TopicQueueChainProps.DEFAULT_RETENTION_PERIOD,
                deadLetters,
                3,
                CONSTRUCT + ": responseQueueProps",
                props.getResponseQueueProps());
    }

    /** The reuser's deadline queue, or a new one. */
    IQueue deadlineQueue(IQueue deadLetters) {
        if (props.getExistingDeadlineQueueObj() != null) {
            return props.getExistingDeadlineQueueObj();
        }
        return QueueConsumers.queue(
                scope,
                "DeadlineQueue",
                false,
                collectorVisibility(),
                TopicQueueChainProps.DEFAULT_RETENTION_PERIOD,
                deadLetters,
                TopicQueueChainProps.DEFAULT_MAX_RECEIVE_COUNT,
                CONSTRUCT + ": deadlineQueueProps",
                props.getDeadlineQueueProps());
    }

    private static Duration collectorVisibility() {
        return QueueConsumers.visibilityTimeoutFor(ScatterGatherRfqProps.COLLECTOR_TIMEOUT, null);
    }

    private IQueue deadLetterQueue(String id, IQueue existing, String propsName, QueueProps given) {
        return existing != null
                ? existing
                : SecureQueues.deadLetterQueue(scope, id, false, CONSTRUCT + ": " + propsName, given);
    }

    ITopic requestTopic() {
        return props.getExistingRequestTopicObj() != null
                ? props.getExistingRequestTopicObj()
                : topic("RequestTopic", "requestTopicProps", props.getRequestTopicProps());
    }

    ITopic completionTopic() {
        return props.getExistingCompletionTopicObj() != null
                ? props.getExistingCompletionTopicObj()
                : topic("CompletionTopic", "completionTopicProps", props.getCompletionTopicProps());
    }

    ITable table() {
        return props.getExistingTableObj() != null
                ? props.getExistingTableObj()
                : SecureResources.table(
                        scope,
                        "RidesBookingTable",
                        "id",
                        "responder",
                        props.getTableRemovalPolicy(),
                        CONSTRUCT + ": tableProps",
                        props.getTableProps());
    }

    private ITopic topic(String id, String propsName, TopicProps given) {
        IKey key = given != null && given.getMasterKey() != null ? null : topicsKey();
        return SecureResources.topic(scope, id, key, CONSTRUCT + ": " + propsName, given);
    }

    private IKey topicsKey() {
        if (topicsKey == null) {
            topicsKey = SecureResources.rotatingKey(
                    scope, "TopicsKey", "Encrypts the request-for-quotes and completion topics at rest");
        }
        return topicsKey;
    }
}
