package com.wildrydes.constructs.rfq;

import software.amazon.awscdk.Duration;

/**
 * How {@link ScatterGatherRfq#addResponder(String, software.amazon.awscdk.services.lambda.IFunction,
 * ResponderOptions)} configures a responder's asynchronous invocation (SNS invokes it asynchronously;
 * see {@code FilteredSubscriptionProps} for each setting's rules and defaults).
 */
public final class ResponderOptions {

    private final Duration maxEventAge;
    private final Integer retryAttempts;
    private final Boolean configureAsyncInvoke;

    private ResponderOptions(Builder b) {
        this.maxEventAge = b.maxEventAge;
        this.retryAttempts = b.retryAttempts;
        this.configureAsyncInvoke = b.configureAsyncInvoke;
    }

    /**
     * Starts the options.
     *
     * @return a new builder, with no option set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How long Lambda keeps retrying a request it could not deliver to the responder (throttled, say)
     * before it gives the event up to the responder's failed-invocations queue. A quote after the request's
     * deadline no longer counts, so the deadline is a good choice. 1 minute to 6 hours. Default: 6 hours.
     *
     * @return the age given, or null for 6 hours
     */
    public Duration getMaxEventAge() {
        return maxEventAge;
    }

    /**
     * Retries of a failed invocation, 0 to 2. Default: 2.
     *
     * @return the count given, or null for 2
     */
    public Integer getRetryAttempts() {
        return retryAttempts;
    }

    /**
     * Whether to configure the responder's asynchronous invocation at all; false when its owner does.
     * Default: the request for quotes' {@code configureResponderAsyncInvoke} (true unless set).
     *
     * @return the setting given, or null for the request for quotes' setting
     */
    public Boolean getConfigureAsyncInvoke() {
        return configureAsyncInvoke;
    }

    /** Builds {@link ResponderOptions}; any option not set takes its default. */
    public static final class Builder {
        private Duration maxEventAge;
        private Integer retryAttempts;
        private Boolean configureAsyncInvoke;

        /**
         * Sets {@link ResponderOptions#getMaxEventAge()}.
         *
         * @param maxEventAge how long Lambda retries an event it could not deliver
         * @return this builder
         */
        public Builder maxEventAge(Duration maxEventAge) {
            this.maxEventAge = maxEventAge;
            return this;
        }

        /**
         * Sets {@link ResponderOptions#getRetryAttempts()}.
         *
         * @param retryAttempts retries of a failed invocation, 0 to 2
         * @return this builder
         */
        public Builder retryAttempts(Integer retryAttempts) {
            this.retryAttempts = retryAttempts;
            return this;
        }

        /**
         * Sets {@link ResponderOptions#getConfigureAsyncInvoke()}.
         *
         * @param configureAsyncInvoke false to leave the responder's asynchronous invocation to its owner
         * @return this builder
         */
        public Builder configureAsyncInvoke(Boolean configureAsyncInvoke) {
            this.configureAsyncInvoke = configureAsyncInvoke;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public ResponderOptions build() {
            return new ResponderOptions(this);
        }
    }
}
