package com.wildrydes.infra;

import com.wildrydes.constructs.functions.JavaFunctionProps;
import com.wildrydes.constructs.internal.RequiredProp;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.sns.ITopic;

/** Props of {@link UnicornManagementService}. */
public final class UnicornManagementServiceProps {

    /** The API's stage when {@code stageName} is not given, as in the workshop. */
    public static final String DEFAULT_STAGE_NAME = "prod";
    /** Steady-state requests per second the stage accepts when {@code throttlingRateLimit} is not given. */
    public static final int DEFAULT_THROTTLING_RATE_LIMIT = 10;
    /** Requests the stage accepts at once when {@code throttlingBurstLimit} is not given. */
    public static final int DEFAULT_THROTTLING_BURST_LIMIT = 20;

    private final ITopic rideCompletionTopic;
    private final Code code;
    private final String handler;
    private final RemovalPolicy tableRemovalPolicy;
    private final String stageName;
    private final Integer throttlingRateLimit;
    private final Integer throttlingBurstLimit;
    private final Boolean snapStart;

    private UnicornManagementServiceProps(Builder b) {
        this.rideCompletionTopic = RequiredProp.of(
                b.rideCompletionTopic,
                "UnicornManagementServiceProps.rideCompletionTopic",
                "the ITopic rides are published to");
        this.code = RequiredProp.of(b.code, "UnicornManagementServiceProps.code", "the Code of the submit handler");
        this.handler = RequiredProp.of(b.handler, "UnicornManagementServiceProps.handler", "the submit handler class");
        this.tableRemovalPolicy = b.tableRemovalPolicy;
        this.stageName = b.stageName;
        this.throttlingRateLimit = b.throttlingRateLimit;
        this.throttlingBurstLimit = b.throttlingBurstLimit;
        this.snapStart = b.snapStart;
    }

    /**
     * Starts the settings of a {@link UnicornManagementService}.
     *
     * @return a new builder, with no prop set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Where completed rides are published. Required.
     *
     * @return the topic, never null
     */
    public ITopic getRideCompletionTopic() {
        return rideCompletionTopic;
    }

    /**
     * The jar holding the submit handler. Required.
     *
     * @return the code, never null
     */
    public Code getCode() {
        return code;
    }

    /**
     * The submit handler, {@code package.Class::method}. It reads TABLE_NAME and TOPIC_ARN. Required.
     *
     * @return the handler, never null
     */
    public String getHandler() {
        return handler;
    }

    /**
     * What happens to the Rides table when the stack is deleted. Default: RETAIN (never lose data by
     * accident).
     *
     * @return the policy given, or null for RETAIN
     */
    public RemovalPolicy getTableRemovalPolicy() {
        return tableRemovalPolicy;
    }

    /**
     * The API's stage, the first segment of its URL's path. Default: {@code prod}.
     *
     * @return the stage given, or null for {@code prod}
     */
    public String getStageName() {
        return stageName;
    }

    /**
     * Steady-state requests per second the stage accepts. Default: 10.
     *
     * @return the limit given, or null for 10
     */
    public Integer getThrottlingRateLimit() {
        return throttlingRateLimit;
    }

    /**
     * Burst of requests the stage accepts. Default: 20.
     *
     * @return the limit given, or null for 20
     */
    public Integer getThrottlingBurstLimit() {
        return throttlingBurstLimit;
    }

    /**
     * SnapStart on the submit function (see {@link JavaFunctionProps#getSnapStart()}). Default: true.
     *
     * @return the setting given, or null for true
     */
    public Boolean getSnapStart() {
        return snapStart;
    }

    /**
     * Builds {@link UnicornManagementServiceProps}: set the required props; any prop not set takes its
     * default.
     */
    public static final class Builder {
        private ITopic rideCompletionTopic;
        private Code code;
        private String handler;
        private RemovalPolicy tableRemovalPolicy;
        private String stageName;
        private Integer throttlingRateLimit;
        private Integer throttlingBurstLimit;
        private Boolean snapStart;

        /**
         * Sets {@link UnicornManagementServiceProps#getRideCompletionTopic()}.
         *
         * @param rideCompletionTopic the topic completed rides are published to
         * @return this builder
         */
        public Builder rideCompletionTopic(ITopic rideCompletionTopic) {
            this.rideCompletionTopic = rideCompletionTopic;
            return this;
        }

        /**
         * Sets {@link UnicornManagementServiceProps#getCode()}.
         *
         * @param code the jar holding the submit handler
         * @return this builder
         */
        public Builder code(Code code) {
            this.code = code;
            return this;
        }

        /**
         * Sets {@link UnicornManagementServiceProps#getHandler()}.
         *
         * @param handler the submit handler, {@code package.Class::method}
         * @return this builder
         */
        public Builder handler(String handler) {
            this.handler = handler;
            return this;
        }

        /**
         * Sets {@link UnicornManagementServiceProps#getTableRemovalPolicy()}.
         *
         * @param tableRemovalPolicy what happens to the Rides table when the stack is deleted
         * @return this builder
         */
        public Builder tableRemovalPolicy(RemovalPolicy tableRemovalPolicy) {
            this.tableRemovalPolicy = tableRemovalPolicy;
            return this;
        }

        /**
         * Sets {@link UnicornManagementServiceProps#getStageName()}.
         *
         * @param stageName the API's stage
         * @return this builder
         */
        public Builder stageName(String stageName) {
            this.stageName = stageName;
            return this;
        }

        /**
         * Sets {@link UnicornManagementServiceProps#getThrottlingRateLimit()}.
         *
         * @param throttlingRateLimit steady-state requests per second the stage accepts
         * @return this builder
         */
        public Builder throttlingRateLimit(Integer throttlingRateLimit) {
            this.throttlingRateLimit = throttlingRateLimit;
            return this;
        }

        /**
         * Sets {@link UnicornManagementServiceProps#getThrottlingBurstLimit()}.
         *
         * @param throttlingBurstLimit requests the stage accepts at once
         * @return this builder
         */
        public Builder throttlingBurstLimit(Integer throttlingBurstLimit) {
            this.throttlingBurstLimit = throttlingBurstLimit;
            return this;
        }

        /**
         * Sets {@link UnicornManagementServiceProps#getSnapStart()}.
         *
         * @param snapStart false to turn SnapStart off on the submit function
         * @return this builder
         */
        public Builder snapStart(Boolean snapStart) {
            this.snapStart = snapStart;
            return this;
        }

        /**
         * Builds the props, checking that the topic, code and handler are given; the construct checks the
         * rest at synthesis.
         *
         * @return the props
         * @throws IllegalArgumentException if a required prop is missing (the message names it)
         */
        public UnicornManagementServiceProps build() {
            return new UnicornManagementServiceProps(this);
        }
    }
}
