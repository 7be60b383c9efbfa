package com.wildrydes.constructs.rfq;

import com.wildrydes.constructs.functions.JavaFunctionProps;
import com.wildrydes.constructs.internal.RequiredProp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.IAuthorizer;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.RestApiProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.TableProps;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.TopicProps;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.QueueProps;

/**
 * Props of {@link ScatterGatherRfq}. Give {@code responders} (functions to subscribe) and/or
 * {@code externalResponderCount} (subscribers you attach to the request topic yourself) with their
 * {@code responderNames}, or attach responders after construction with
 * {@link ScatterGatherRfq#addResponder}. The API takes IAM authorization unless
 * {@code apiAuthorizationType} or {@code apiAuthorizer} says otherwise.
 */
public final class ScatterGatherRfqProps {

    /** The handler classes (package {@code com.wildrydes.lambdas.rfq}) the construct's functions run. */
    public static final List<String> HANDLER_CLASSES =
            List.of("SubmitRfqHandler", "QueryRfqHandler", "QuoteCollectorHandler", "RfqDeadlineHandler");

    /** How long a request takes quotes when {@code deadline} is not given. */
    public static final Duration DEFAULT_DEADLINE = Duration.minutes(2);
    /**
     * The longest {@code deadline}: SQS delays a message by at most 15 minutes, and the deadline timer is
     * such a message.
     */
    public static final Duration MAX_DEADLINE = Duration.minutes(15);
    /**
     * The timeout of the construct's own functions (submit, query, collector and deadline closer); the
     * response queue's visibility timeout is six times it by default, and may not be less.
     */
    public static final Duration COLLECTOR_TIMEOUT = Duration.seconds(10);
    /**
     * Requests per second the submit method takes when {@code submitRateLimit} is not given; each starts
     * one invocation of every responder.
     */
    public static final int DEFAULT_SUBMIT_RATE_LIMIT = 1;
    /** Requests the submit method takes at once when {@code submitBurstLimit} is not given. */
    public static final int DEFAULT_SUBMIT_BURST_LIMIT = 2;

    private final Code code;
    private final Map<String, Code> handlerCode;
    private final List<IFunction> responders;
    private final Integer externalResponderCount;
    private final List<String> responderNames;
    private final Duration deadline;
    private final Duration responseQueueVisibilityTimeout;
    private final RemovalPolicy tableRemovalPolicy;
    private final Boolean configureResponderAsyncInvoke;
    private final Boolean snapStart;
    private final Integer submitRateLimit;
    private final Integer submitBurstLimit;
    private final AuthorizationType apiAuthorizationType;
    private final IAuthorizer apiAuthorizer;
    private final ITable existingTableObj;
    private final TableProps tableProps;
    private final ITopic existingRequestTopicObj;
    private final TopicProps requestTopicProps;
    private final ITopic existingCompletionTopicObj;
    private final TopicProps completionTopicProps;
    private final QueueProps responseQueueProps;
    private final QueueProps deadlineQueueProps;
    private final RestApi existingApiObj;
    private final RestApiProps apiProps;
    private final LogGroupProps functionLogGroupProps;
    private final Tracing functionTracing;
    private final List<ILayerVersion> functionLayers;
    private final List<ISecurityGroup> functionSecurityGroups;
    private final SubnetSelection functionVpcSubnets;
    private final IVpc functionVpc;
    private final IQueue existingResponseQueueObj;
    private final IQueue existingResponseDeadLetterQueueObj;
    private final QueueProps responseDeadLetterQueueProps;
    private final IQueue existingDeadlineQueueObj;
    private final IQueue existingDeadlineDeadLetterQueueObj;
    private final QueueProps deadlineDeadLetterQueueProps;

