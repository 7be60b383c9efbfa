package com.wildrydes.constructs.messaging;

import com.wildrydes.constructs.internal.RequiredProp;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.QueueProps;

/**
 * Props of {@link TopicQueueChain}. Give the topic; optionally a consumer function; and either an
 * existing queue or the settings of the queue to create, not both.
 */
public final class TopicQueueChainProps {

    /**
     * Receives before a message moves to the dead-letter queue when {@code maxReceiveCount} is not given:
     * 5, AWS's guidance for SQS event sources, so that throttling alone does not dead-letter a message.
     */
    public static final int DEFAULT_MAX_RECEIVE_COUNT = 5;
    /**
     * Messages per invocation when {@code batchSize} is not given: 10, Lambda's default and SQS's largest
     * receive for standard and FIFO queues alike.
     */
    public static final int DEFAULT_BATCH_SIZE = 10;
    /** How many times its consumer's timeout a created queue's visibility timeout is: 6, AWS's guidance. */
    public static final int VISIBILITY_TIMEOUT_FACTOR = 6;
    /** A created queue's visibility timeout without a consumer: 30 seconds, SQS's own default. */
    public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.seconds(30);
    /**
     * How long a created queue with a consumer keeps a message when {@code retentionPeriod} is not given:
     * 4 days, SQS's own default. Without a consumer it keeps one 14 days, SQS's longest.
     */
    public static final Duration DEFAULT_RETENTION_PERIOD = Duration.days(4);
    /**
     * The age of the oldest message at which the backlog alarm fires when {@code oldestMessageAlarmAge} is
     * not given: 15 minutes.
     */
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
    private final QueueProps queueProps;
    private final QueueProps deadLetterQueueProps;
    private final SqsEventSourceProps eventSourceProps;

    private TopicQueueChainProps(Builder b) {
        this.topic = RequiredProp.of(b.topic, "TopicQueueChainProps.topic", "the ITopic the queue subscribes to");
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
        this.queueProps = b.queueProps;
        this.deadLetterQueueProps = b.deadLetterQueueProps;
        this.eventSourceProps = b.eventSourceProps;
    }

    /**
     * Starts the settings of a {@link TopicQueueChain}.
     *
     * @return a new builder, with no prop set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The topic the queue subscribes to. Required.
     *
     * @return the topic, never null
     */
    public ITopic getTopic() {
        return topic;
    }

    /**
     * The function that consumes the queue (a function, version or alias). Default: none, the queue only.
     *
     * @return the consumer, or null for none
     */
    public IFunction getConsumer() {
        return consumer;
    }

    /**
     * The consumer's timeout, for a consumer whose timeout this construct cannot read (an imported
     * function). Default: read from the function.
     *
     * @return the timeout given, or null to read it from the function
     */
    public Duration getConsumerTimeout() {
        return consumerTimeout;
    }

    /**
     * An existing queue to subscribe instead of creating one. Its redrive policy stays its owner's: the
     * construct creates a dead-letter queue for undeliverable SNS messages only. Default: a new queue.
     *
     * @return the queue given, or null for a new one
     */
    public IQueue getQueue() {
        return queue;
    }

    /**
     * How long a received message stays hidden. Default: six times the consumer's timeout plus the batching
     * window (AWS's guidance), or 30 seconds without a consumer. Must not be shorter than the consumer's
     * timeout.
     *
     * @return the timeout given, or null for the default
     */
    public Duration getVisibilityTimeout() {
        return visibilityTimeout;
    }

    /**
     * How long the queue keeps a message. Default: 4 days with a {@code consumer}; without one, 14 days
     * (SQS's longest), so that nothing is lost before the backlog alarm is heard.
     *
     * @return the period given, or null for the default
     */
    public Duration getRetentionPeriod() {
        return retentionPeriod;
    }

    /**
     * Receives before a message moves to the dead-letter queue, 1 to 1,000. Default: 5.
     *
     * @return the count given, or null for 5
     */
    public Integer getMaxReceiveCount() {
        return maxReceiveCount;
    }

    /**
     * Which messages the queue receives. Default: all.
     *
     * @return the filter policy, or null for all messages
     */
    public FilterPolicy getFilterPolicy() {
        return filterPolicy;
    }

    /**
     * Deliver the published body without the SNS envelope. Default: true.
     *
     * @return the setting given, or null for true
     */
    public Boolean getRawMessageDelivery() {
        return rawMessageDelivery;
    }

    /**
     * Messages per invocation, 1 to 10,000 (10 for FIFO). Default: 10.
     *
     * @return the size given, or null for 10
     */
    public Integer getBatchSize() {
        return batchSize;
    }

    /**
     * How long Lambda gathers a batch, up to 5 minutes; standard queues only. Default: none. Required for
     * batches over 10.
     *
     * @return the window given, or null for none
     */
    public Duration getMaxBatchingWindow() {
        return maxBatchingWindow;
    }

