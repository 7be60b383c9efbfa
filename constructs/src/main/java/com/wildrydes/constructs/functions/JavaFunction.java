package com.wildrydes.constructs.functions;

import com.wildrydes.constructs.internal.ExistingOrProps;
import com.wildrydes.constructs.internal.StructCopy;
import com.wildrydes.constructs.internal.ValidatedProps;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionProps;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.RuntimeFamily;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.constructs.Construct;

/**
 * A Java Lambda function set up the way every function of this project is:
 * <ul>
 *   <li>the newest Java LTS runtime on arm64 (Graviton: cheaper per millisecond);</li>
 *   <li>SnapStart on published versions, reached through the {@code live} alias, so that cold
 *       starts resume a snapshot instead of starting a JVM (turn it off with {@code snapStart(false)}
 *       where Lambda does not offer it; the alias stays);</li>
 *   <li>its own log group with a retention (or your {@code existingLogGroupObj}, or a new one from
 *       your {@code logGroupProps}), and a role that may write to that log group only (no
 *       {@code AWSLambdaBasicExecutionRole}, which allows every log group), or your {@code role} with
 *       that statement added;</li>
 *   <li>optionally your VPC, subnets and security groups, layers and X-Ray tracing, passed to
 *       Lambda as given;</li>
 *   <li>Lambda's JSON log format: each line logged through the Java runtime's logger carries its
 *       timestamp, level and request id; the function's lines kept from INFO, the platform's from WARN
 *       (both changeable in the function's logging configuration without a code deploy);</li>
 *   <li>memory and timeout chosen, not defaulted.</li>
 * </ul>
 * A {@code JavaFunction} is an {@link IFunction}: handed to anything that takes one (an API
 * integration, an event source, a subscription, a saga task), it is invoked, granted and
 * configured through its {@code live} alias. With {@link com.wildrydes.constructs.WildRydesChecks}
 * applied to the app, synthesis stops if anything invokes the unpublished function instead (from
 * {@link #getFunction()}), since that would bypass SnapStart and the alias.
 */
public class JavaFunction extends LiveAliasFunction {

    /** The name of the alias every caller invokes, on the current published version. */
    public static final String ALIAS_NAME = "live";

    private final Function function;
    private final Alias alias;
    private final ILogGroup logGroup;

