package com.wildrydes.constructs.functions;

import com.wildrydes.constructs.internal.RequiredProp;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Props of {@link JavaFunction}: the code and handler are required, the rest has chosen defaults. */
public final class JavaFunctionProps {

    /**
     * Memory in MB when {@code memorySize} is not given: where a Java handler with the AWS SDK starts
     * quickly.
     */
    public static final int DEFAULT_MEMORY_MB = 1024;
    /** The function's timeout when {@code timeout} is not given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.seconds(10);
    /** How long the function's log group keeps its logs when {@code logRetention} is not given. */
    public static final RetentionDays DEFAULT_LOG_RETENTION = RetentionDays.ONE_MONTH;
    /**
     * The log format when {@code loggingFormat} is not given: Lambda's JSON format, where every line the
     * function logs through the Java runtime's logger carries its timestamp, level and request id, and
     * the levels below can be changed without a deploy of the code.
     */
    public static final LoggingFormat DEFAULT_LOGGING_FORMAT = LoggingFormat.JSON;
    /** The lowest level of the function's own log lines Lambda keeps when {@code applicationLogLevel} is not given. */
    public static final ApplicationLogLevel DEFAULT_APPLICATION_LOG_LEVEL = ApplicationLogLevel.INFO;
    /**
     * The lowest level of the platform's lines (START, END, REPORT are INFO) Lambda keeps when
     * {@code systemLogLevel} is not given: warnings and errors only, so a log group holds what the
     * function says and what went wrong.
     */
    public static final SystemLogLevel DEFAULT_SYSTEM_LOG_LEVEL = SystemLogLevel.WARN;

    private final Code code;
    private final String handler;
    private final String description;
    private final Integer memorySize;
    private final Duration timeout;
    private final Map<String, String> environment;
    private final RetentionDays logRetention;
    private final LoggingFormat loggingFormat;
    private final ApplicationLogLevel applicationLogLevel;
    private final SystemLogLevel systemLogLevel;
    private final Integer reservedConcurrentExecutions;
    private final Runtime runtime;
    private final boolean snapStart;
    private final IRole role;
    private final IVpc vpc;
    private final SubnetSelection vpcSubnets;
    private final List<ISecurityGroup> securityGroups;
    private final List<ILayerVersion> layers;
    private final Tracing tracing;
    private final ILogGroup existingLogGroupObj;
    private final LogGroupProps logGroupProps;

