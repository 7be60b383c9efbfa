package com.wildrydes.constructs.messaging;

import com.wildrydes.constructs.internal.RequiredProp;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.QueueProps;

/**
 * Props of {@link FilteredSubscription}. Give the topic and exactly one subscriber: a Lambda
 * function (or alias) or an SQS queue.
 */
public final class FilteredSubscriptionProps {

    /**
     * Lambda's retries of a failed asynchronous invocation when {@code retryAttempts} is not given: 2,
     * Lambda's own default.
     */
    public static final int DEFAULT_RETRY_ATTEMPTS = 2;

    private final ITopic topic;
    private final IFunction function;
    private final IQueue queue;
    private final FilterPolicy filterPolicy;
    private final IQueue deadLetterQueue;
    private final Boolean rawMessageDelivery;
    private final IQueue failedInvocationsQueue;
    private final Integer retryAttempts;
    private final Duration maxEventAge;
    private final Boolean configureAsyncInvoke;
    private final QueueProps deadLetterQueueProps;
    private final QueueProps failedInvocationsQueueProps;

    private FilteredSubscriptionProps(Builder b) {
        this.topic = RequiredProp.of(b.topic, "FilteredSubscriptionProps.topic", "the ITopic to subscribe to");
        this.function = b.function;
        this.queue = b.queue;
        this.filterPolicy = b.filterPolicy;
        this.deadLetterQueue = b.deadLetterQueue;
        this.rawMessageDelivery = b.rawMessageDelivery;
        this.failedInvocationsQueue = b.failedInvocationsQueue;
        this.retryAttempts = b.retryAttempts;
        this.maxEventAge = b.maxEventAge;
        this.configureAsyncInvoke = b.configureAsyncInvoke;
        this.deadLetterQueueProps = b.deadLetterQueueProps;
        this.failedInvocationsQueueProps = b.failedInvocationsQueueProps;
    }

    /**
     * Starts the settings of a {@link FilteredSubscription}.
     *
     * @return a new builder, with no prop set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The topic to subscribe to. Required.
     *
     * @return the topic, never null
     */
    public ITopic getTopic() {
        return topic;
    }

    /**
     * The Lambda subscriber (a function, version or alias). Give this or {@link #getQueue()}. Default:
     * none.
     *
     * @return the function, or null for a queue subscriber
     */
    public IFunction getFunction() {
        return function;
    }

    /**
     * The SQS subscriber. Give this or {@link #getFunction()}. Default: none.
     *
     * @return the queue, or null for a function subscriber
     */
    public IQueue getQueue() {
        return queue;
    }

    /**
     * Which messages to deliver. Default: all of them.
     *
     * @return the filter policy, or null for all messages
     */
    public FilterPolicy getFilterPolicy() {
        return filterPolicy;
    }

    /**
     * Where SNS puts messages it could not deliver. Default: a new encrypted queue, with an alarm.
     *
     * @return the queue given, or null for a new one
     */
    public IQueue getDeadLetterQueue() {
        return deadLetterQueue;
    }

    /**
     * For a queue subscriber: deliver the message body as published, without the SNS envelope. Default:
     * true.
     *
     * @return the setting given, or null for true
     */
    public Boolean getRawMessageDelivery() {
        return rawMessageDelivery;
    }

    /**
     * For a function subscriber: where Lambda sends an asynchronous invocation that still fails after its
     * retries. Default: a new encrypted queue, with an alarm.
     *
     * @return the queue given, or null for a new one
     */
    public IQueue getFailedInvocationsQueue() {
        return failedInvocationsQueue;
    }

    /**
     * For a function subscriber: Lambda's retries of a failed asynchronous invocation, 0 to 2. Default: 2.
     *
     * @return the retries given, or null for 2
     */
    public Integer getRetryAttempts() {
        return retryAttempts;
    }

    /**
     * For a function subscriber: how long Lambda keeps an event for retries, 1 minute to 6 hours. Default:
     * 6 hours.
     *
     * @return the age given, or null for 6 hours
     */
    public Duration getMaxEventAge() {
        return maxEventAge;
    }

    /**
     * For a function subscriber: whether this construct configures the function's asynchronous invocation
     * (retries and on-failure destination). Set false if the function already has an event invoke config of
     * its own: Lambda allows one per function or alias. Default: true.
     *
     * @return the setting given, or null for true
     */
    public Boolean getConfigureAsyncInvoke() {
        return configureAsyncInvoke;
    }

    /**
     * Props of the dead-letter queue this construct creates, every option of aws-cdk-lib's
     * {@code QueueProps} over its defaults (14 days' retention, encrypted, TLS only). Refused: no
     * encryption or an AWS managed key (SNS cannot use it), {@code enforceSSL} false, a {@code fifo}
     * other than the topic's. Not with {@code deadLetterQueue}. Default: none.
     *
     * @return the props given, or null
     */
    public QueueProps getDeadLetterQueueProps() {
        return deadLetterQueueProps;
    }

    /**
     * For a function subscriber: props of the failed-invocations queue this construct creates, over
     * the same defaults and with the same refusals as {@code deadLetterQueueProps}. Not with
     * {@code failedInvocationsQueue}. Default: none.
     *
     * @return the props given, or null
     */
    public QueueProps getFailedInvocationsQueueProps() {
        return failedInvocationsQueueProps;
    }