    private ScatterGatherRfqProps(Builder b) {
        this.handlerCode = b.handlerCode == null ? Map.of() : Map.copyOf(new TreeMap<>(b.handlerCode));
        for (String handler : handlerCode.keySet()) {
            if (!HANDLER_CLASSES.contains(handler)) {
                throw new IllegalArgumentException(
                        "ScatterGatherRfqProps.handlerCode: no function of ScatterGatherRfq runs " + handler
                                + "; expected handler classes among " + HANDLER_CLASSES);
            }
        }
        this.code = handlerCode.keySet().containsAll(HANDLER_CLASSES)
                ? b.code
                : RequiredProp.of(
                        b.code,
                        "ScatterGatherRfqProps.code",
                        "the Code of the wild-rydes-lambdas jar, such as Code.fromAsset(jar) (or handlerCode for every one of "
                                + HANDLER_CLASSES + ")");
        this.responders = b.responders == null ? List.of() : List.copyOf(b.responders);
        this.externalResponderCount = b.externalResponderCount;
        this.responderNames = b.responderNames == null ? null : List.copyOf(b.responderNames);
        this.deadline = b.deadline;
        this.responseQueueVisibilityTimeout = b.responseQueueVisibilityTimeout;
        this.tableRemovalPolicy = b.tableRemovalPolicy;
        this.configureResponderAsyncInvoke = b.configureResponderAsyncInvoke;
        this.snapStart = b.snapStart;
        this.submitRateLimit = b.submitRateLimit;
        this.submitBurstLimit = b.submitBurstLimit;
        this.apiAuthorizationType = b.apiAuthorizationType;
        this.apiAuthorizer = b.apiAuthorizer;
        this.existingTableObj = b.existingTableObj;
        this.tableProps = b.tableProps;
        this.existingRequestTopicObj = b.existingRequestTopicObj;
        this.requestTopicProps = b.requestTopicProps;
        this.existingCompletionTopicObj = b.existingCompletionTopicObj;
        this.completionTopicProps = b.completionTopicProps;
        this.responseQueueProps = b.responseQueueProps;
        this.deadlineQueueProps = b.deadlineQueueProps;
        this.existingApiObj = b.existingApiObj;
        this.apiProps = b.apiProps;
        this.functionLogGroupProps = b.functionLogGroupProps;
        this.functionTracing = b.functionTracing;
        this.functionLayers = b.functionLayers == null ? null : List.copyOf(b.functionLayers);
        this.functionSecurityGroups = b.functionSecurityGroups == null ? null : List.copyOf(b.functionSecurityGroups);
        this.functionVpcSubnets = b.functionVpcSubnets;
        this.functionVpc = b.functionVpc;
        this.existingResponseQueueObj = b.existingResponseQueueObj;
        this.existingResponseDeadLetterQueueObj = b.existingResponseDeadLetterQueueObj;
        this.responseDeadLetterQueueProps = b.responseDeadLetterQueueProps;
        this.existingDeadlineQueueObj = b.existingDeadlineQueueObj;
        this.existingDeadlineDeadLetterQueueObj = b.existingDeadlineDeadLetterQueueObj;
        this.deadlineDeadLetterQueueProps = b.deadlineDeadLetterQueueProps;
    }

    /**
     * Starts the settings of a {@link ScatterGatherRfq}.
     *
     * @return a new builder, with no prop set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The wild-rydes-lambdas jar: it holds the handlers of package {@code com.wildrydes.lambdas.rfq}.
     * Required, unless {@code handlerCode} gives a package for every handler class.
     *
     * @return the jar, never null
     */
    public Code getCode() {
        return code;
    }

    /**
     * Each handler class's own package, by the class's simple name (such as {@code QueryRfqHandler}),
     * for teams that deploy one package per handler instead of the whole jar. A handler not named here
     * runs from {@code code}. Default: none, every function runs from {@code code}.
     *
     * @return the packages given, by handler class, never null
     */
    public Map<String, Code> getHandlerCode() {
        return handlerCode;
    }

    /** The code of the functions that run {@code handlerClass}: its own package if given, else {@code code}. */
    Code codeFor(String handlerClass) {
        return handlerCode.getOrDefault(handlerClass, code);
    }