    private JavaFunctionProps(Builder b) {
        this.code = RequiredProp.of(
                b.code, "JavaFunctionProps.code", "the Code of the function, such as Code.fromAsset(jar)");
        this.handler = RequiredProp.of(
                b.handler, "JavaFunctionProps.handler", "the handler class, such as com.example.Handler");
        this.description = b.description;
        this.memorySize = b.memorySize;
        this.timeout = b.timeout;
        // Sorted: Map.of's order changes from JVM to JVM, and the order reaches the template and the
        // version hash, so an unsorted map would publish a new Lambda version on every synthesis.
        this.environment = b.environment == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(b.environment));
        this.logRetention = b.logRetention;
        this.loggingFormat = b.loggingFormat;
        this.applicationLogLevel = b.applicationLogLevel;
        this.systemLogLevel = b.systemLogLevel;
        this.reservedConcurrentExecutions = b.reservedConcurrentExecutions;
        this.runtime = b.runtime;
        this.snapStart = b.snapStart == null || b.snapStart;
        this.role = b.role;
        this.vpc = b.vpc;
        this.vpcSubnets = b.vpcSubnets;
        this.securityGroups = b.securityGroups == null ? null : List.copyOf(b.securityGroups);
        this.layers = b.layers == null ? null : List.copyOf(b.layers);
        this.tracing = b.tracing;
        this.existingLogGroupObj = b.existingLogGroupObj;
        this.logGroupProps = b.logGroupProps;
    }

    /**
     * Starts the settings of a {@link JavaFunction}.
     *
     * @return a new builder, with no prop set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The deployment package, for example {@code Code.fromAsset("lambdas/target/app.jar")}. Required.
     *
     * @return the code, never null
     */
    public Code getCode() {
        return code;
    }

    /**
     * The handler, {@code package.Class::method} or {@code package.Class}. Required.
     *
     * @return the handler, never null
     */
    public String getHandler() {
        return handler;
    }

    /**
     * The function's description, shown in the Lambda console. Default: none.
     *
     * @return the description given, or null for none
     */
    public String getDescription() {
        return description;
    }

    /**
     * Memory in MB; CPU grows with it. Default: 1024, where a Java handler with the AWS SDK starts quickly.
     *
     * @return the memory given, or null for 1024
     */
    public Integer getMemorySize() {
        return memorySize;
    }

    /**
     * How long an invocation may run. Default: 10 seconds.
     *
     * @return the timeout given, or null for 10 seconds
     */
    public Duration getTimeout() {
        return timeout;
    }

    /**
     * The function's environment variables. Default: none.
     *
     * @return an unmodifiable copy sorted by name (so that the template and the published version stay the
     * same from one synthesis to the next); empty for none, never null
     */
    public Map<String, String> getEnvironment() {
        return environment;
    }

    /**
     * How long the function's log group keeps its logs. Default: one month. Not with
     * {@code existingLogGroupObj}, nor with a retention in {@code logGroupProps}.
     *
     * @return the retention given, or null for one month
     */
    public RetentionDays getLogRetention() {
        return logRetention;
    }

    /**
     * Your log group, which the function writes to instead of one this construct creates (such as a
     * platform's log group with its own retention, key and subscription filters). The role is granted
     * {@code logs:CreateLogStream} and {@code logs:PutLogEvents} on it, and nothing more. It must be in
     * the function's account and region, and encrypted with a key CloudWatch Logs may use if your rules
     * ask for a key. Not with {@code logGroupProps} or {@code logRetention}. Default: none (a new log group).
     *
     * @return the log group given, or null
     */
    public ILogGroup getExistingLogGroupObj() {
        return existingLogGroupObj;
    }

    /**
     * Props of the log group this construct creates, every option of aws-cdk-lib's {@code LogGroupProps}
     * (retention, {@code encryptionKey}, {@code removalPolicy}, name, class...) over its default: one
     * month's retention. Not with {@code existingLogGroupObj}; not with {@code logRetention} when it sets a
     * retention too. Default: none.
     *
     * @return the props given, or null
     */
    public LogGroupProps getLogGroupProps() {
        return logGroupProps;
    }

    /**
     * The format of the function's logs. Default: JSON ({@link #DEFAULT_LOGGING_FORMAT}). With TEXT, Lambda
     * keeps every level and neither log level may be given.
     *
     * @return the format given, or null for JSON
     */
    public LoggingFormat getLoggingFormat() {
        return loggingFormat;
    }

    /**
     * The lowest level of the function's own log lines that Lambda keeps, in JSON format. Default: INFO
     * ({@link #DEFAULT_APPLICATION_LOG_LEVEL}).
     *
     * @return the level given, or null for INFO
     */
    public ApplicationLogLevel getApplicationLogLevel() {
        return applicationLogLevel;
    }

    /**
     * The lowest level of the platform's own log lines that Lambda keeps, in JSON format. Default: WARN
     * ({@link #DEFAULT_SYSTEM_LOG_LEVEL}).
     *
     * @return the level given, or null for WARN
     */
    public SystemLogLevel getSystemLogLevel() {
        return systemLogLevel;
    }

    /**
     * Caps concurrent executions. Default: none (the account's unreserved pool).
     *
     * @return the reservation given, or null for none
     */
    public Integer getReservedConcurrentExecutions() {
        return reservedConcurrentExecutions;
    }

    /**
     * The runtime, a Java runtime that supports SnapStart. Default: {@code Runtime.JAVA_25}, the newest
     * Java LTS runtime.
     *
     * @return the runtime given, or null for {@code Runtime.JAVA_25}
     */
    public Runtime getRuntime() {
        return runtime;
    }

    /**
     * SnapStart on published versions. Default: true. Set false in a region or partition where Lambda does
     * not offer SnapStart; the function is still published and reached through its alias.
     *
     * @return true unless set false
     */
    public boolean getSnapStart() {
        return snapStart;
    }

    /**
     * The role the function runs with, yours instead of the one this construct creates. Default: a new role
     * that may write to the function's own log group only. The construct adds that log group statement
     * (and, in a VPC, the network interface actions Lambda needs) to a role you give, so the function can
     * still log; everything else the function does is yours to grant.
     *
     * @return the role given, or null for a new one
     */
    public IRole getRole() {
        return role;
    }

    /**
     * The VPC the function runs in. Default: none (Lambda's own network). In a VPC the function reaches
     * AWS services through your VPC endpoints or NAT.
     *
     * @return the VPC given, or null
     */
    public IVpc getVpc() {
        return vpc;
    }

    /**
     * Where in {@code vpc} the function's network interfaces go. Default: CDK's choice (private subnets).
     * Given without {@code vpc}, refused.
     *
     * @return the subnets given, or null
     */
    public SubnetSelection getVpcSubnets() {
        return vpcSubnets;
    }

    /**
     * The security groups of the function's network interfaces. Default: one CDK creates with all
     * outbound traffic allowed. Given without {@code vpc}, refused.
     *
     * @return a copy of the groups given, or null
     */
    public List<ISecurityGroup> getSecurityGroups() {
        return securityGroups;
    }

    /**
     * Lambda layers the function loads. Default: none.
     *
     * @return a copy of the layers given, or null
     */
    public List<ILayerVersion> getLayers() {
        return layers;
    }

    /**
     * X-Ray tracing. Default: Lambda's default (not traced); {@code Tracing.ACTIVE} also grants the
     * role what X-Ray needs.
     *
     * @return the tracing given, or null
     */
    public Tracing getTracing() {
        return tracing;
    }

    /** Builds {@link JavaFunctionProps}: set the required props; any prop not set takes its default. */
    public static final class Builder {
        private Code code;
        private String handler;
        private String description;
        private Integer memorySize;
        private Duration timeout;
        private Map<String, String> environment;
        private RetentionDays logRetention;
        private LoggingFormat loggingFormat;
        private ApplicationLogLevel applicationLogLevel;
        private SystemLogLevel systemLogLevel;
        private Integer reservedConcurrentExecutions;
        private Runtime runtime;
        private Boolean snapStart;
        private IRole role;
        private IVpc vpc;
        private SubnetSelection vpcSubnets;
        private List<ISecurityGroup> securityGroups;
        private List<ILayerVersion> layers;
        private Tracing tracing;
        private ILogGroup existingLogGroupObj;
        private LogGroupProps logGroupProps;

        /**
         * Sets {@link JavaFunctionProps#getExistingLogGroupObj()}.
         *
         * @param existingLogGroupObj your log group, which the function writes to
         * @return this builder
         */
        public Builder existingLogGroupObj(ILogGroup existingLogGroupObj) {
            this.existingLogGroupObj = existingLogGroupObj;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getLogGroupProps()}.
         *
         * @param logGroupProps the new log group's props
         * @return this builder
         */
        public Builder logGroupProps(LogGroupProps logGroupProps) {
            this.logGroupProps = logGroupProps;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getCode()}.
         *
         * @param code the deployment package, such as {@code Code.fromAsset(jar)}
         * @return this builder
         */
        public Builder code(Code code) {
            this.code = code;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getHandler()}.
         *
         * @param handler the handler, {@code package.Class::method}
         * @return this builder
         */
        public Builder handler(String handler) {
            this.handler = handler;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getDescription()}.
         *
         * @param description the function's description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getMemorySize()}.
         *
         * @param memorySize memory in MB
         * @return this builder
         */
        public Builder memorySize(Integer memorySize) {
            this.memorySize = memorySize;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getTimeout()}.
         *
         * @param timeout how long an invocation may run
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getEnvironment()}.
         *
         * @param environment the function's environment variables
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getLogRetention()}.
         *
         * @param logRetention how long the function's log group keeps its logs
         * @return this builder
         */
        public Builder logRetention(RetentionDays logRetention) {
            this.logRetention = logRetention;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getLoggingFormat()}.
         *
         * @param loggingFormat JSON or TEXT; null for JSON
         * @return this builder
         */
        public Builder loggingFormat(LoggingFormat loggingFormat) {
            this.loggingFormat = loggingFormat;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getApplicationLogLevel()}.
         *
         * @param applicationLogLevel the lowest level of the function's own lines kept; null for INFO
         * @return this builder
         */
        public Builder applicationLogLevel(ApplicationLogLevel applicationLogLevel) {
            this.applicationLogLevel = applicationLogLevel;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getSystemLogLevel()}.
         *
         * @param systemLogLevel the lowest level of the platform's lines kept; null for WARN
         * @return this builder
         */
        public Builder systemLogLevel(SystemLogLevel systemLogLevel) {
            this.systemLogLevel = systemLogLevel;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getReservedConcurrentExecutions()}.
         *
         * @param reservedConcurrentExecutions the concurrent executions the function reserves, and may not
         * exceed
         * @return this builder
         */
        public Builder reservedConcurrentExecutions(Integer reservedConcurrentExecutions) {
            this.reservedConcurrentExecutions = reservedConcurrentExecutions;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getRuntime()}.
         *
         * @param runtime a Java runtime that supports SnapStart
         * @return this builder
         */
        public Builder runtime(Runtime runtime) {
            this.runtime = runtime;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getSnapStart()}.
         *
         * @param snapStart false where Lambda does not offer SnapStart; null for true
         * @return this builder
         */
        public Builder snapStart(Boolean snapStart) {
            this.snapStart = snapStart;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getRole()}.
         *
         * @param role the function's execution role
         * @return this builder
         */
        public Builder role(IRole role) {
            this.role = role;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getVpc()}.
         *
         * @param vpc the VPC to run the function in
         * @return this builder
         */
        public Builder vpc(IVpc vpc) {
            this.vpc = vpc;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getVpcSubnets()}.
         *
         * @param vpcSubnets the subnets of {@code vpc}
         * @return this builder
         */
        public Builder vpcSubnets(SubnetSelection vpcSubnets) {
            this.vpcSubnets = vpcSubnets;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getSecurityGroups()}.
         *
         * @param securityGroups the security groups, in {@code vpc}
         * @return this builder
         */
        public Builder securityGroups(List<ISecurityGroup> securityGroups) {
            this.securityGroups = securityGroups;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getLayers()}.
         *
         * @param layers the layers
         * @return this builder
         */
        public Builder layers(List<ILayerVersion> layers) {
            this.layers = layers;
            return this;
        }

        /**
         * Sets {@link JavaFunctionProps#getTracing()}.
         *
         * @param tracing the tracing mode
         * @return this builder
         */
        public Builder tracing(Tracing tracing) {
            this.tracing = tracing;
            return this;
        }

        /**
         * Builds the props, checking that the code and handler are given; the construct checks the rest at
         * synthesis.
         *
         * @return the props
         * @throws IllegalArgumentException if a required prop is missing (the message names it)
         */
        public JavaFunctionProps build() {
            return new JavaFunctionProps(this);
        }
    }
}
