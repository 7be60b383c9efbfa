package com.wildrydes.constructs.messaging;

import com.wildrydes.constructs.internal.RequiredProp;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * Props of {@link TopicQueueChain}. Give the topic; optionally a consumer function; and either an
 * existing queue or the settings of the queue to create, not both.
 */
public final class TopicQueueChainProps {

    /** AWS's guidance for SQS event sources: at least 5, so that throttling alone does not dead-letter a message. */
    public static final int DEFAULT_MAX_RECEIVE_COUNT = 5;
    /** Lambda's default and SQS's largest receive for standard and FIFO queues alike. */
    public static final int DEFAULT_BATCH_SIZE = 10;
    /** AWS's guidance: a queue's visibility timeout at least six times its consumer's timeout. */
    public static final int VISIBILITY_TIMEOUT_FACTOR = 6;
    /** The visibility timeout SQS itself uses when no consumer tells us better. */
    public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.seconds(30);
    public static final Duration DEFAULT_RETENTION_PERIOD = Duration.days(4);
    public static final Duration DEFAULT_OLDEST_MESSAGE_ALARM_AGE = Duration.minutes(15);

    private final ITopic topic;
    private final IFunction consumer;
    private final Duration consumerTimeout;
    private final IQueue queue;
    private final IQueue deadLetterQueue;
    private final Duration visibilityTimeout;
    private final Duration retentionPeriod;
    private final Integer maxReceiveCount;
    private final FilterPolicy filterPolicy;
    private final Boolean rawMessageDelivery;
    private final Integer batchSize;
    private final Duration maxBatchingWindow;
    private final Integer maxConcurrency;
    private final Duration oldestMessageAlarmAge;
    private final Boolean oldestMessageAlarm;

