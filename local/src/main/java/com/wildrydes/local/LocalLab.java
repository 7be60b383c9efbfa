package com.wildrydes.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.api.LocalRestApi;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.lambda.AsyncInvoker;
import com.wildrydes.local.lambda.FunctionLogs;
import com.wildrydes.local.lambda.LocalFunction;
import com.wildrydes.local.lambda.SqsEventSource;
import com.wildrydes.local.lambda.TopicToFunction;
import com.wildrydes.local.resources.EngineResources;
import com.wildrydes.local.stepfunctions.LambdaTaskEndpoint;
import com.wildrydes.local.stepfunctions.LocalStateMachine;
import com.wildrydes.local.stepfunctions.StateMachineExecution;
import com.wildrydes.local.stepfunctions.StepFunctionsApi;
import com.wildrydes.local.stepfunctions.TaskCallGate;
import com.wildrydes.local.template.CloudAssembly;
import com.wildrydes.local.template.Intrinsics;
import com.wildrydes.local.template.LocalIds;
import com.wildrydes.local.template.ResourceTypes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One lab's stack running locally from its synthesized template: every resource of a kind local
 * mode emulates brought up in the engines or in this JVM, in dependency order, with the
 * template's settings; the rest listed as not emulated. Closing it stops the functions, pollers
 * and API servers it started (the engines belong to whoever started them).
 */
public final class LocalLab implements AutoCloseable {

    private final CloudAssembly assembly;
    private final RunningEngines engines;
    private final LocalSettings settings;
    private final LocalIds ids = new LocalIds();
    private final Intrinsics intrinsics = new Intrinsics(ids);
    private final EngineResources resources;
    private final List<String> notEmulated = new ArrayList<>();
    private final Map<String, LocalFunction> functionsByName = new LinkedHashMap<>();
    private final Map<String, LocalFunction> functionsByLogicalId = new LinkedHashMap<>();
    private final Map<String, LocalFunction> functionsByReference = new LinkedHashMap<>();
    private final Map<String, String> queueUrlsByArn = new LinkedHashMap<>();
    private final Map<String, JsonNode> invokeConfigsByFunction = new LinkedHashMap<>();
    private final Map<String, LocalRestApi> apisById = new LinkedHashMap<>();
    private final Map<String, String> resourcePaths = new LinkedHashMap<>();
    private final Map<String, JsonNode> modelsByName = new LinkedHashMap<>();
    private final Map<String, Boolean> validatesBody = new LinkedHashMap<>();
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, String> outputs = new LinkedHashMap<>();
    private final java.util.Set<String> snapStart = new java.util.HashSet<>();
    private final List<java.util.concurrent.Future<?>> initialising = new ArrayList<>();
    private final Map<String, LocalStateMachine> stateMachinesByReference = new LinkedHashMap<>();
    private final Map<String, String> stateMachineCallerKeys = new LinkedHashMap<>();
    private LambdaTaskEndpoint lambdaTasks;
    private final com.wildrydes.local.iam.CallRecorder iamCalls = new com.wildrydes.local.iam.CallRecorder();
    private final Map<String, String> rolesByFunction = new LinkedHashMap<>();
    private final Map<String, String> integrations = new LinkedHashMap<>();
    private StepFunctionsApi stepFunctionsApi;
    private TaskCallGate taskCalls;
    /** Whoever watches this lab live (the local console); each component reports here. */
    private final List<com.wildrydes.local.console.LabEventListener> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private final com.wildrydes.local.console.LabEventListener events =
            new com.wildrydes.local.console.LabEventListener() {
                @Override
                public void onEvent(com.wildrydes.local.console.LabEvent event) {
                    listeners.forEach(listener -> listener.onEvent(event));
                }

                @Override
                public boolean listening() {
                    return !listeners.isEmpty();
                }
            };

    private LocalLab(CloudAssembly assembly, RunningEngines engines, LocalSettings settings) {
        this.assembly = assembly;
        this.engines = engines;
        this.settings = settings;
        this.resources = new EngineResources(
                settings.namePrefix() + assembly.stackName(), ids, engines, settings::scaledSeconds);
    }