    /**
     * Your responder functions: subscribed to the request topic and allowed to answer. Default: none.
     *
     * @return an unmodifiable copy of the functions given; empty for none, never null
     */
    public List<IFunction> getResponders() {
        return responders;
    }

    /**
     * Responders you subscribe to the request topic yourself (other accounts, HTTP endpoints). Default: 0.
     *
     * @return the count given, or null for 0
     */
    public Integer getExternalResponderCount() {
        return externalResponderCount;
    }

    /**
     * The names your responders put in their quotes, one per responder (supplied and external): only a
     * quote from one of these counts. Required with {@code responders} or {@code externalResponderCount}
     * (responders added with {@link ScatterGatherRfq#addResponder} are named there). The first names belong to the
     * {@code responders}, in their order, the rest to the external ones. Each supplied responder's
     * subscription (with its queues) takes its construct ID from its name ({@code <name>Subscription}),
     * so reordering, adding or removing a responder replaces no other responder's resources; renaming
     * one replaces its own.
     *
     * @return an unmodifiable copy of the names given, or null for none
     */
    public List<String> getResponderNames() {
        return responderNames;
    }

    /**
     * How long a request takes quotes; later ones are not counted. 1 second to 15 minutes. Default: 2
     * minutes.
     *
     * @return the deadline given, or null for 2 minutes
     */
    public Duration getDeadline() {
        return deadline;
    }

    /**
     * The response queue's visibility timeout; at least the collector's 10 seconds. Default: six times it,
     * 60 seconds.
     *
     * @return the timeout given, or null for 60 seconds
     */
    public Duration getResponseQueueVisibilityTimeout() {
        return responseQueueVisibilityTimeout;
    }

    /**
     * What happens to the RidesBooking table when the stack is deleted. Default: RETAIN (never lose data by
     * accident).
     *
     * @return the policy given, or null for RETAIN
     */
    public RemovalPolicy getTableRemovalPolicy() {
        return tableRemovalPolicy;
    }

    /**
     * Whether to configure each responder's asynchronous invocation (two retries, then its own
     * failed-invocations queue), for the props' responders and, unless its {@code ResponderOptions} say
     * otherwise, each added with {@code addResponder}. Set false when the responder's owner configures it.
     * Lambda allows one configuration per function and qualifier: a responder configured already in this
     * app (another request for quotes, a subscription) with the same settings keeps that configuration;
     * with different explicit settings synthesis stops, naming both. Default: true.
     *
     * @return the setting given, or null for true
     */
    public Boolean getConfigureResponderAsyncInvoke() {
        return configureResponderAsyncInvoke;
    }

    /**
     * SnapStart on the construct's functions (see {@link JavaFunctionProps#getSnapStart()}). Default: true.
     *
     * @return the setting given, or null for true
     */
    public Boolean getSnapStart() {
        return snapStart;
    }

    /**
     * Steady requests per second {@code POST /submit-instant-ride-rfq} accepts (each fans out to every
     * responder). Default: 1.
     *
     * @return the limit given, or null for 1
     */
    public Integer getSubmitRateLimit() {
        return submitRateLimit;
    }

    /**
     * Requests {@code POST /submit-instant-ride-rfq} accepts at once. Default: 2.
     *
     * @return the limit given, or null for 2
     */
    public Integer getSubmitBurstLimit() {
        return submitBurstLimit;
    }

    /**
     * How callers of the API's submit and query methods are authorized. Default: {@link
     * AuthorizationType#IAM} (a caller needs {@code execute-api:Invoke}, given with
     * {@code ScatterGatherRfq.grantInvokeApi}), or the type of {@code apiAuthorizer} when one is given.
     * {@link AuthorizationType#NONE} makes the API public: your choice, which your own cdk-nag checks
     * will report (the construct suppresses nothing for it).
     *
     * @return the type given, or null for the default
     */
    public AuthorizationType getApiAuthorizationType() {
        return apiAuthorizationType;
    }

    /**
     * The authorizer of the API's methods (a Cognito user pool or Lambda authorizer). Default: none.
     *
     * @return the authorizer given, or null
     */
    public IAuthorizer getApiAuthorizer() {
        return apiAuthorizer;
    }

