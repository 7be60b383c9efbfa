package com.wildrydes.constructs.workshop;

import com.wildrydes.constructs.functions.JavaFunctionProps;
import com.wildrydes.constructs.internal.RequiredProp;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.sns.ITopic;

/** Props of {@link UnicornManagementService}. */
public final class UnicornManagementServiceProps {

    public static final String DEFAULT_STAGE_NAME = "prod";
    public static final int DEFAULT_THROTTLING_RATE_LIMIT = 10;
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
        this.rideCompletionTopic = RequiredProp.of(b.rideCompletionTopic, "UnicornManagementServiceProps.rideCompletionTopic",
                "the ITopic rides are published to");
        this.code = RequiredProp.of(b.code, "UnicornManagementServiceProps.code",
                "the Code of the submit handler");
        this.handler = RequiredProp.of(b.handler, "UnicornManagementServiceProps.handler",
                "the submit handler class");
        this.tableRemovalPolicy = b.tableRemovalPolicy;
        this.stageName = b.stageName;
        this.throttlingRateLimit = b.throttlingRateLimit;
        this.throttlingBurstLimit = b.throttlingBurstLimit;
        this.snapStart = b.snapStart;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where completed rides are published. Required. */
    public ITopic getRideCompletionTopic() {
        return rideCompletionTopic;
    }

    /** The jar holding the submit handler. Required. */
    public Code getCode() {
        return code;
    }

    /** The submit handler, {@code package.Class::method}. It reads TABLE_NAME and TOPIC_ARN. Required. */
    public String getHandler() {
        return handler;
    }

    /** What happens to the Rides table when the stack is deleted. Default: RETAIN (never lose data by accident). */
    public RemovalPolicy getTableRemovalPolicy() {
        return tableRemovalPolicy;
    }

    /** Default: {@code prod}. */
    public String getStageName() {
        return stageName;
    }

    /** Steady-state requests per second the stage accepts. Default: 10. */
    public Integer getThrottlingRateLimit() {
        return throttlingRateLimit;
    }

    /** Burst of requests the stage accepts. Default: 20. */
    public Integer getThrottlingBurstLimit() {
        return throttlingBurstLimit;
    }

    /** SnapStart on the submit function (see {@link JavaFunctionProps#getSnapStart()}). Default: true. */
    public Boolean getSnapStart() {
        return snapStart;
    }

    public static final class Builder {
        private ITopic rideCompletionTopic;
        private Code code;
        private String handler;
        private RemovalPolicy tableRemovalPolicy;
        private String stageName;
        private Integer throttlingRateLimit;
        private Integer throttlingBurstLimit;
        private Boolean snapStart;

        public Builder rideCompletionTopic(ITopic rideCompletionTopic) {
            this.rideCompletionTopic = rideCompletionTopic;
            return this;
        }

        public Builder code(Code code) {
            this.code = code;
            return this;
        }

        public Builder handler(String handler) {
            this.handler = handler;
            return this;
        }

        public Builder tableRemovalPolicy(RemovalPolicy tableRemovalPolicy) {
            this.tableRemovalPolicy = tableRemovalPolicy;
            return this;
        }

        public Builder stageName(String stageName) {
            this.stageName = stageName;
            return this;
        }

        public Builder throttlingRateLimit(Integer throttlingRateLimit) {
            this.throttlingRateLimit = throttlingRateLimit;
            return this;
        }

        public Builder throttlingBurstLimit(Integer throttlingBurstLimit) {
            this.throttlingBurstLimit = throttlingBurstLimit;
            return this;
        }

        public Builder snapStart(Boolean snapStart) {
            this.snapStart = snapStart;
            return this;
        }

        public UnicornManagementServiceProps build() {
            return new UnicornManagementServiceProps(this);
        }
    }
}