    /** Brings up the stack {@code stackName} of the cloud assembly in {@code cdkOut} on the engines. */
    public static LocalLab start(Path cdkOut, String stackName, RunningEngines engines, LocalSettings settings) {
        FunctionLogs.capture();
        LocalLab lab = new LocalLab(CloudAssembly.read(cdkOut, stackName), engines, settings);
        try {
            lab.bringUp();
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    private void bringUp() {
        JsonNode resourcesNode = assembly.template().path("Resources");
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resourcesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            ResourceTypes.requireKnown(resource.getKey(), type);
            if (ResourceTypes.NOT_EMULATED.contains(type)) {
                notEmulated.add(resource.getKey() + " (" + type + ")");
                notEmulated(resource.getKey(), type);
            } else {
                byType.computeIfAbsent(type, t -> new ArrayList<>()).add(resource.getKey());
            }
        }
        for (String type : ResourceTypes.EMULATED) {
            for (String logicalId : byType.getOrDefault(type, List.of())) {
                bringUp(logicalId, type, resourcesNode.get(logicalId).path("Properties"));
            }
        }
        awaitInitialised();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        assembly.template().path("Outputs").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> output = it.next();
            outputs.put(output.getKey(), intrinsics.text(output.getValue().get("Value")));
        }
    }

    /**
     * A resource with no local meaning still gets the ARN AWS would give it where the IAM check
     * needs one (a role's, a key's); any other a placeholder, so references to it resolve.
     */
    private void notEmulated(String logicalId, String type) {
        String name = settings.namePrefix() + assembly.stackName() + "-" + logicalId;
        switch (type) {
            case "AWS::IAM::Role" ->
                ids.put(logicalId, name, Map.of("Arn", "arn:aws:iam::" + LocalIds.ACCOUNT + ":role/" + name));
            case "AWS::KMS::Key" -> {
                String arn = "arn:aws:kms:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":key/" + name;
                ids.put(logicalId, name, Map.of("Arn", arn, "KeyId", name));
            }
            default -> {
                String placeholder = LocalIds.placeholderArn(type.split("::")[1].toLowerCase(), logicalId);
                ids.put(logicalId, placeholder, Map.of("Arn", placeholder));
            }
        }
    }

    private void bringUp(String logicalId, String type, JsonNode properties) {
        switch (type) {
            case "AWS::DynamoDB::Table" -> resources.table(logicalId, properties);
            case "AWS::SQS::Queue" -> {
                resources.queue(logicalId, properties);
                queueUrlsByArn.put(intrinsics.text(getAtt(logicalId, "Arn")), intrinsics.text(ref(logicalId)));
            }
            case "AWS::SNS::Topic" -> resources.topic(logicalId, properties);
            case "AWS::Lambda::Function" -> function(logicalId, properties);
            case "AWS::Lambda::Version" -> {
                LocalFunction function = function(intrinsics.text(properties.get("FunctionName")));
                if (snapStart.contains(function.name())) {
                    initialising.add(function.initialiseAhead());
                }
                ids.put(logicalId, function.arn() + ":1", Map.of("Version", "1", "FunctionArn", function.arn()));
            }
            case "AWS::Lambda::Alias" -> {
                LocalFunction function = function(intrinsics.text(properties.get("FunctionName")));
                String name = intrinsics.text(properties.get("Name"));
                String aliasArn = function.arn() + ":" + name;
                functionsByReference.put(aliasArn, function);
                functionsByReference.put(function.name() + ":" + name, function);
                ids.put(logicalId, aliasArn, Map.of("AliasArn", aliasArn));
            }
            case "AWS::Lambda::EventInvokeConfig" -> {
                LocalFunction function = function(intrinsics.text(properties.get("FunctionName")));
                invokeConfigsByFunction.put(function.name(), intrinsics.resolve(properties));
                ids.put(logicalId, logicalId, Map.of());
            }
            case "AWS::SNS::Subscription" -> subscription(logicalId, properties);
            case "AWS::Lambda::EventSourceMapping" -> eventSourceMapping(logicalId, properties);
            case "AWS::ApiGateway::RestApi" -> restApi(logicalId);
            case "AWS::ApiGateway::Resource" -> {
                String parent = intrinsics.text(properties.get("ParentId"));
                resourcePaths.put(
                        logicalId,
                        resourcePaths.getOrDefault(parent, "") + "/" + intrinsics.text(properties.get("PathPart")));
                ids.put(logicalId, logicalId, Map.of("ResourceId", logicalId));
            }
            case "AWS::ApiGateway::Model" -> {
                String name = properties.has("Name") ? intrinsics.text(properties.get("Name")) : logicalId;
                modelsByName.put(name, intrinsics.resolve(properties.get("Schema")));
                ids.put(logicalId, name, Map.of());
            }
            case "AWS::ApiGateway::RequestValidator" -> {
                validatesBody.put(
                        logicalId, properties.path("ValidateRequestBody").asBoolean(false));
                ids.put(logicalId, logicalId, Map.of("RequestValidatorId", logicalId));
            }
            case "AWS::ApiGateway::Method" -> method(properties);
            case "AWS::ApiGateway::GatewayResponse" -> gatewayResponse(properties);
            case "AWS::ApiGateway::Deployment" ->
                ids.put(logicalId, logicalId.toLowerCase().substring(0, 10), Map.of());
            case "AWS::ApiGateway::Stage" -> {
                String stage = intrinsics.text(properties.get("StageName"));
                api(properties).stage(stage);
                ids.put(logicalId, stage, Map.of());
            }
            case "AWS::StepFunctions::StateMachine" -> stateMachine(logicalId, properties);
            default -> throw new ResourceTypes.UnsupportedResourceException(logicalId, type);
        }
    }