    /**
     * Your rides-booking table, used as it is: partition key {@code id} and sort key {@code responder},
     * both strings. Not with {@code tableProps} or {@code tableRemovalPolicy}. Default: none (a new table).
     *
     * @return the table given, or null
     */
    public ITable getExistingTableObj() {
        return existingTableObj;
    }

    /**
     * Props of the table this construct creates, every option of aws-cdk-lib's {@code TableProps} over
     * its defaults (on-demand, AWS managed key, point-in-time recovery, retained); keys {@code id} and
     * {@code responder} (strings) required, point-in-time recovery turned off refused. Default: none.
     *
     * @return the props given, or null
     */
    public TableProps getTableProps() {
        return tableProps;
    }

    /**
     * Your request topic (standard), used as it is; the submit function is granted to publish to it
     * (and its key). Not with {@code requestTopicProps}. Default: none (a new topic encrypted with the
     * construct's key, TLS only).
     *
     * @return the topic given, or null
     */
    public ITopic getExistingRequestTopicObj() {
        return existingRequestTopicObj;
    }

    /**
     * Props of the request topic this construct creates, over its defaults; your {@code masterKey}
     * replaces the construct's key; {@code enforceSSL} false and FIFO refused. Default: none.
     *
     * @return the props given, or null
     */
    public TopicProps getRequestTopicProps() {
        return requestTopicProps;
    }

    /**
     * Your completion topic (standard), used as it is. Not with {@code completionTopicProps}. Default:
     * none (a new topic encrypted with the construct's key, TLS only).
     *
     * @return the topic given, or null
     */
    public ITopic getExistingCompletionTopicObj() {
        return existingCompletionTopicObj;
    }

    /**
     * Props of the completion topic this construct creates, as {@code requestTopicProps}. Default: none.
     *
     * @return the props given, or null
     */
    public TopicProps getCompletionTopicProps() {
        return completionTopicProps;
    }

    /**
     * Props of the response queue, every option of aws-cdk-lib's {@code QueueProps} over its defaults;
     * no encryption, an AWS managed key, {@code enforceSSL} false, FIFO or a dead-letter queue are
     * refused. Not with {@code responseQueueVisibilityTimeout} when it sets one too. Default: none.
     *
     * @return the props given, or null
     */
    public QueueProps getResponseQueueProps() {
        return responseQueueProps;
    }

    /**
     * Props of the deadline queue, as {@code responseQueueProps}. Default: none.
     *
     * @return the props given, or null
     */
    public QueueProps getDeadlineQueueProps() {
        return deadlineQueueProps;
    }

    /**
     * Your REST API: the construct adds its {@code submit} and {@code query} resources, models and
     * validator to it, and nothing else (no stage settings, access logs or gateway responses: those
     * are yours, and the validator's 400s keep API Gateway's own body). Not with {@code apiProps},
     * {@code submitRateLimit} or {@code submitBurstLimit}. Default: none (a new regional API).
     *
     * @return the API given, or null
     */
    public RestApi getExistingApiObj() {
        return existingApiObj;
    }

    /**
     * Props of the REST API this construct creates, every option of aws-cdk-lib's {@code RestApiProps}
     * over its defaults; {@code deployOptions} are merged over the stage's defaults (throttles, access
     * logs, tracing), which stay unless you set them. Default: none.
     *
     * @return the props given, or null
     */
    public RestApiProps getApiProps() {
        return apiProps;
    }

    /**
     * Your response queue, the return address every request carries, which the collector drains (an event
     * source mapping in this stack). It must be a standard queue in this stack's account and region,
     * encrypted at rest (SSE-SQS or a KMS key: the construct grants the responders and the collector the
     * key's use), with a TLS-only queue policy, a visibility timeout of at least 60 seconds (six times the
     * collector's), and a redrive policy to {@code existingResponseDeadLetterQueueObj}, which must be
     * given with it. A queue defined in your app is checked for FIFO, encryption and its redrive target;
     * an imported one cannot be, and is trusted. Not with {@code responseQueueProps} or
     * {@code responseQueueVisibilityTimeout}. Default: none (a new queue).
     *
     * @return the queue given, or null
     */
    public IQueue getExistingResponseQueueObj() {
        return existingResponseQueueObj;
    }