    /**
     * Builds {@link FilteredSubscriptionProps}: set the required props; give exactly one subscriber; any
     * other prop not set takes its default.
     */
    public static final class Builder {
        private ITopic topic;
        private IFunction function;
        private IQueue queue;
        private FilterPolicy filterPolicy;
        private IQueue deadLetterQueue;
        private Boolean rawMessageDelivery;
        private IQueue failedInvocationsQueue;
        private Integer retryAttempts;
        private Duration maxEventAge;
        private Boolean configureAsyncInvoke;
        private QueueProps deadLetterQueueProps;
        private QueueProps failedInvocationsQueueProps;

        /**
         * Sets {@link FilteredSubscriptionProps#getTopic()}.
         *
         * @param topic the topic to subscribe to
         * @return this builder
         */
        public Builder topic(ITopic topic) {
            this.topic = topic;
            return this;
        }

        /**
         * Sets {@link FilteredSubscriptionProps#getFunction()}.
         *
         * @param function the Lambda subscriber: a function, version or alias
         * @return this builder
         */
        public Builder function(IFunction function) {
            this.function = function;
            return this;
        }

        /**
         * Sets {@link FilteredSubscriptionProps#getQueue()}.
         *
         * @param queue the SQS subscriber
         * @return this builder
         */
        public Builder queue(IQueue queue) {
            this.queue = queue;
            return this;
        }

        /**
         * Sets {@link FilteredSubscriptionProps#getFilterPolicy()}.
         *
         * @param filterPolicy which messages to deliver
         * @return this builder
         */
        public Builder filterPolicy(FilterPolicy filterPolicy) {
            this.filterPolicy = filterPolicy;
            return this;
        }

        /**
         * Sets {@link FilteredSubscriptionProps#getDeadLetterQueue()}.
         *
         * @param deadLetterQueue where SNS puts messages it could not deliver
         * @return this builder
         */
        public Builder deadLetterQueue(IQueue deadLetterQueue) {
            this.deadLetterQueue = deadLetterQueue;
            return this;
        }

        /**
         * Sets {@link FilteredSubscriptionProps#getRawMessageDelivery()}.
         *
         * @param rawMessageDelivery false to deliver the SNS envelope to a queue subscriber
         * @return this builder
         */
        public Builder rawMessageDelivery(Boolean rawMessageDelivery) {
            this.rawMessageDelivery = rawMessageDelivery;
            return this;
        }

        /**
         * Sets {@link FilteredSubscriptionProps#getFailedInvocationsQueue()}.
         *
         * @param failedInvocationsQueue the on-failure destination of a function subscriber's asynchronous
         * invocations
         * @return this builder
         */
        public Builder failedInvocationsQueue(IQueue failedInvocationsQueue) {
            this.failedInvocationsQueue = failedInvocationsQueue;
            return this;
        }

        /**
         * Sets {@link FilteredSubscriptionProps#getRetryAttempts()}.
         *
         * @param retryAttempts Lambda's retries of a failed asynchronous invocation, 0 to 2
         * @return this builder
         */
        public Builder retryAttempts(Integer retryAttempts) {
            this.retryAttempts = retryAttempts;
            return this;
        }

        /**
         * Sets {@link FilteredSubscriptionProps#getMaxEventAge()}.
         *
         * @param maxEventAge how long Lambda keeps an event for retries, 1 minute to 6 hours
         * @return this builder
         */
        public Builder maxEventAge(Duration maxEventAge) {
            this.maxEventAge = maxEventAge;
            return this;
        }

        /**
         * Sets {@link FilteredSubscriptionProps#getConfigureAsyncInvoke()}.
         *
         * @param configureAsyncInvoke false to leave the function's asynchronous invocation configuration
         * to its owner
         * @return this builder
         */
        public Builder configureAsyncInvoke(Boolean configureAsyncInvoke) {
            this.configureAsyncInvoke = configureAsyncInvoke;
            return this;
        }

        /**
         * Sets {@link FilteredSubscriptionProps#getDeadLetterQueueProps()}.
         *
         * @param deadLetterQueueProps the new dead-letter queue's props
         * @return this builder
         */
        public Builder deadLetterQueueProps(QueueProps deadLetterQueueProps) {
            this.deadLetterQueueProps = deadLetterQueueProps;
            return this;
        }

        /**
         * Sets {@link FilteredSubscriptionProps#getFailedInvocationsQueueProps()}.
         *
         * @param failedInvocationsQueueProps the new failed-invocations queue's props
         * @return this builder
         */
        public Builder failedInvocationsQueueProps(QueueProps failedInvocationsQueueProps) {
            this.failedInvocationsQueueProps = failedInvocationsQueueProps;
            return this;
        }

        /**
         * Builds the props, checking that the topic is given; the construct checks the rest at synthesis.
         *
         * @return the props
         * @throws IllegalArgumentException if a required prop is missing (the message names it)
         */
        public FilteredSubscriptionProps build() {
            return new FilteredSubscriptionProps(this);
        }
    }
}