    /** Waits for the SnapStart functions' init phases; an init that fails stops the lab, as a failed publish would. */
    private void awaitInitialised() {
        for (java.util.concurrent.Future<?> init : initialising) {
            try {
                init.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(
                        "A function's init phase failed while publishing its version", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void function(String logicalId, JsonNode properties) {
        String name = properties.has("FunctionName")
                ? intrinsics.text(properties.get("FunctionName"))
                : settings.namePrefix() + assembly.stackName() + "-" + logicalId;
        String arn = "arn:aws:lambda:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":function:" + name;
        String runtime = properties.path("Runtime").asText("");
        if (!runtime.startsWith("java") || !properties.path("Code").has("S3Key")) {
            List<String> code = new ArrayList<>();
            properties.path("Code").fieldNames().forEachRemaining(code::add);
            throw new IllegalArgumentException("Function " + logicalId + " has runtime "
                    + (runtime.isEmpty() ? "(none)" : runtime) + " and code " + code
                    + "; local mode runs Java functions"
                    + " (runtime java*) from a jar asset of the cloud assembly only");
        }
        Path jar = assembly.asset(intrinsics.text(properties.path("Code").get("S3Key")));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_REGION", LocalIds.REGION);
        environment.put("AWS_DEFAULT_REGION", LocalIds.REGION);
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_LAMBDA_FUNCTION_NAME", name);
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        // The handlers' SDK clients read these, so they reach the engines without knowing it.
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", engines.dynamoDbEndpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SNS", engines.snsSqsEndpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SQS", engines.snsSqsEndpoint().toString());
        JsonNode variables = intrinsics.resolve(properties.path("Environment").path("Variables"));
        if (variables != null) {
            variables
                    .fields()
                    .forEachRemaining(variable -> environment.put(
                            variable.getKey(), variable.getValue().asText()));
        }
        environment.putAll(settings.environmentOverrides().getOrDefault(logicalId, Map.of()));
        Duration timeout = Duration.ofSeconds(properties.path("Timeout").asInt(3));
        LocalFunction function = new LocalFunction(
                name, arn, properties.path("Handler").asText(), jar, environment, timeout, settings::scaledSeconds);
        started.add(function);
        String role = intrinsics.text(properties.get("Role"));
        rolesByFunction.put(name, role);
        com.wildrydes.local.iam.SdkCalls sdkCalls = new com.wildrydes.local.iam.SdkCalls(this::queueArn);
        com.wildrydes.local.lambda.SdkCallLog.register(function.callerKey(), (service, operation, fields) -> {
            if (events.listening()) {
                com.fasterxml.jackson.databind.node.ObjectNode named =
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                fields.forEach(named::put);
                events.onEvent(com.wildrydes.local.console.LabEvent.of(
                        com.wildrydes.local.console.LabEvent.Kind.SDK_CALL,
                        name,
                        service + " " + operation,
                        named.toString()));
            }
            for (String[] needed : sdkCalls.actions(service, operation, fields)) {
                iamCalls.byRole(
                        role, name, needed[0], needed[1], "SDK call " + service + " " + operation + " of " + name);
            }
        });
        started.add(() -> com.wildrydes.local.lambda.SdkCallLog.unregister(function.callerKey()));
        if ("PublishedVersions"
                .equals(properties.path("SnapStart").path("ApplyOn").asText())) {
            snapStart.add(name);
        }
        function.listen(events);
        functionsByName.put(name, function);
        functionsByLogicalId.put(logicalId, function);
        functionsByReference.put(name, function);
        functionsByReference.put(arn, function);
        ids.put(logicalId, name, Map.of("Arn", arn));
    }

    private void subscription(String logicalId, JsonNode properties) {
        String protocol = properties.path("Protocol").asText();
        switch (protocol) {
            case "sqs" -> resources.queueSubscription(logicalId, properties);
            case "lambda" -> {
                String endpoint = intrinsics.text(properties.get("Endpoint"));
                LocalFunction function = function(endpoint);
                String topicArn = intrinsics.text(properties.get("TopicArn"));
                String deliveryQueue = resources.internalQueue(logicalId + "-to-lambda");
                String subscriptionArn =
                        resources.subscribe(topicArn, "sqs", resources.queueArn(deliveryQueue), properties, false);
                JsonNode config = invokeConfigsByFunction.get(function.name());
                int retries =
                        config == null ? 2 : config.path("MaximumRetryAttempts").asInt(2);
                String onFailure = config == null
                        ? null
                        : config.path("DestinationConfig")
                                .path("OnFailure")
                                .path("Destination")
                                .asText(null);
                AsyncInvoker invoker = new AsyncInvoker(
                        function,
                        retries,
                        onFailure == null ? null : queueUrl(onFailure),
                        settings.asyncRetryDelay(),
                        engines.sqs(),
                        () -> iamCalls.byRole(
                                rolesByFunction.get(function.name()),
                                function.name(),
                                "sqs:SendMessage",
                                onFailure,
                                "Lambda sending a failed asynchronous invocation to its on-failure destination"));
                invoker.listen(events);
                started.add(new TopicToFunction(
                        engines.sqs(),
                        deliveryQueue,
                        subscriptionArn,
                        invoker,
                        function.name(),
                        () -> iamCalls.byService(
                                "sns.amazonaws.com",
                                "lambda:InvokeFunction",
                                endpoint,
                                topicArn,
                                "SNS invoking the subscribed function")));
                ids.put(logicalId, subscriptionArn, Map.of());
            }
            default ->
                throw new IllegalArgumentException("Subscription " + logicalId + " has protocol " + protocol
                        + "; local mode delivers to sqs and lambda only");
        }
    }

    private void eventSourceMapping(String logicalId, JsonNode properties) {
        String sourceArn = intrinsics.text(properties.get("EventSourceArn"));
        LocalFunction function = function(intrinsics.text(properties.get("FunctionName")));
        boolean partial = false;
        for (JsonNode type : properties.path("FunctionResponseTypes")) {
            partial |= type.asText().equals("ReportBatchItemFailures");
        }
        started.add(new SqsEventSource(
                engines.sqs(),
                queueUrl(sourceArn),
                sourceArn,
                function,
                properties.path("BatchSize").asInt(10),
                properties.path("MaximumBatchingWindowInSeconds").asInt(0),
                // Without a maximum, Lambda scales SQS pollers itself; five is its starting point.
                properties.path("ScalingConfig").path("MaximumConcurrency").asInt(5),
                partial,
                action -> iamCalls.byRole(
                        rolesByFunction.get(function.name()),
                        function.name(),
                        action,
                        sourceArn,
                        "Lambda's event source mapping of " + function.name())));
        ids.put(logicalId, logicalId, Map.of());
    }

    private void restApi(String logicalId) {
        LocalRestApi api = new LocalRestApi();
        started.add(api);
        String id = Integer.toString(Math.abs((settings.namePrefix() + logicalId).hashCode()), 36);
        api.onInvoke((stage, httpMethod, resourcePath, requestPath) -> {
            if (events.listening()) {
                events.onEvent(com.wildrydes.local.console.LabEvent.of(
                        com.wildrydes.local.console.LabEvent.Kind.API_REQUEST,
                        id,
                        httpMethod + " " + resourcePath,
                        requestPath));
            }
            iamCalls.byService(
                    "apigateway.amazonaws.com",
                    "lambda:InvokeFunction",
                    integrations.get(id + " " + httpMethod + " " + resourcePath),
                    "arn:aws:execute-api:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":" + id + "/" + stage + "/"
                            + httpMethod + requestPath,
                    "API Gateway invoking the method's function");
        });
        apisById.put(id, api);
        ids.put(logicalId, id, Map.of("RootResourceId", "root-" + id, "RestApiId", id));
        resourcePaths.put("root-" + id, "");
        ids.rewriteUrl("https://" + id + ".execute-api." + LocalIds.REGION + ".amazonaws.com", api.baseUrl());
    }

    private void method(JsonNode properties) {
        String resourcePath = resourcePaths.get(intrinsics.text(properties.get("ResourceId")));
        String uri = intrinsics.text(properties.path("Integration").get("Uri"));
        if (!"AWS_PROXY".equals(properties.path("Integration").path("Type").asText()) || uri == null) {
            throw new IllegalArgumentException(
                    "Method " + properties.path("HttpMethod").asText() + " " + resourcePath
                            + ": local mode serves Lambda proxy integrations (AWS_PROXY) only");
        }
        String functionArn =
                uri.substring(uri.indexOf("/functions/") + "/functions/".length(), uri.lastIndexOf("/invocations"));
        JsonNode schema = null;
        String validator = intrinsics.text(properties.get("RequestValidatorId"));
        if (validator != null && validatesBody.getOrDefault(validator, false) && properties.has("RequestModels")) {
            schema = modelsByName.get(
                    intrinsics.text(properties.path("RequestModels").get("application/json")));
        }
        integrations.put(
                intrinsics.text(properties.get("RestApiId")) + " "
                        + properties.path("HttpMethod").asText() + " " + (resourcePath.isEmpty() ? "/" : resourcePath),
                functionArn);
        api(properties)
                .method(
                        properties.path("HttpMethod").asText(),
                        resourcePath.isEmpty() ? "/" : resourcePath,
                        function(functionArn),
                        schema);
    }

    private void gatewayResponse(JsonNode properties) {
        Map<String, String> headers = new LinkedHashMap<>();
        properties.path("ResponseParameters").fields().forEachRemaining(parameter -> {
            if (parameter.getKey().startsWith("gatewayresponse.header.")) {
                headers.put(
                        parameter.getKey().substring("gatewayresponse.header.".length()),
                        parameter.getValue().asText().replaceAll("^'|'$", ""));
            }
        });
        JsonNode template = properties.path("ResponseTemplates").path("application/json");
        api(properties)
                .gatewayResponse(
                        properties.path("ResponseType").asText(),
                        properties.path("StatusCode").asInt(),
                        headers,
                        template.isMissingNode() ? null : template.asText());
    }

    private LocalRestApi api(JsonNode properties) {
        return apisById.get(intrinsics.text(properties.get("RestApiId")));
    }

    /** The function the template declares under that logical ID. */
    public LocalFunction functionByLogicalId(String logicalId) {
        LocalFunction function = functionsByLogicalId.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException(
                    "No function " + logicalId + " (functions: " + functionsByLogicalId.keySet() + ")");
        }
        return function;
    }

    /**
     * Fault on demand: the {@code nth} call from now (attempts count, the SDK's retries too) that
     * the function with that logical ID makes to {@code service} ({@code DynamoDB}, {@code SNS},
     * {@code SQS}) and {@code operation} (for example {@code TransactWriteItems}) is answered with
     * {@code fault} instead of reaching the engine.
     */
    public void failNth(
            String functionLogicalId,
            String service,
            String operation,
            int nth,
            com.wildrydes.local.lambda.AwsFault fault) {
        com.wildrydes.local.lambda.FaultPlan.failNth(
                functionByLogicalId(functionLogicalId).callerKey(), service, operation, nth, fault);
    }

    /**
     * Fault on demand for a state machine's own service tasks: the {@code nth} call from now (each
     * attempt counts, the definition's retries too) that executions of that state machine (see
     * {@link #stateMachine(String)}) make to {@code service} ({@code DynamoDB} or {@code SNS}) and
     * {@code operation} (for example {@code UpdateItem}, {@code Publish}) is answered with
     * {@code fault} instead of reaching the engine.
     */
    public void failNthStateMachineCall(
            String stateMachine, String service, String operation, int nth, com.wildrydes.local.lambda.AwsFault fault) {
        com.wildrydes.local.lambda.FaultPlan.failNth(
                stateMachineCallerKeys.get(stateMachine(stateMachine).name()), service, operation, nth, fault);
    }

    /** The function with that name or ARN (alias ARNs too). */
    public LocalFunction function(String reference) {
        LocalFunction function = functionsByReference.get(reference);
        if (function == null) {
            throw new IllegalStateException(
                    "No local function for " + reference + " (known: " + functionsByReference.keySet() + ")");
        }
        return function;
    }

    /** The ARN of the local queue at that URL (what an SDK call's QueueUrl stands for). */
    private String queueArn(String queueUrl) {
        for (Map.Entry<String, String> queue : queueUrlsByArn.entrySet()) {
            if (queue.getValue().equals(queueUrl)) {
                return queue.getKey();
            }
        }
        throw new IllegalStateException(
                "No queue of the template at " + queueUrl + " (queues: " + queueUrlsByArn + ")");
    }

    private String queueUrl(String queueArn) {
        String url = queueUrlsByArn.get(queueArn);
        if (url == null) {
            throw new IllegalStateException("No local queue with ARN " + queueArn);
        }
        return url;
    }

    private static JsonNode ref(String logicalId) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode()
                .put("Ref", logicalId);
    }

    private static JsonNode getAtt(String logicalId, String attribute) {
        com.fasterxml.jackson.databind.node.ObjectNode node =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        node.putArray("Fn::GetAtt").add(logicalId).add(attribute);
        return node;
    }

    private void stateMachine(String logicalId, JsonNode properties) {
        String name = properties.has("StateMachineName")
                ? intrinsics.text(properties.get("StateMachineName"))
                : settings.namePrefix() + assembly.stackName() + "-" + logicalId;
        String arn = "arn:aws:states:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":stateMachine:" + name;
        String definition = properties.has("DefinitionString")
                ? intrinsics.text(properties.get("DefinitionString"))
                : intrinsics.resolve(properties.get("Definition")).toString();
        JsonNode substitutions = intrinsics.resolve(properties.get("DefinitionSubstitutions"));
        if (substitutions != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = substitutions.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> substitution = it.next();
                definition = definition.replace(
                        "${" + substitution.getKey() + "}",
                        substitution.getValue().asText());
            }
        }
        if (lambdaTasks == null) {
            lambdaTasks = new LambdaTaskEndpoint(this::function);
            started.add(lambdaTasks);
            stepFunctionsApi = new StepFunctionsApi(this::stateMachine);
            started.add(stepFunctionsApi);
            taskCalls =
                    new TaskCallGate(Map.of("dynamodb", engines.dynamoDbEndpoint(), "sns", engines.snsSqsEndpoint()));
            started.add(taskCalls);
        }
        com.fasterxml.jackson.databind.node.ObjectNode endpoints =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        // The gate knows the machine by a key of this lab's own, so faults planned here stay here.
        String callerKey = com.wildrydes.local.lambda.FaultPlan.callerKey(name);
        stateMachineCallerKeys.put(name, callerKey);
        started.add(() -> com.wildrydes.local.lambda.FaultPlan.forget(callerKey));
        endpoints.put(
                "dynamoDbEndpoint", taskCalls.endpoint(callerKey, "dynamodb").toString());
        endpoints.put("snsEndpoint", taskCalls.endpoint(callerKey, "sns").toString());
        endpoints.put("lambdaBridge", lambdaTasks.endpoint().toString());
        LocalStateMachine machine = new LocalStateMachine(name, arn, definition, endpoints);
        String role = intrinsics.text(properties.get("RoleArn"));
        machine.onServiceCall(call -> stateMachineCall(role, name, call));
        machine.listen(events);
        stateMachinesByReference.put(logicalId, machine);
        stateMachinesByReference.put(name, machine);
        stateMachinesByReference.put(arn, machine);
        ids.put(logicalId, arn, Map.of("Arn", arn, "Name", name));
    }

    /** A task's service call, made with the state machine's role. */
    private void stateMachineCall(String role, String machine, JsonNode call) {
        String integration = call.path("integration").asText();
        String[] parts = integration.split(":");
        String origin = "task " + integration + " of state machine " + machine;
        switch (parts[0]) {
            case "dynamodb" ->
                iamCalls.byRole(
                        role,
                        machine,
                        "dynamodb:" + Character.toUpperCase(parts[1].charAt(0)) + parts[1].substring(1),
                        "arn:aws:dynamodb:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":table/"
                                + call.path("TableName").asText(),
                        origin);
            case "sns" ->
                iamCalls.byRole(
                        role, machine, "sns:Publish", call.path("TopicArn").asText(), origin);
            case "lambda" -> {
                String function = call.path("FunctionName").asText();
                iamCalls.byRole(
                        role,
                        machine,
                        "lambda:InvokeFunction",
                        function.startsWith("arn:")
                                ? function
                                : "arn:aws:lambda:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":function:"
                                        + function,
                        origin);
            }
            default -> throw new IllegalStateException("No IAM action known for the task integration " + integration);
        }
    }

    /**
     * Checks every AWS call of this run so far (each function's SDK calls, what Lambda, SNS, API
     * Gateway and Step Functions did for the stack, and what those calls imply) against the
     * template's identity and resource policies, and lists each identity grant no call used.
     */
    public com.wildrydes.local.iam.IamReport iamReport() {
        return com.wildrydes.local.iam.IamCheck.check(
                settings.namePrefix() + assembly.stackName(),
                iamCalls,
                new com.wildrydes.local.iam.TemplatePolicies(assembly.template(), intrinsics, this::queueArn));
    }

    /**
     * The state machine with that logical ID, name, ARN, or the output key whose value is its ARN
     * (for example lab 4's {@code CompleteStateMachineArn}).
     */
    public LocalStateMachine stateMachine(String reference) {
        LocalStateMachine machine = stateMachinesByReference.get(reference);
        if (machine == null && outputs.containsKey(reference)) {
            machine = stateMachinesByReference.get(outputs.get(reference));
        }
        if (machine == null) {
            throw new IllegalArgumentException(
                    "No state machine " + reference + " (state machines: " + stateMachinesByReference.keySet() + ")");
        }
        return machine;
    }

    /**
     * The local Step Functions API (StartExecution, DescribeExecution) for the AWS CLI's
     * {@code --endpoint-url}, or null when the stack has no state machine.
     */
    public java.net.URI stepFunctionsEndpoint() {
        return stepFunctionsApi == null ? null : stepFunctionsApi.endpoint();
    }

    /**
     * Starts an execution of that state machine (see {@link #stateMachine(String)}) with the input
     * JSON and waits for its end: status, output or error and cause, and the states it entered.
     */
    public StateMachineExecution startExecution(String stateMachine, String inputJson) {
        return stateMachine(stateMachine).execute(inputJson);
    }

    /** Reports this lab's events (invocations, retries, executions...) to that listener from now on. */
    public void listen(com.wildrydes.local.console.LabEventListener listener) {
        listeners.add(listener);
    }

    public void unlisten(com.wildrydes.local.console.LabEventListener listener) {
        listeners.remove(listener);
    }

    public String stackName() {
        return assembly.stackName();
    }

    /** The synthesized template this lab runs (a copy). */
    public JsonNode template() {
        return assembly.template().deepCopy();
    }

    /** A template value (Ref, Fn::GetAtt, Fn::Join...) with this lab's local names, ARNs and URLs. */
    public JsonNode resolve(JsonNode value) {
        return intrinsics.resolve(value);
    }

    /** The stack's outputs under the template's keys, with their local values. */
    public Map<String, String> outputs() {
        return Map.copyOf(outputs);
    }

    public String output(String key) {
        String value = outputs.get(key);
        if (value == null) {
            throw new IllegalArgumentException("No output " + key + " (outputs: " + outputs.keySet() + ")");
        }
        return value;
    }

    /** The resources with no local meaning, as {@code LogicalId (Type)}. */
    public List<String> notEmulated() {
        return List.copyOf(notEmulated);
    }

    public Map<String, LocalFunction> functions() {
        return Map.copyOf(functionsByName);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("local mode: stopping " + started.get(i) + " failed: " + e);
            }
        }
        started.clear();
    }
}