    /**
     * Your response dead-letter queue: where your {@code existingResponseQueueObj} (or the new response
     * queue, which then redrives to it) sends a response the collector could not store. The construct
     * alarms on its first message and grants its redrive. Encrypted and TLS-only as the response queue.
     * Not with {@code responseDeadLetterQueueProps}. Default: none (a new queue, kept 14 days).
     *
     * @return the queue given, or null
     */
    public IQueue getExistingResponseDeadLetterQueueObj() {
        return existingResponseDeadLetterQueueObj;
    }

    /**
     * Props of the response dead-letter queue this construct creates, every option of aws-cdk-lib's
     * {@code QueueProps} over its defaults (14 days' retention, encrypted, TLS only); no encryption,
     * {@code enforceSSL} false, FIFO or a dead-letter queue of its own are refused. Default: none.
     *
     * @return the props given, or null
     */
    public QueueProps getResponseDeadLetterQueueProps() {
        return responseDeadLetterQueueProps;
    }

    /**
     * Your deadline queue, which holds each request's deadline message (sent with a delay of up to 15
     * minutes) until the deadline closer takes it. As {@code existingResponseQueueObj}: standard,
     * encrypted, TLS only, a visibility timeout of at least 60 seconds, and a redrive policy to
     * {@code existingDeadlineDeadLetterQueueObj}, given with it; and no delivery delay of its own longer
     * than the deadline. Not with {@code deadlineQueueProps}. Default: none (a new queue).
     *
     * @return the queue given, or null
     */
    public IQueue getExistingDeadlineQueueObj() {
        return existingDeadlineQueueObj;
    }

    /**
     * Your deadline dead-letter queue, as {@code existingResponseDeadLetterQueueObj}: where a deadline
     * message goes that could not close its request. Not with {@code deadlineDeadLetterQueueProps}.
     * Default: none (a new queue, kept 14 days).
     *
     * @return the queue given, or null
     */
    public IQueue getExistingDeadlineDeadLetterQueueObj() {
        return existingDeadlineDeadLetterQueueObj;
    }

    /**
     * Props of the deadline dead-letter queue this construct creates, as
     * {@code responseDeadLetterQueueProps}. Default: none.
     *
     * @return the props given, or null
     */
    public QueueProps getDeadlineDeadLetterQueueProps() {
        return deadlineDeadLetterQueueProps;
    }

    /**
     * The VPC the construct's four functions run in (see {@code JavaFunctionProps.vpc}); each function's role gets the network interface actions Lambda needs. Default: none (Lambda's own network).
     *
     * @return the value given, or null
     */
    public IVpc getFunctionVpc() {
        return functionVpc;
    }

    /**
     * The subnets of {@code functionVpc} the functions run in. Default: Lambda's choice in the VPC (its private subnets).
     *
     * @return the value given, or null
     */
    public SubnetSelection getFunctionVpcSubnets() {
        return functionVpcSubnets;
    }

    /**
     * The security groups of the functions in {@code functionVpc}. Default: one created per function.
     *
     * @return the value given, or null
     */
    public List<ISecurityGroup> getFunctionSecurityGroups() {
        return functionSecurityGroups;
    }

    /**
     * Lambda layers added to each of the construct's four functions (a platform's telemetry agent, say). Default: none.
     *
     * @return the value given, or null
     */
    public List<ILayerVersion> getFunctionLayers() {
        return functionLayers;
    }

    /**
     * X-Ray tracing of the construct's four functions. Default: Lambda's (off).
     *
     * @return the value given, or null
     */
    public Tracing getFunctionTracing() {
        return functionTracing;
    }