    /**
     * Most concurrent invocations the queue drives, 2 to 1,000. Default: no cap beyond the function's.
     *
     * @return the cap given, or null for none
     */
    public Integer getMaxConcurrency() {
        return maxConcurrency;
    }

    /**
     * The age of the oldest message at which the backlog alarm fires. Default: 15 minutes.
     *
     * @return the age given, or null for 15 minutes
     */
    public Duration getOldestMessageAlarmAge() {
        return oldestMessageAlarmAge;
    }

    /**
     * Whether to alarm on a growing backlog. Turn it off for a queue that no service consumes (one that a
     * person reads), where the oldest message always grows old. Default: true.
     *
     * @return the setting given, or null for true
     */
    public Boolean getOldestMessageAlarm() {
        return oldestMessageAlarm;
    }

    /**
     * An existing dead-letter queue (for example one shared by several chains) to use instead of creating
     * one: it takes what the queue gives up on and what SNS cannot deliver, and the dead-letter alarm
     * watches it. It must be FIFO for a FIFO topic, standard otherwise, and in this stack's account and
     * region. Default: a new encrypted, TLS-only queue keeping messages 14 days.
     *
     * @return the queue given, or null for a new one
     */
    public IQueue getDeadLetterQueue() {
        return deadLetterQueue;
    }

    boolean hasQueueSettings() {
        return visibilityTimeout != null || retentionPeriod != null || maxReceiveCount != null;
    }

    /**
     * Props of the queue this construct creates, every option of aws-cdk-lib's {@code QueueProps},
     * set over the construct's defaults. Secure defaults stay: {@code encryption} UNENCRYPTED or
     * KMS_MANAGED, {@code enforceSSL} false, a {@code deadLetterQueue} (set by the construct) or a
     * {@code fifo} other than the topic's are refused. Not with {@code queue}, nor with
     * {@code visibilityTimeout} or {@code retentionPeriod} (give them in one place). Default: none.
     *
     * @return the props given, or null
     */
    public QueueProps getQueueProps() {
        return queueProps;
    }

    /**
     * Props of the dead-letter queue this construct creates, over its defaults (14 days' retention,
     * encrypted, TLS only), with the same refusals as {@code queueProps}. Not with
     * {@code deadLetterQueue}. Default: none.
     *
     * @return the props given, or null
     */
    public QueueProps getDeadLetterQueueProps() {
        return deadLetterQueueProps;
    }

    /**
     * The consumer's event source options: every option of aws-cdk-lib's {@code SqsEventSourceProps}
     * (batch size and window, filters, enabled, maximum concurrency, metrics, provisioned pollers,
     * partial batch responses), checked by aws-cdk-lib's {@code SqsEventSource}. Defaults kept unless
     * set here: {@code batchSize} {@link #DEFAULT_BATCH_SIZE}, {@code reportBatchItemFailures} true. Not
     * with {@code batchSize}, {@code maxBatchingWindow} or {@code maxConcurrency}; needs a
     * {@code consumer}. Default: none.
     *
     * @return the options given, or null
     */
    public SqsEventSourceProps getEventSourceProps() {
        return eventSourceProps;
    }

    /**
     * Builds {@link TopicQueueChainProps}: set the required props; give an existing queue or the settings
     * of a new one, not both; any prop not set takes its default.
     */
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
        private QueueProps queueProps;
        private QueueProps deadLetterQueueProps;
        private SqsEventSourceProps eventSourceProps;

        /**
         * Sets {@link TopicQueueChainProps#getTopic()}.
         *
         * @param topic the topic the queue subscribes to
         * @return this builder
         */
        public Builder topic(ITopic topic) {
            this.topic = topic;
            return this;
        }

        /**
         * Sets {@link TopicQueueChainProps#getConsumer()}.
         *
         * @param consumer the function that consumes the queue: a function, version or alias
         * @return this builder
         */
        public Builder consumer(IFunction consumer) {
            this.consumer = consumer;
            return this;
        }

        /**
         * Sets {@link TopicQueueChainProps#getConsumerTimeout()}.
         *
         * @param consumerTimeout the consumer's timeout, when it cannot be read from the function
         * @return this builder
         */
        public Builder consumerTimeout(Duration consumerTimeout) {
            this.consumerTimeout = consumerTimeout;
            return this;
        }

        /**
         * Sets {@link TopicQueueChainProps#getQueue()}.
         *
         * @param queue an existing queue to subscribe instead of creating one
         * @return this builder
         */
        public Builder queue(IQueue queue) {
            this.queue = queue;
            return this;
        }

