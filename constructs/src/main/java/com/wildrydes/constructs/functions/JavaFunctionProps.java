package com.wildrydes.constructs.functions;

import com.wildrydes.constructs.internal.RequiredProp;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Props of {@link JavaFunction}: the code and handler are required, the rest has chosen defaults. */
public final class JavaFunctionProps {

    public static final int DEFAULT_MEMORY_MB = 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.seconds(10);
    public static final RetentionDays DEFAULT_LOG_RETENTION = RetentionDays.ONE_MONTH;

    private final Code code;
    private final String handler;
    private final String description;
    private final Integer memorySize;
    private final Duration timeout;
    private final Map<String, String> environment;
    private final RetentionDays logRetention;
    private final Integer reservedConcurrentExecutions;
    private final Runtime runtime;
    private final boolean snapStart;

    private JavaFunctionProps(Builder b) {
        this.code = RequiredProp.of(b.code, "JavaFunctionProps.code",
                "the Code of the function, such as Code.fromAsset(jar)");
        this.handler = RequiredProp.of(b.handler, "JavaFunctionProps.handler",
                "the handler class, such as com.example.Handler");
        this.description = b.description;
        this.memorySize = b.memorySize;
        this.timeout = b.timeout;
        // Sorted: Map.of's order changes from JVM to JVM, and the order reaches the template and the
        // version hash, so an unsorted map would publish a new Lambda version on every synthesis.
        this.environment = b.environment == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(b.environment));
        this.logRetention = b.logRetention;
        this.reservedConcurrentExecutions = b.reservedConcurrentExecutions;
        this.runtime = b.runtime;
        this.snapStart = b.snapStart == null || b.snapStart;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The deployment package, for example {@code Code.fromAsset("lambdas/target/app.jar")}. */
    public Code getCode() {
        return code;
    }

    /** {@code package.Class::method}. */
    public String getHandler() {
        return handler;
    }

    public String getDescription() {
        return description;
    }

    /** Memory in MB; CPU grows with it. Default: 1024, where a Java handler with the AWS SDK starts quickly. */
    public Integer getMemorySize() {
        return memorySize;
    }

    /** Default: 10 seconds. */
    public Duration getTimeout() {
        return timeout;
    }

    public Map<String, String> getEnvironment() {
        return environment;
    }

    /** Default: one month. */
    public RetentionDays getLogRetention() {
        return logRetention;
    }

    /** Caps concurrent executions. Default: none (the account's unreserved pool). */
    public Integer getReservedConcurrentExecutions() {
        return reservedConcurrentExecutions;
    }

    /** Default: {@code Runtime.JAVA_25}, the newest Java LTS runtime. */
    public Runtime getRuntime() {
        return runtime;
    }

    /**
     * SnapStart on published versions. Default: true. Set false in a region or partition where
     * Lambda does not offer SnapStart; the function is still published and reached through its alias.
     */
    public boolean getSnapStart() {
        return snapStart;
    }

    public static final class Builder {
        private Code code;
        private String handler;
        private String description;
        private Integer memorySize;
        private Duration timeout;
        private Map<String, String> environment;
        private RetentionDays logRetention;
        private Integer reservedConcurrentExecutions;
        private Runtime runtime;
        private Boolean snapStart;

        public Builder code(Code code) {
            this.code = code;
            return this;
        }

        public Builder handler(String handler) {
            this.handler = handler;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder memorySize(Integer memorySize) {
            this.memorySize = memorySize;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        public Builder logRetention(RetentionDays logRetention) {
            this.logRetention = logRetention;
            return this;
        }

        public Builder reservedConcurrentExecutions(Integer reservedConcurrentExecutions) {
            this.reservedConcurrentExecutions = reservedConcurrentExecutions;
            return this;
        }

        public Builder runtime(Runtime runtime) {
            this.runtime = runtime;
            return this;
        }

        public Builder snapStart(Boolean snapStart) {
            this.snapStart = snapStart;
            return this;
        }

        public JavaFunctionProps build() {
            return new JavaFunctionProps(this);
        }
    }
}