    /**
     * Props of each of the four functions' own log groups, every option of aws-cdk-lib's {@code LogGroupProps} (retention, {@code encryptionKey}, {@code removalPolicy}, class) over one month's retention; a {@code logGroupName} is refused (four log groups cannot share one). Default: none.
     *
     * @return the value given, or null
     */
    public LogGroupProps getFunctionLogGroupProps() {
        return functionLogGroupProps;
    }

    /**
     * Builds {@link ScatterGatherRfqProps}: set the required props and, unless you add them later with
     * {@link ScatterGatherRfq#addResponder}, the responders; any prop not set takes its default.
     */
    public static final class Builder {
        private Code code;
        private Map<String, Code> handlerCode;
        private List<IFunction> responders;
        private Integer externalResponderCount;
        private List<String> responderNames;
        private Duration deadline;
        private Duration responseQueueVisibilityTimeout;
        private RemovalPolicy tableRemovalPolicy;
        private Boolean configureResponderAsyncInvoke;
        private Boolean snapStart;
        private Integer submitRateLimit;
        private Integer submitBurstLimit;
        private AuthorizationType apiAuthorizationType;
        private IAuthorizer apiAuthorizer;
        private ITable existingTableObj;
        private TableProps tableProps;
        private ITopic existingRequestTopicObj;
        private TopicProps requestTopicProps;
        private ITopic existingCompletionTopicObj;
        private TopicProps completionTopicProps;
        private QueueProps responseQueueProps;
        private QueueProps deadlineQueueProps;
        private RestApi existingApiObj;
        private RestApiProps apiProps;
        private LogGroupProps functionLogGroupProps;
        private Tracing functionTracing;
        private List<ILayerVersion> functionLayers;
        private List<ISecurityGroup> functionSecurityGroups;
        private SubnetSelection functionVpcSubnets;
        private IVpc functionVpc;
        private IQueue existingResponseQueueObj;
        private IQueue existingResponseDeadLetterQueueObj;
        private QueueProps responseDeadLetterQueueProps;
        private IQueue existingDeadlineQueueObj;
        private IQueue existingDeadlineDeadLetterQueueObj;
        private QueueProps deadlineDeadLetterQueueProps;

