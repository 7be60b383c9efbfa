package com.wildrydes.constructs.messaging;

import com.wildrydes.constructs.internal.RequiredProp;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * Props of {@link FilteredSubscription}. Give the topic and exactly one subscriber: a Lambda
 * function (or alias) or an SQS queue.
 */
public final class FilteredSubscriptionProps {

    /** Lambda's own default for asynchronous invocations. */
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

    private FilteredSubscriptionProps(Builder b) {
        this.topic = RequiredProp.of(b.topic, "FilteredSubscriptionProps.topic",
                "the ITopic to subscribe to");
        this.function = b.function;
        this.queue = b.queue;
        this.filterPolicy = b.filterPolicy;
        this.deadLetterQueue = b.deadLetterQueue;
        this.rawMessageDelivery = b.rawMessageDelivery;
        this.failedInvocationsQueue = b.failedInvocationsQueue;
        this.retryAttempts = b.retryAttempts;
        this.maxEventAge = b.maxEventAge;
        this.configureAsyncInvoke = b.configureAsyncInvoke;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The topic to subscribe to. Required. */
    public ITopic getTopic() {
        return topic;
    }

    /** The Lambda subscriber (a function, version or alias). Give this or {@link #getQueue()}. */
    public IFunction getFunction() {
        return function;
    }

    /** The SQS subscriber. Give this or {@link #getFunction()}. */
    public IQueue getQueue() {
        return queue;
    }

    /** Which messages to deliver. Default: all of them. */
    public FilterPolicy getFilterPolicy() {
        return filterPolicy;
    }

    /** Where SNS puts messages it could not deliver. Default: a new encrypted queue. */
    public IQueue getDeadLetterQueue() {
        return deadLetterQueue;
    }

    /** For a queue subscriber: deliver the message body as published, without the SNS envelope. Default: true. */
    public Boolean getRawMessageDelivery() {
        return rawMessageDelivery;
    }

    /**
     * For a function subscriber: where Lambda sends an asynchronous invocation that still fails
     * after its retries. Default: a new encrypted queue.
     */
    public IQueue getFailedInvocationsQueue() {
        return failedInvocationsQueue;
    }

    /** For a function subscriber: Lambda's retries of a failed asynchronous invocation, 0 to 2. Default: 2. */
    public Integer getRetryAttempts() {
        return retryAttempts;
    }

    /** For a function subscriber: how long Lambda keeps an event for retries, 1 minute to 6 hours. Default: 6 hours. */
    public Duration getMaxEventAge() {
        return maxEventAge;
    }

    /**
     * For a function subscriber: whether this construct configures the function's asynchronous
     * invocation (retries and on-failure destination). Set false if the function already has an
     * event invoke config of its own: Lambda allows one per function or alias. Default: true.
     */
    public Boolean getConfigureAsyncInvoke() {
        return configureAsyncInvoke;
    }

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

        public Builder topic(ITopic topic) {
            this.topic = topic;
            return this;
        }

        public Builder function(IFunction function) {
            this.function = function;
            return this;
        }

        public Builder queue(IQueue queue) {
            this.queue = queue;
            return this;
        }

        public Builder filterPolicy(FilterPolicy filterPolicy) {
            this.filterPolicy = filterPolicy;
            return this;
        }

        public Builder deadLetterQueue(IQueue deadLetterQueue) {
            this.deadLetterQueue = deadLetterQueue;
            return this;
        }

        public Builder rawMessageDelivery(Boolean rawMessageDelivery) {
            this.rawMessageDelivery = rawMessageDelivery;
            return this;
        }

        public Builder failedInvocationsQueue(IQueue failedInvocationsQueue) {
            this.failedInvocationsQueue = failedInvocationsQueue;
            return this;
        }

        public Builder retryAttempts(Integer retryAttempts) {
            this.retryAttempts = retryAttempts;
            return this;
        }

        public Builder maxEventAge(Duration maxEventAge) {
            this.maxEventAge = maxEventAge;
            return this;
        }

        public Builder configureAsyncInvoke(Boolean configureAsyncInvoke) {
            this.configureAsyncInvoke = configureAsyncInvoke;
            return this;
        }

        public FilteredSubscriptionProps build() {
            return new FilteredSubscriptionProps(this);
        }
    }
}
