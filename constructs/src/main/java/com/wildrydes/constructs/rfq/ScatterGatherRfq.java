package com.wildrydes.constructs.rfq;

import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.functions.JavaFunctionProps;
import com.wildrydes.constructs.internal.DeadLetterAlarms;
import com.wildrydes.constructs.internal.DeadLetterRedrive;
import com.wildrydes.constructs.internal.FunctionTargets;
import com.wildrydes.constructs.internal.QueueConsumers;
import com.wildrydes.constructs.internal.QueueGrants;
import com.wildrydes.constructs.internal.RegionalRestApi;
import com.wildrydes.constructs.internal.RequestSchemas;
import com.wildrydes.constructs.internal.SecondsText;
import com.wildrydes.constructs.internal.SynthesisValue;
import com.wildrydes.constructs.internal.ValidatedProps;
import com.wildrydes.constructs.messaging.FilteredSubscription;
import com.wildrydes.constructs.messaging.FilteredSubscriptionProps;
import com.wildrydes.constructs.messaging.TopicGrants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.IResource;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.MethodDeploymentOptions;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.Model;
import software.amazon.awscdk.services.apigateway.ModelOptions;
import software.amazon.awscdk.services.apigateway.RequestValidator;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * Scatter-gather, an instant ride request for quotes, with the part a plain scatter-gather leaves
 * undone: telling the customer when every provider has answered or time is up.
 * <ul>
 *   <li>{@code POST /submit-instant-ride-rfq} stores the request in the RidesBooking table and
 *       publishes it on the request topic (scatter) with its correlation ID ({@code rfq-id}) and
 *       return address ({@code reply-to}: the response queue's URL).</li>
 *   <li>Responders answer to that address; the collector stores each quote once (gather). A quote
 *       counts only from one of the responders' names ({@code responderNames} and
 *       {@link #addResponder}), compared after normalising; a quote after the request's deadline
 *       is not counted. Malformed responses and quotes from other names are dead-lettered.</li>
 *   <li>When the last expected responder answers, or the deadline passes, the request closes and
 *       a completion event is published once on {@link #getCompletionTopic()}.</li>
 *   <li>{@code GET /query-instant-ride-rfq/{id}} answers with the quotes so far, whether the
 *       request is open, and how many of how many responders answered.</li>
 * </ul>
 * The handlers come from the {@code wild-rydes-lambdas} jar given as {@code code}. The API's methods
 * take IAM authorization unless the props choose otherwise ({@link #grantInvokeApi} lets a caller
 * in); the construct suppresses no cdk-nag finding about the API. Responders are yours: give them in
 * the props or attach them by name with {@link #addResponder}, each subscription named after its
 * responder; a request for quotes without any responder is refused at synthesis.
 */
public class ScatterGatherRfq extends Construct {

    /** The path of the submit method, {@code POST /submit-instant-ride-rfq}. */
    public static final String SUBMIT_PATH = "submit-instant-ride-rfq";
    /** The path of the query method, {@code GET /query-instant-ride-rfq/{id}}. */
    public static final String QUERY_PATH = "query-instant-ride-rfq";

    static final String HANDLERS = "com.wildrydes.lambdas.rfq.";

    private final ITable table;
    private final ITopic requestTopic;
    private final ITopic completionTopic;
    private final IQueue responseQueue;
    private final IQueue responseDeadLetterQueue;
    private final IQueue deadlineQueue;
    private final IQueue deadlineDeadLetterQueue;
    private final RestApi api;
    private final List<Method> apiMethods;
    private final List<Alarm> alarms = new ArrayList<>();
    private final ResponderNames responderNames = new ResponderNames();
    private final Boolean configureResponderAsyncInvoke;

    /**
     * Creates the table, the request and completion topics, the response and deadline queues, the submit,
     * query, collector and deadline functions and the REST API (each unless you give your own), and
     * subscribes the responders of the props.
     *
     * @param scope the parent construct
     * @param id the construct's ID, unique within {@code scope}
     * @param props the construct's settings: the handlers' jar, and optionally the responders
     * @throws IllegalArgumentException if the props are inconsistent or out of range (the message names the
     * construct's path, the prop, what was given and what was expected)
     */
    public ScatterGatherRfq(Construct scope, String id, ScatterGatherRfqProps props) {
        super(scope, id);
        ValidatedProps.check(this, () -> validate(props));
        this.configureResponderAsyncInvoke = props.getConfigureResponderAsyncInvoke();
        List<String> givenNames = props.getResponderNames() != null ? props.getResponderNames() : List.of();
        for (int i = 0; i < givenNames.size(); i++) {
            String name = givenNames.get(i);
            boolean subscribed = i < props.getResponders().size();
            ValidatedProps.check(this, () -> responderNames.add("responderNames", name, subscribed));
        }
        // Read at synthesis: responders attached with addResponder after construction count too.
        String expectedResponders =
                SynthesisValue.string("ExpectedResponders", () -> Integer.toString(responderNames.count()));
        String responderNamesJson = SynthesisValue.string("ResponderNames", responderNames::toEnvironmentValue);
        getNode()
                .addValidation(() -> responderNames.count() > 0
                        ? List.of()
                        : List.of(
                                "ScatterGatherRfq: expected at least one responder (responders, externalResponderCount or "
                                        + "addResponder), got none: nothing would answer a request"));
        Duration deadline = props.getDeadline() != null ? props.getDeadline() : ScatterGatherRfqProps.DEFAULT_DEADLINE;

        ValidatedProps.check(this, () -> RfqResources.validate(props));
        RfqResources resources = new RfqResources(this, props);
        this.requestTopic = ValidatedProps.check(this, resources::requestTopic);
        this.completionTopic = ValidatedProps.check(this, resources::completionTopic);
        this.table = ValidatedProps.check(this, resources::table);

        this.responseDeadLetterQueue = ValidatedProps.check(this, resources::responseDeadLetterQueue);
        this.responseQueue = ValidatedProps.check(this, () -> resources.responseQueue(responseDeadLetterQueue));
        this.deadlineDeadLetterQueue = ValidatedProps.check(this, resources::deadlineDeadLetterQueue);
        this.deadlineQueue = ValidatedProps.check(this, () -> resources.deadlineQueue(deadlineDeadLetterQueue));
        alarms.add(
                DeadLetterAlarms.anyMessage(
                        this,
                        "ResponseDeadLetterAlarm",
                        responseDeadLetterQueue.metricApproximateNumberOfMessagesVisible(DeadLetterAlarms.ALARM_METRIC),
                        "A response could not be stored (malformed, or for an unknown request): inspect the response dead-letter queue"));
        alarms.add(
                DeadLetterAlarms.anyMessage(
                        this,
                        "DeadlineDeadLetterAlarm",
                        deadlineDeadLetterQueue.metricApproximateNumberOfMessagesVisible(DeadLetterAlarms.ALARM_METRIC),
                        "A request for quotes could not be closed at its deadline: inspect the deadline dead-letter queue, redrive it"));

        Map<String, String> tableOnly = Map.of("TABLE_NAME", table.getTableName());
        JavaFunction submit = function(
                "SubmitFunction",
                "SubmitRfqHandler",
                "Stores and scatters a request for quotes",
                props,
                Map.of(
                        "TABLE_NAME",
                        table.getTableName(),
                        "REQUEST_TOPIC_ARN",
                        requestTopic.getTopicArn(),
                        "RESPONSE_QUEUE_URL",
                        responseQueue.getQueueUrl(),
                        "DEADLINE_QUEUE_URL",
                        deadlineQueue.getQueueUrl(),
                        "EXPECTED_RESPONDERS",
                        expectedResponders,
                        "DEADLINE_SECONDS",
                        SecondsText.of(deadline)));
        table.grant(submit, "dynamodb:PutItem", "dynamodb:DeleteItem");
        TopicGrants.grantPublish(requestTopic, submit);
        QueueGrants.send(deadlineQueue, submit);

        JavaFunction query = function(
                "QueryFunction", "QueryRfqHandler", "Answers with a request's quotes and state", props, tableOnly);
        table.grant(query, "dynamodb:Query");

        Map<String, String> closing =
                Map.of("TABLE_NAME", table.getTableName(), "COMPLETION_TOPIC_ARN", completionTopic.getTopicArn());
        // Only the collector needs the names: it counts a quote only from one of them.
        Map<String, String> collecting = new TreeMap<>(closing);
        collecting.put("RESPONDER_NAMES", responderNamesJson);
        JavaFunction collector = function(
                "CollectorFunction",
                "QuoteCollectorHandler",
                "Stores each quote once and closes a request when all have answered",
                props,
                collecting);
        JavaFunction deadlineCloser = function(
                "DeadlineFunction",
                "RfqDeadlineHandler",
                "Closes a request for quotes at its deadline",
                props,
                closing);
        // Closing (RfqStore.close) updates the request conditionally and, when that condition fails
        // (closed already, or a retry of the closer whose publish failed), reads it with GetItem; only
        // the collector puts items: each quote, in the transaction that counts it.
        table.grant(collector, "dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
        TopicGrants.grantPublish(completionTopic, collector);
        table.grant(deadlineCloser, "dynamodb:Query", "dynamodb:GetItem", "dynamodb:UpdateItem");
        TopicGrants.grantPublish(completionTopic, deadlineCloser);
        QueueConsumers.connect(
                this,
                "CollectorEventSource",
                responseQueue,
                collector.getAlias(),
                SqsEventSourceProps.builder().batchSize(10).build());
        QueueConsumers.connect(
                this,
                "DeadlineEventSource",
                deadlineQueue,
                deadlineCloser.getAlias(),
                SqsEventSourceProps.builder().batchSize(10).build());

        for (int i = 0; i < props.getResponders().size(); i++) {
            subscribe(givenNames.get(i), props.getResponders().get(i), null);
        }

        // Each request fans out to every responder: the submit method gets its own, tighter throttle.
        MethodDeploymentOptions submitThrottle = MethodDeploymentOptions.builder()
                .throttlingRateLimit(
                        props.getSubmitRateLimit() != null
                                ? props.getSubmitRateLimit()
                                : ScatterGatherRfqProps.DEFAULT_SUBMIT_RATE_LIMIT)
                .throttlingBurstLimit(
                        props.getSubmitBurstLimit() != null
                                ? props.getSubmitBurstLimit()
                                : ScatterGatherRfqProps.DEFAULT_SUBMIT_BURST_LIMIT)
                .build();
        this.api = props.getExistingApiObj() != null
                ? props.getExistingApiObj()
                : RegionalRestApi.create(
                        this,
                        "Wild Rydes instant ride request for quotes",
                        null,
                        null,
                        null,
                        Map.of("/" + SUBMIT_PATH + "/POST", submitThrottle),
                        props.getApiProps());
        RequestValidator validator = RegionalRestApi.validator(this, api);
        Model rfqRequest = api.addModel(
                "RfqRequestModel",
                ModelOptions.builder()
                        .contentType("application/json")
                        .modelName("RfqRequest")
                        .schema(RequestSchemas.rfqRequest())
                        .build());
        Method submitMethod = api.getRoot()
                .addResource(SUBMIT_PATH)
                .addMethod(
                        "POST",
                        new LambdaIntegration(submit.getAlias()),
                        authorized(MethodOptions.builder(), props)
                                .requestValidator(validator)
                                .requestModels(Map.of("application/json", rfqRequest))
                                .build());
        IResource queryResource = api.getRoot().addResource(QUERY_PATH).addResource("{id}");
        Method queryMethod = queryResource.addMethod(
                "GET",
                new LambdaIntegration(query.getAlias()),
                authorized(MethodOptions.builder(), props)
                        .requestValidator(validator)
                        .requestParameters(Map.of("method.request.path.id", true))
                        .build());
        this.apiMethods = List.of(submitMethod, queryMethod);
    }

    /**
     * The reuser's authorization choice, IAM unless told otherwise (as AWS Solutions Constructs do);
     * with an authorizer and no type, CDK takes the authorizer's type. The construct suppresses no
     * cdk-nag finding for the choice: a public API is reported to its owner.
     */
    private static MethodOptions.Builder authorized(MethodOptions.Builder options, ScatterGatherRfqProps props) {
        AuthorizationType type = props.getApiAuthorizationType();
        if (type == null && props.getApiAuthorizer() == null) {
            type = AuthorizationType.IAM;
        }
        return options.authorizationType(type).authorizer(props.getApiAuthorizer());
    }

    /**
     * Lets a principal call the API's submit and query methods ({@code execute-api:Invoke} on those two
     * methods of the deployed stage), for the default IAM authorization.
     *
     * @param grantee the principal that calls the API
     * @return the grant
     */
    public Grant grantInvokeApi(IGrantable grantee) {
        String stage = api.getDeploymentStage().getStageName();
        return Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(List.of("execute-api:Invoke"))
                .resourceArns(List.of(
                        api.arnForExecuteApi("POST", "/" + SUBMIT_PATH, stage),
                        api.arnForExecuteApi("GET", "/" + QUERY_PATH + "/*", stage)))
                .build());
    }

    /**
     * The API's methods: submit ({@code POST}) and query ({@code GET /{id}}), to configure or to record
     * your own cdk-nag decisions on.
     *
     * @return the two methods, submit first
     */
    public List<Method> getApiMethods() {
        return apiMethods;
    }

    private static void validate(ScatterGatherRfqProps props) {
        Duration deadline = props.getDeadline();
        if (deadline != null
                && !deadline.isUnresolved()
                && (deadline.toSeconds().doubleValue() < 1
                        || deadline.toSeconds().doubleValue()
                                > ScatterGatherRfqProps.MAX_DEADLINE.toSeconds().doubleValue())) {
            throw new IllegalArgumentException("ScatterGatherRfq: deadline must be from 1 second to 15 minutes (the "
                    + "longest SQS delivery delay, which times it), got " + deadline.toHumanString());
        }
        Duration visibility = props.getResponseQueueVisibilityTimeout();
        if (visibility != null
                && !visibility.isUnresolved()
                && visibility.toSeconds().doubleValue()
                        < ScatterGatherRfqProps.COLLECTOR_TIMEOUT.toSeconds().doubleValue()) {
            throw new IllegalArgumentException("ScatterGatherRfq: responseQueueVisibilityTimeout must be at least the "
                    + "collector's timeout (10 seconds, and AWS advises six times it), got "
                    + visibility.toHumanString());
        }
        if (props.getFunctionLogGroupProps() != null
                && props.getFunctionLogGroupProps().getLogGroupName() != null) {
            throw new IllegalArgumentException("ScatterGatherRfq: functionLogGroupProps must not name the log group "
                    + "(each of the construct's four functions has its own), got logGroupName "
                    + props.getFunctionLogGroupProps().getLogGroupName());
        }
        Integer rate = props.getSubmitRateLimit();
        Integer burst = props.getSubmitBurstLimit();
        if ((rate != null && rate < 1) || (burst != null && burst < 1)) {
            throw new IllegalArgumentException(
                    "ScatterGatherRfq: submitRateLimit and submitBurstLimit must be at least 1, got " + rate + " and "
                            + burst);
        }
        int external = props.getExternalResponderCount() != null ? props.getExternalResponderCount() : 0;
        if (external < 0) {
            throw new IllegalArgumentException(
                    "ScatterGatherRfq: externalResponderCount must be at least 0, got " + external);
        }
        int responders = props.getResponders().size() + external;
        int named =
                props.getResponderNames() != null ? props.getResponderNames().size() : 0;
        if (named != responders) {
            throw new IllegalArgumentException("ScatterGatherRfq: responderNames must name each responder of the "
                    + "props once, the name its quotes carry: expected " + responders + " names ("
                    + props.getResponders().size() + " responder functions and externalResponderCount " + external
                    + "), got " + named);
        }
    }

    private JavaFunction function(
            String id,
            String handlerClass,
            String description,
            ScatterGatherRfqProps props,
            Map<String, String> environment) {
        return new JavaFunction(
                this,
                id,
                JavaFunctionProps.builder()
                        .code(props.codeFor(handlerClass))
                        .handler(HANDLERS + handlerClass + "::handleRequest")
                        .description(description)
                        .timeout(ScatterGatherRfqProps.COLLECTOR_TIMEOUT)
                        .snapStart(props.getSnapStart())
                        .environment(environment)
                        .vpc(props.getFunctionVpc())
                        .vpcSubnets(props.getFunctionVpcSubnets())
                        .securityGroups(props.getFunctionSecurityGroups())
                        .layers(props.getFunctionLayers())
                        .tracing(props.getFunctionTracing())
                        .logGroupProps(props.getFunctionLogGroupProps())
                        .build());
    }

    /**
     * Subscribes {@code responder} to the request topic and lets it answer, counting its quotes under
     * {@code name}. The subscription, with its dead-letter and failed-invocations queues and their
     * alarms, is the construct's child {@code <name>Subscription}: named after the responder, never after
     * its place among the others, so adding or removing a responder replaces no other responder's
     * resources (and messages). Call it before the app synthesizes; the functions learn the count and
     * the names at synthesis.
     *
     * @param name the name the responder puts in its quotes, unique among the responders after trimming,
     * Unicode NFKC and case folding; not {@code -}, no {@code /}, at most 1,024 bytes
     * @param responder the responder's function (or alias), subscribed asynchronously
     * @throws IllegalArgumentException if the name or the function is refused (the message names the
     * construct's path, what was given and what was expected)
     */
    public void addResponder(String name, IFunction responder) {
        addResponder(name, responder, ResponderOptions.builder().build());
    }

    /**
     * As {@link #addResponder(String, IFunction)}, with how the responder's asynchronous invocation is
     * configured.
     *
     * @param name the name the responder puts in its quotes
     * @param responder the responder's function (or alias)
     * @param options the responder's retries, event age and whether to configure them at all
     * @throws IllegalArgumentException if the name, the function or the options are refused
     */
    public void addResponder(String name, IFunction responder, ResponderOptions options) {
        ValidatedProps.check(this, () -> {
            if (responder == null) {
                throw new IllegalArgumentException("ScatterGatherRfq.addResponder: expected a responder function for "
                        + (name == null ? "null" : "\"" + name + "\"") + ", got null");
            }
            responderNames.add("addResponder", name, true);
        });
        subscribe(name, responder, options);
    }

    private void subscribe(String name, IFunction responder, ResponderOptions options) {
        ResponderOptions given =
                options != null ? options : ResponderOptions.builder().build();
        // Named after the responder, never its place in the list: a logical ID that changed with
        // the order would replace the subscription and its queues, losing their messages.
        alarms.addAll(new FilteredSubscription(
                        this,
                        name + "Subscription",
                        FilteredSubscriptionProps.builder()
                                .topic(requestTopic)
                                .function(responder)
                                .maxEventAge(given.getMaxEventAge())
                                .retryAttempts(given.getRetryAttempts())
                                .configureAsyncInvoke(
                                        given.getConfigureAsyncInvoke() != null
                                                ? given.getConfigureAsyncInvoke()
                                                : configureResponderAsyncInvoke)
                                .build())
                .getAlarms());
        FunctionTargets.grantOrWarn(
                this,
                responder,
                () -> grantRespond(responder),
                "sqs:SendMessage",
                responseQueue.getNode().getPath());
    }

    /**
     * Lets {@code grantee} replay dead letters with SQS's own redrive ({@code aws sqs
     * start-message-move-task}): the response dead-letter queue into the response queue, and the
     * deadline dead-letter queue into the deadline queue (a request that could not close at its
     * deadline closes when its message comes back). The move-task actions and receive, delete and
     * attributes on each dead-letter queue; send on the queue it returns to.
     *
     * @param grantee the principal that starts, lists and cancels the moves, such as an operator's role
     * @return the grant, over the four queues
     */
    public Grant grantRedriveDeadLetters(IGrantable grantee) {
        return DeadLetterRedrive.grant(grantee, responseDeadLetterQueue, responseQueue)
                .combine(DeadLetterRedrive.grant(grantee, deadlineDeadLetterQueue, deadlineQueue));
    }

    /**
     * Lets a responder answer: send to the response queue, and nothing else. The construct grants this to
     * the responders it creates or is given; grant it to an external responder yourself.
     *
     * @param responder the responder's principal, such as its function or role
     * @return the grant of {@code sqs:SendMessage} on the response queue
     */
    public Grant grantRespond(IGrantable responder) {
        return QueueGrants.send(responseQueue, responder);
    }

    /**
     * Lets {@code subscriber} subscribe to the completion events.
     *
     * @param subscriber the principal that subscribes to the completion topic
     * @return the grant on the completion topic
     */
    public Grant grantSubscribeToCompletions(IGrantable subscriber) {
        return completionTopic.grantSubscribe(subscriber);
    }

    /**
     * The full URL of {@code POST /submit-instant-ride-rfq} on the deployed stage.
     *
     * @return the URL, a token that resolves at deployment
     */
    public String getSubmitUrl() {
        return api.urlForPath("/" + SUBMIT_PATH);
    }

    /**
     * The URL of {@code GET /query-instant-ride-rfq/{id}} on the deployed stage, without the id.
     *
     * @return the URL, a token that resolves at deployment; append {@code /} and the request's ID
     */
    public String getQueryUrl() {
        return api.urlForPath("/" + QUERY_PATH);
    }

    /**
     * The RidesBooking table: each request under its ID ({@code id}), with the request itself under
     * {@code responder} {@code -} and each quote under its responder's name.
     *
     * @return the table, encrypted and retained unless {@code tableRemovalPolicy} says otherwise
     */
    public ITable getTable() {
        return table;
    }

    /**
     * The scatter side: every responder subscribes here, and each request is published here once.
     *
     * @return the request topic, encrypted with the construct's key
     */
    public ITopic getRequestTopic() {
        return requestTopic;
    }

    /**
     * One event per request when it closes: all answered, or the deadline passed.
     *
     * @return the completion topic, encrypted with the construct's key
     */
    public ITopic getCompletionTopic() {
        return completionTopic;
    }

    /**
     * The gather side: the return address every request carries, which the collector drains.
     *
     * @return the response queue
     */
    public IQueue getResponseQueue() {
        return responseQueue;
    }

    /**
     * The queue that holds each request's deadline message until its deadline.
     *
     * @return the deadline queue
     */
    public IQueue getDeadlineQueue() {
        return deadlineQueue;
    }

    /**
     * Where a deadline message goes when closing its request fails 5 times.
     *
     * @return the deadline dead-letter queue
     */
    public IQueue getDeadlineDeadLetterQueue() {
        return deadlineDeadLetterQueue;
    }

    /**
     * Where a response goes that the collector could not store after three receives: malformed, from a name
     * that is not a responder's, or for an unknown request.
     *
     * @return the response dead-letter queue, which an alarm watches
     */
    public IQueue getResponseDeadLetterQueue() {
        return responseDeadLetterQueue;
    }

    /**
     * The REST API of the submit and query methods.
     *
     * @return the API
     */
    public RestApi getApi() {
        return api;
    }

    /**
     * The names whose quotes count so far: {@code responderNames}, then each added with
     * {@link #addResponder}.
     *
     * @return a copy of the names, in order
     */
    public List<String> getResponderNames() {
        return responderNames.list();
    }

    /**
     * The alarms this construct created, each firing on the first message in a queue of unprocessed
     * messages (response and deadline dead letters, the responders' subscriptions): add an action to be
     * told.
     *
     * @return a copy of the list
     */
    public List<Alarm> getAlarms() {
        return List.copyOf(alarms);
    }

    /**
     * How many responders each request waits for before it closes without its deadline, so far: the
     * props' responders and external responders, and each added with {@link #addResponder}. The functions
     * are configured with the count at synthesis.
     *
     * @return the count so far
     */
    public int getExpectedResponders() {
        return responderNames.count();
    }
}