        /**
         * Sets {@link ScatterGatherRfqProps#getApiAuthorizationType()}.
         *
         * @param apiAuthorizationType how the API's callers are authorized
         * @return this builder
         */
        public Builder apiAuthorizationType(AuthorizationType apiAuthorizationType) {
            this.apiAuthorizationType = apiAuthorizationType;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getApiAuthorizer()}.
         *
         * @param apiAuthorizer the authorizer of the API's methods
         * @return this builder
         */
        public Builder apiAuthorizer(IAuthorizer apiAuthorizer) {
            this.apiAuthorizer = apiAuthorizer;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getCode()}.
         *
         * @param code the wild-rydes-lambdas jar, such as {@code Code.fromAsset(jar)}
         * @return this builder
         */
        public Builder code(Code code) {
            this.code = code;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getHandlerCode()}.
         *
         * @param handlerCode each handler class's own package, by the class's simple name
         * @return this builder
         */
        public Builder handlerCode(Map<String, Code> handlerCode) {
            this.handlerCode = handlerCode;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getResponders()}.
         *
         * @param responders your responder functions, named by the first {@code responderNames}
         * @return this builder
         */
        public Builder responders(List<IFunction> responders) {
            this.responders = responders;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getExternalResponderCount()}.
         *
         * @param externalResponderCount how many responders you subscribe to the request topic yourself
         * @return this builder
         */
        public Builder externalResponderCount(Integer externalResponderCount) {
            this.externalResponderCount = externalResponderCount;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getResponderNames()}.
         *
         * @param responderNames the names your responders put in their quotes, one per responder
         * @return this builder
         */
        public Builder responderNames(List<String> responderNames) {
            this.responderNames = responderNames;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getDeadline()}.
         *
         * @param deadline how long a request takes quotes, 1 second to 15 minutes
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getResponseQueueVisibilityTimeout()}.
         *
         * @param responseQueueVisibilityTimeout the response queue's visibility timeout, at least 10
         * seconds
         * @return this builder
         */
        public Builder responseQueueVisibilityTimeout(Duration responseQueueVisibilityTimeout) {
            this.responseQueueVisibilityTimeout = responseQueueVisibilityTimeout;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getTableRemovalPolicy()}.
         *
         * @param tableRemovalPolicy what happens to the RidesBooking table when the stack is deleted
         * @return this builder
         */
        public Builder tableRemovalPolicy(RemovalPolicy tableRemovalPolicy) {
            this.tableRemovalPolicy = tableRemovalPolicy;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getConfigureResponderAsyncInvoke()}.
         *
         * @param configureResponderAsyncInvoke false to leave each supplied responder's asynchronous
         * invocation to its owner
         * @return this builder
         */
        public Builder configureResponderAsyncInvoke(Boolean configureResponderAsyncInvoke) {
            this.configureResponderAsyncInvoke = configureResponderAsyncInvoke;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getSnapStart()}.
         *
         * @param snapStart false to turn SnapStart off on the construct's functions
         * @return this builder
         */
        public Builder snapStart(Boolean snapStart) {
            this.snapStart = snapStart;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getSubmitRateLimit()}.
         *
         * @param submitRateLimit steady requests per second the submit method accepts, at least 1
         * @return this builder
         */
        public Builder submitRateLimit(Integer submitRateLimit) {
            this.submitRateLimit = submitRateLimit;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getSubmitBurstLimit()}.
         *
         * @param submitBurstLimit requests the submit method accepts at once, at least 1
         * @return this builder
         */
        public Builder submitBurstLimit(Integer submitBurstLimit) {
            this.submitBurstLimit = submitBurstLimit;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getExistingTableObj()}.
         *
         * @param existingTableObj your table
         * @return this builder
         */
        public Builder existingTableObj(ITable existingTableObj) {
            this.existingTableObj = existingTableObj;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getTableProps()}.
         *
         * @param tableProps the new table's props
         * @return this builder
         */
        public Builder tableProps(TableProps tableProps) {
            this.tableProps = tableProps;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getExistingRequestTopicObj()}.
         *
         * @param existingRequestTopicObj your request topic
         * @return this builder
         */
        public Builder existingRequestTopicObj(ITopic existingRequestTopicObj) {
            this.existingRequestTopicObj = existingRequestTopicObj;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getRequestTopicProps()}.
         *
         * @param requestTopicProps the new request topic's props
         * @return this builder
         */
        public Builder requestTopicProps(TopicProps requestTopicProps) {
            this.requestTopicProps = requestTopicProps;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getExistingCompletionTopicObj()}.
         *
         * @param existingCompletionTopicObj your completion topic
         * @return this builder
         */
        public Builder existingCompletionTopicObj(ITopic existingCompletionTopicObj) {
            this.existingCompletionTopicObj = existingCompletionTopicObj;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getCompletionTopicProps()}.
         *
         * @param completionTopicProps the new completion topic's props
         * @return this builder
         */
        public Builder completionTopicProps(TopicProps completionTopicProps) {
            this.completionTopicProps = completionTopicProps;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getResponseQueueProps()}.
         *
         * @param responseQueueProps the response queue's props
         * @return this builder
         */
        public Builder responseQueueProps(QueueProps responseQueueProps) {
            this.responseQueueProps = responseQueueProps;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getDeadlineQueueProps()}.
         *
         * @param deadlineQueueProps the deadline queue's props
         * @return this builder
         */
        public Builder deadlineQueueProps(QueueProps deadlineQueueProps) {
            this.deadlineQueueProps = deadlineQueueProps;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getExistingApiObj()}.
         *
         * @param existingApiObj your REST API, deployed
         * @return this builder
         */
        public Builder existingApiObj(RestApi existingApiObj) {
            this.existingApiObj = existingApiObj;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getApiProps()}.
         *
         * @param apiProps the new API's props
         * @return this builder
         */
        public Builder apiProps(RestApiProps apiProps) {
            this.apiProps = apiProps;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getExistingResponseQueueObj()}.
         *
         * @param existingResponseQueueObj your response queue, with its dead-letter queue given too
         * @return this builder
         */
        public Builder existingResponseQueueObj(IQueue existingResponseQueueObj) {
            this.existingResponseQueueObj = existingResponseQueueObj;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getExistingResponseDeadLetterQueueObj()}.
         *
         * @param existingResponseDeadLetterQueueObj your response dead-letter queue
         * @return this builder
         */
        public Builder existingResponseDeadLetterQueueObj(IQueue existingResponseDeadLetterQueueObj) {
            this.existingResponseDeadLetterQueueObj = existingResponseDeadLetterQueueObj;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getResponseDeadLetterQueueProps()}.
         *
         * @param responseDeadLetterQueueProps the new response dead-letter queue's props
         * @return this builder
         */
        public Builder responseDeadLetterQueueProps(QueueProps responseDeadLetterQueueProps) {
            this.responseDeadLetterQueueProps = responseDeadLetterQueueProps;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getExistingDeadlineQueueObj()}.
         *
         * @param existingDeadlineQueueObj your deadline queue, with its dead-letter queue given too
         * @return this builder
         */
        public Builder existingDeadlineQueueObj(IQueue existingDeadlineQueueObj) {
            this.existingDeadlineQueueObj = existingDeadlineQueueObj;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getExistingDeadlineDeadLetterQueueObj()}.
         *
         * @param existingDeadlineDeadLetterQueueObj your deadline dead-letter queue
         * @return this builder
         */
        public Builder existingDeadlineDeadLetterQueueObj(IQueue existingDeadlineDeadLetterQueueObj) {
            this.existingDeadlineDeadLetterQueueObj = existingDeadlineDeadLetterQueueObj;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getDeadlineDeadLetterQueueProps()}.
         *
         * @param deadlineDeadLetterQueueProps the new deadline dead-letter queue's props
         * @return this builder
         */
        public Builder deadlineDeadLetterQueueProps(QueueProps deadlineDeadLetterQueueProps) {
            this.deadlineDeadLetterQueueProps = deadlineDeadLetterQueueProps;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getFunctionVpc()}.
         *
         * @param functionVpc the VPC
         * @return this builder
         */
        public Builder functionVpc(IVpc functionVpc) {
            this.functionVpc = functionVpc;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getFunctionVpcSubnets()}.
         *
         * @param functionVpcSubnets the subnets
         * @return this builder
         */
        public Builder functionVpcSubnets(SubnetSelection functionVpcSubnets) {
            this.functionVpcSubnets = functionVpcSubnets;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getFunctionSecurityGroups()}.
         *
         * @param functionSecurityGroups the security groups
         * @return this builder
         */
        public Builder functionSecurityGroups(List<ISecurityGroup> functionSecurityGroups) {
            this.functionSecurityGroups = functionSecurityGroups;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getFunctionLayers()}.
         *
         * @param functionLayers the layers
         * @return this builder
         */
        public Builder functionLayers(List<ILayerVersion> functionLayers) {
            this.functionLayers = functionLayers;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getFunctionTracing()}.
         *
         * @param functionTracing the tracing mode
         * @return this builder
         */
        public Builder functionTracing(Tracing functionTracing) {
            this.functionTracing = functionTracing;
            return this;
        }

        /**
         * Sets {@link ScatterGatherRfqProps#getFunctionLogGroupProps()}.
         *
         * @param functionLogGroupProps the log groups' props
         * @return this builder
         */
        public Builder functionLogGroupProps(LogGroupProps functionLogGroupProps) {
            this.functionLogGroupProps = functionLogGroupProps;
            return this;
        }

        /**
         * Builds the props, checking that the code is given; the construct checks the rest at synthesis.
         *
         * @return the props
         * @throws IllegalArgumentException if a required prop is missing (the message names it)
         */
        public ScatterGatherRfqProps build() {
            return new ScatterGatherRfqProps(this);
        }
    }
}