        /**
         * Sets {@link TopicQueueChainProps#getVisibilityTimeout()}.
         *
         * @param visibilityTimeout how long a received message stays hidden
         * @return this builder
         */
        public Builder visibilityTimeout(Duration visibilityTimeout) {
            this.visibilityTimeout = visibilityTimeout;
            return this;
        }

        /**
         * Sets {@link TopicQueueChainProps#getRetentionPeriod()}.
         *
         * @param retentionPeriod how long the created queue keeps a message
         * @return this builder
         */
        public Builder retentionPeriod(Duration retentionPeriod) {
            this.retentionPeriod = retentionPeriod;
            return this;
        }

        /**
         * Sets {@link TopicQueueChainProps#getMaxReceiveCount()}.
         *
         * @param maxReceiveCount receives before a message moves to the dead-letter queue, 1 to 1,000
         * @return this builder
         */
        public Builder maxReceiveCount(Integer maxReceiveCount) {
            this.maxReceiveCount = maxReceiveCount;
            return this;
        }

        /**
         * Sets {@link TopicQueueChainProps#getFilterPolicy()}.
         *
         * @param filterPolicy which messages the queue receives
         * @return this builder
         */
        public Builder filterPolicy(FilterPolicy filterPolicy) {
            this.filterPolicy = filterPolicy;
            return this;
        }

        /**
         * Sets {@link TopicQueueChainProps#getRawMessageDelivery()}.
         *
         * @param rawMessageDelivery false to deliver the SNS envelope
         * @return this builder
         */
        public Builder rawMessageDelivery(Boolean rawMessageDelivery) {
            this.rawMessageDelivery = rawMessageDelivery;
            return this;
        }

        /**
         * Sets {@link TopicQueueChainProps#getBatchSize()}.
         *
         * @param batchSize messages per invocation, 1 to 10,000 (10 for FIFO)
         * @return this builder
         */
        public Builder batchSize(Integer batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets {@link TopicQueueChainProps#getMaxBatchingWindow()}.
         *
         * @param maxBatchingWindow how long Lambda gathers a batch, up to 5 minutes
         * @return this builder
         */
        public Builder maxBatchingWindow(Duration maxBatchingWindow) {
            this.maxBatchingWindow = maxBatchingWindow;
            return this;
        }

        /**
         * Sets {@link TopicQueueChainProps#getMaxConcurrency()}.
         *
         * @param maxConcurrency most concurrent invocations the queue drives, 2 to 1,000
         * @return this builder
         */
        public Builder maxConcurrency(Integer maxConcurrency) {
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /**
         * Sets {@link TopicQueueChainProps#getOldestMessageAlarmAge()}.
         *
         * @param oldestMessageAlarmAge the age of the oldest message at which the backlog alarm fires
         * @return this builder
         */
        public Builder oldestMessageAlarmAge(Duration oldestMessageAlarmAge) {
            this.oldestMessageAlarmAge = oldestMessageAlarmAge;
            return this;
        }

        /**
         * Sets {@link TopicQueueChainProps#getOldestMessageAlarm()}.
         *
         * @param oldestMessageAlarm false for no backlog alarm
         * @return this builder
         */
        public Builder oldestMessageAlarm(Boolean oldestMessageAlarm) {
            this.oldestMessageAlarm = oldestMessageAlarm;
            return this;
        }

        /**
         * Sets {@link TopicQueueChainProps#getDeadLetterQueue()}.
         *
         * @param deadLetterQueue an existing dead-letter queue, of the same kind (standard or FIFO) as the
         * topic
         * @return this builder
         */
        public Builder deadLetterQueue(IQueue deadLetterQueue) {
            this.deadLetterQueue = deadLetterQueue;
            return this;
        }

        /**
         * Sets {@link TopicQueueChainProps#getQueueProps()}.
         *
         * @param queueProps the new queue's props
         * @return this builder
         */
        public Builder queueProps(QueueProps queueProps) {
            this.queueProps = queueProps;
            return this;
        }

        /**
         * Sets {@link TopicQueueChainProps#getDeadLetterQueueProps()}.
         *
         * @param deadLetterQueueProps the new dead-letter queue's props
         * @return this builder
         */
        public Builder deadLetterQueueProps(QueueProps deadLetterQueueProps) {
            this.deadLetterQueueProps = deadLetterQueueProps;
            return this;
        }

        /**
         * Sets {@link TopicQueueChainProps#getEventSourceProps()}.
         *
         * @param eventSourceProps the event source options
         * @return this builder
         */
        public Builder eventSourceProps(SqsEventSourceProps eventSourceProps) {
            this.eventSourceProps = eventSourceProps;
            return this;
        }

        /**
         * Builds the props, checking that the topic is given; the construct checks the rest at synthesis.
         *
         * @return the props
         * @throws IllegalArgumentException if a required prop is missing (the message names it)
         */
        public TopicQueueChainProps build() {
            return new TopicQueueChainProps(this);
        }
    }
}