    private TopicQueueChainProps(Builder b) {
        this.topic = RequiredProp.of(b.topic, "TopicQueueChainProps.topic",
                "the ITopic the queue subscribes to");
        this.consumer = b.consumer;
        this.consumerTimeout = b.consumerTimeout;
        this.queue = b.queue;
        this.deadLetterQueue = b.deadLetterQueue;
        this.visibilityTimeout = b.visibilityTimeout;
        this.retentionPeriod = b.retentionPeriod;
        this.maxReceiveCount = b.maxReceiveCount;
        this.filterPolicy = b.filterPolicy;
        this.rawMessageDelivery = b.rawMessageDelivery;
        this.batchSize = b.batchSize;
        this.maxBatchingWindow = b.maxBatchingWindow;
        this.maxConcurrency = b.maxConcurrency;
        this.oldestMessageAlarmAge = b.oldestMessageAlarmAge;
        this.oldestMessageAlarm = b.oldestMessageAlarm;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The topic the queue subscribes to. Required. */
    public ITopic getTopic() {
        return topic;
    }

    /** The function that consumes the queue (a function, version or alias). Default: none, the queue only. */
    public IFunction getConsumer() {
        return consumer;
    }

    /**
     * The consumer's timeout, for a consumer whose timeout this construct cannot read (an imported
     * function). Default: read from the function.
     */
    public Duration getConsumerTimeout() {
        return consumerTimeout;
    }

    /**
     * An existing queue to subscribe instead of creating one. Its redrive policy stays its owner's:
     * the construct creates a dead-letter queue for undeliverable SNS messages only. Default: a new queue.
     */
    public IQueue getQueue() {
        return queue;
    }

    /**
     * How long a received message stays hidden. Default: six times the consumer's timeout plus the
     * batching window (AWS's guidance), or 30 seconds without a consumer. Must not be shorter than
     * the consumer's timeout.
     */
    public Duration getVisibilityTimeout() {
        return visibilityTimeout;
    }

    /** How long the queue keeps a message. Default: 4 days. */
    public Duration getRetentionPeriod() {
        return retentionPeriod;
    }

    /** Receives before a message moves to the dead-letter queue. Default: 5. */
    public Integer getMaxReceiveCount() {
        return maxReceiveCount;
    }

    /** Which messages the queue receives. Default: all. */
    public FilterPolicy getFilterPolicy() {
        return filterPolicy;
    }

    /** Deliver the published body without the SNS envelope. Default: true. */
    public Boolean getRawMessageDelivery() {
        return rawMessageDelivery;
    }

    /** Messages per invocation, 1 to 10,000 (10 for FIFO). Default: 10. */
    public Integer getBatchSize() {
        return batchSize;
    }

    /** How long Lambda gathers a batch, up to 5 minutes. Default: none. Required for batches over 10. */
    public Duration getMaxBatchingWindow() {
        return maxBatchingWindow;
    }

    /** Most concurrent invocations the queue drives, 2 to 1,000. Default: no cap beyond the function's. */
    public Integer getMaxConcurrency() {
        return maxConcurrency;
    }

    /** The age of the oldest message at which the backlog alarm fires. Default: 15 minutes. */
    public Duration getOldestMessageAlarmAge() {
        return oldestMessageAlarmAge;
    }

    /**
     * Whether to alarm on a growing backlog. Turn it off for a queue that no service consumes (one that a
     * person reads), where the oldest message always grows old. Default: true.
     */
    public Boolean getOldestMessageAlarm() {
        return oldestMessageAlarm;
    }

    /**
     * An existing dead-letter queue (for example one shared by several chains) to use instead of
     * creating one: it takes what the queue gives up on and what SNS cannot deliver, and the
     * dead-letter alarm watches it. It must be FIFO for a FIFO topic, standard otherwise, and in
     * this stack's account and region. Default: a new encrypted, TLS-only queue keeping messages 14 days.
     */
    public IQueue getDeadLetterQueue() {
        return deadLetterQueue;
    }

    boolean hasQueueSettings() {
        return visibilityTimeout != null || retentionPeriod != null || maxReceiveCount != null;
    }

    public static final class Builder {
        private ITopic topic;
        private IFunction consumer;
        private Duration consumerTimeout;
        private IQueue queue;
        private IQueue deadLetterQueue;
        private Duration visibilityTimeout;
        private Duration retentionPeriod;
        private Integer maxReceiveCount;
        private FilterPolicy filterPolicy;
        private Boolean rawMessageDelivery;
        private Integer batchSize;
        private Duration maxBatchingWindow;
        private Integer maxConcurrency;
        private Duration oldestMessageAlarmAge;
        private Boolean oldestMessageAlarm;

        public Builder topic(ITopic topic) {
            this.topic = topic;
            return this;
        }

        public Builder consumer(IFunction consumer) {
            this.consumer = consumer;
            return this;
        }

        public Builder consumerTimeout(Duration consumerTimeout) {
            this.consumerTimeout = consumerTimeout;
            return this;
        }

        public Builder queue(IQueue queue) {
            this.queue = queue;
            return this;
        }

        public Builder visibilityTimeout(Duration visibilityTimeout) {
            this.visibilityTimeout = visibilityTimeout;
            return this;
        }

        public Builder retentionPeriod(Duration retentionPeriod) {
            this.retentionPeriod = retentionPeriod;
            return this;
        }

        public Builder maxReceiveCount(Integer maxReceiveCount) {
            this.maxReceiveCount = maxReceiveCount;
            return this;
        }

        public Builder filterPolicy(FilterPolicy filterPolicy) {
            this.filterPolicy = filterPolicy;
            return this;
        }

        public Builder rawMessageDelivery(Boolean rawMessageDelivery) {
            this.rawMessageDelivery = rawMessageDelivery;
            return this;
        }

        public Builder batchSize(Integer batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder maxBatchingWindow(Duration maxBatchingWindow) {
            this.maxBatchingWindow = maxBatchingWindow;
            return this;
        }

        public Builder maxConcurrency(Integer maxConcurrency) {
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        public Builder oldestMessageAlarmAge(Duration oldestMessageAlarmAge) {
            this.oldestMessageAlarmAge = oldestMessageAlarmAge;
            return this;
        }

        public Builder oldestMessageAlarm(Boolean oldestMessageAlarm) {
            this.oldestMessageAlarm = oldestMessageAlarm;
            return this;
        }

        public Builder deadLetterQueue(IQueue deadLetterQueue) {
            this.deadLetterQueue = deadLetterQueue;
            return this;
        }

        public TopicQueueChainProps build() {
            return new TopicQueueChainProps(this);
        }
    }
}