    /**
     * Creates the function with its log group and role, publishes its current version, and points the
     * {@code live} alias at it.
     *
     * @param scope the parent construct
     * @param id the construct's ID, unique within {@code scope}
     * @param props the construct's settings: the code and handler, and optionally memory, timeout and the
     * rest
     * @throws IllegalArgumentException if the runtime is not a Java runtime that supports SnapStart (the
     * message names the construct's path, what was given and what was expected)
     */
    public JavaFunction(Construct scope, String id, JavaFunctionProps props) {
        super(scope, id);
        Runtime runtime = props.getRuntime() != null ? props.getRuntime() : Runtime.JAVA_25;
        if (props.getRuntime() != null) {
            // Our default is known good; a given runtime is asked of the jsii kernel (two round trips).
            ValidatedProps.check(this, () -> validateRuntime(runtime));
        }
        LoggingFormat loggingFormat =
                props.getLoggingFormat() != null ? props.getLoggingFormat() : JavaFunctionProps.DEFAULT_LOGGING_FORMAT;
        ValidatedProps.check(this, () -> validateLogLevels(loggingFormat, props));
        ValidatedProps.check(this, () -> FunctionNetwork.validate(props));
        ValidatedProps.check(this, () -> validateLogGroup(props));
        boolean json = loggingFormat == LoggingFormat.JSON;
        this.logGroup = props.getExistingLogGroupObj() != null
                ? props.getExistingLogGroupObj()
                : new LogGroup(
                        this,
                        "LogGroup",
                        StructCopy.into(
                                        LogGroupProps.class,
                                        props.getLogGroupProps(),
                                        LogGroupProps.builder()
                                                .retention(
                                                        props.getLogRetention() != null
                                                                ? props.getLogRetention()
                                                                : JavaFunctionProps.DEFAULT_LOG_RETENTION))
                                .build());
        IRole role = props.getRole() != null
                ? props.getRole()
                : Role.Builder.create(this, "ServiceRole")
                        .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                        .description("Runs one function; may write to that function's log group only")
                        .build();
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logGroup.getLogGroupArn()))
                .build());
        Policy networkInterfaces = props.getVpc() != null ? FunctionNetwork.allowNetworkInterfaces(this, role) : null;
        this.function = new Function(
                this,
                "Function",
                FunctionProps.builder()
                        .runtime(runtime)
                        .architecture(Architecture.ARM_64)
                        .code(props.getCode())
                        .handler(props.getHandler())
                        .description(props.getDescription())
                        .memorySize(
                                props.getMemorySize() != null
                                        ? props.getMemorySize()
                                        : JavaFunctionProps.DEFAULT_MEMORY_MB)
                        .timeout(props.getTimeout() != null ? props.getTimeout() : JavaFunctionProps.DEFAULT_TIMEOUT)
                        .environment(props.getEnvironment())
                        .reservedConcurrentExecutions(props.getReservedConcurrentExecutions())
                        .snapStart(props.getSnapStart() ? SnapStartConf.ON_PUBLISHED_VERSIONS : null)
                        .logGroup(logGroup)
                        .loggingFormat(loggingFormat)
                        // Levels exist in the JSON format only; Lambda refuses them with TEXT.
                        .applicationLogLevelV2(
                                !json
                                        ? null
                                        : props.getApplicationLogLevel() != null
                                                ? props.getApplicationLogLevel()
                                                : JavaFunctionProps.DEFAULT_APPLICATION_LOG_LEVEL)
                        .systemLogLevelV2(
                                !json
                                        ? null
                                        : props.getSystemLogLevel() != null
                                                ? props.getSystemLogLevel()
                                                : JavaFunctionProps.DEFAULT_SYSTEM_LOG_LEVEL)
                        .role(role)
                        .vpc(props.getVpc())
                        .vpcSubnets(props.getVpcSubnets())
                        .securityGroups(props.getSecurityGroups())
                        .layers(props.getLayers())
                        .tracing(props.getTracing())
                        .build());
        if (networkInterfaces != null) {
            // Lambda checks the role's network interface rights when it creates the function.
            function.getNode().addDependency(networkInterfaces);
        }
        if (props.getSnapStart()) {
            Annotations.of(function)
                    .acknowledgeWarning(
                            "@aws-cdk/aws-lambda:snapStartRequirePublish",
                            "Every change publishes a new version (currentVersion) behind the live alias.");
        }
        this.alias = Alias.Builder.create(this, "LiveAlias")
                .aliasName(ALIAS_NAME)
                .version(function.getCurrentVersion())
                .build();
    }

    /**
     * The unpublished function itself: to add environment variables or read its settings. Do not wire
     * callers to it: with {@link com.wildrydes.constructs.WildRydesChecks} applied, synthesis stops on
     * anything that invokes it instead of the alias.
     *
     * @return the function
     */
    @Override
    public Function getFunction() {
        return function;
    }

    /**
     * The {@code live} alias on the current published version: what callers and triggers invoke.
     *
     * @return the alias
     */
    @Override
    public Alias getAlias() {
        return alias;
    }

    /**
     * The alias as an {@link IFunction}; the JavaFunction itself is one too, invoking the same alias.
     *
     * @return the {@code live} alias
     */
    public IFunction asFunction() {
        return alias;
    }

    /**
     * The log group the function writes to, the only one its role may write to: its own, or your
     * {@code existingLogGroupObj}.
     *
     * @return the log group
     */
    public ILogGroup getLogGroup() {
        return logGroup;
    }

    private static void validateLogGroup(JavaFunctionProps props) {
        ExistingOrProps.requireNotBoth(
                "JavaFunction",
                "existingLogGroupObj",
                props.getExistingLogGroupObj(),
                "logGroupProps",
                props.getLogGroupProps());
        ExistingOrProps.requireNotBoth(
                "JavaFunction",
                "existingLogGroupObj",
                props.getExistingLogGroupObj(),
                "logRetention",
                props.getLogRetention());
        if (props.getLogRetention() != null
                && props.getLogGroupProps() != null
                && props.getLogGroupProps().getRetention() != null) {
            throw new IllegalArgumentException("JavaFunction: give the log group's retention as logRetention or in "
                    + "logGroupProps, got both: " + props.getLogRetention() + " and "
                    + props.getLogGroupProps().getRetention());
        }
    }

    private static void validateLogLevels(LoggingFormat loggingFormat, JavaFunctionProps props) {
        if (loggingFormat != LoggingFormat.JSON
                && (props.getApplicationLogLevel() != null || props.getSystemLogLevel() != null)) {
            throw new IllegalArgumentException(
                    "JavaFunction: applicationLogLevel and systemLogLevel need loggingFormat JSON, "
                            + "got loggingFormat " + loggingFormat + " with applicationLogLevel "
                            + props.getApplicationLogLevel()
                            + " and systemLogLevel " + props.getSystemLogLevel());
        }
    }

    private static void validateRuntime(Runtime runtime) {
        if (runtime.getFamily() != RuntimeFamily.JAVA || !Boolean.TRUE.equals(runtime.getSupportsSnapStart())) {
            throw new IllegalArgumentException("JavaFunction: runtime must be a Java runtime that supports SnapStart "
                    + "(java11 or newer), got " + runtime.getName());
        }
    }
}
