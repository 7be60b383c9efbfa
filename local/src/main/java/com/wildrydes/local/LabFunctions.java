package com.wildrydes.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.iam.SdkCalls;
import com.wildrydes.local.lambda.LocalFunction;
import com.wildrydes.local.lambda.SdkCallLog;
import com.wildrydes.local.template.LocalIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A lab's Lambda functions as the template declares them: each {@code AWS::Lambda::Function} run
 * in this JVM with the template's handler, jar, environment and timeout; its published version
 * (a SnapStart function's init phase run at publish time, as Lambda does); its aliases; its
 * asynchronous invocation settings. Looked up by name, ARN, alias or qualified ARN.
 */
final class LabFunctions {

    private final LabContext lab;
    private final Function<String, String> queueArnOfUrl;
    private final Map<String, LocalFunction> byName = new LinkedHashMap<>();
    private final Map<String, LocalFunction> byLogicalId = new LinkedHashMap<>();
    private final Map<String, LocalFunction> byReference = new LinkedHashMap<>();
    private final Map<String, List<String>> aliasesByFunction = new LinkedHashMap<>();
    private final Map<String, JsonNode> invokeConfigsByFunction = new LinkedHashMap<>();
    private final Map<String, String> rolesByFunction = new LinkedHashMap<>();
    private final Map<String, String> logicalIdsByFunction = new LinkedHashMap<>();
    private final Set<String> snapStart = new HashSet<>();
    private final List<Future<?>> initialising = new ArrayList<>();

    /** @param queueArnOfUrl the ARN of the lab's queue at a URL, for the IAM check of the functions' SQS calls */
    LabFunctions(LabContext lab, Function<String, String> queueArnOfUrl) {
        this.lab = lab;
        this.queueArnOfUrl = queueArnOfUrl;
    }

    void bringUp(String logicalId, String type, JsonNode properties) {
        switch (type) {
            case "AWS::Lambda::Function" -> function(logicalId, properties);
            case "AWS::Lambda::Version" -> {
                LocalFunction function = function(lab.text(properties.get("FunctionName")));
                if (snapStart.contains(function.name())) {
                    initialising.add(function.initialiseAhead());
                }
                lab.ids.put(logicalId, function.arn() + ":1", Map.of("Version", "1", "FunctionArn", function.arn()));
            }
            case "AWS::Lambda::Alias" -> {
                LocalFunction function = function(lab.text(properties.get("FunctionName")));
                String name = lab.text(properties.get("Name"));
                String aliasArn = function.arn() + ":" + name;
                byReference.put(aliasArn, function);
                byReference.put(function.name() + ":" + name, function);
                aliasesByFunction
                        .computeIfAbsent(function.name(), f -> new ArrayList<>())
                        .add(name);
                lab.ids.put(logicalId, aliasArn, Map.of("AliasArn", aliasArn));
            }
            case "AWS::Lambda::EventInvokeConfig" -> {
                LocalFunction function = function(lab.text(properties.get("FunctionName")));
                invokeConfigsByFunction.put(function.name(), lab.intrinsics.resolve(properties));
                lab.ids.put(logicalId, logicalId, Map.of());
            }
            default -> throw new IllegalArgumentException("Not a Lambda resource: " + type);
        }
    }

    private void function(String logicalId, JsonNode properties) {
        String name = properties.has("FunctionName")
                ? lab.text(properties.get("FunctionName"))
                : lab.generatedName(logicalId);
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
        Path jar = lab.assembly.asset(lab.text(properties.path("Code").get("S3Key")));
        Duration timeout = Duration.ofSeconds(properties.path("Timeout").asInt(3));
        LocalFunction function = lab.own(new LocalFunction(
                name,
                arn,
                properties.path("Handler").asText(),
                jar,
                environment(logicalId, name, properties),
                timeout,
                lab.settings::scaledSeconds));
        String role = lab.text(properties.get("Role"));
        rolesByFunction.put(name, role);
        SdkCalls sdkCalls = new SdkCalls(queueArnOfUrl::apply);
        SdkCallLog.register(function.callerKey(), (service, operation, fields) -> {
            if (lab.events.listening()) {
                com.fasterxml.jackson.databind.node.ObjectNode named =
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                fields.forEach(named::put);
                lab.events.onEvent(com.wildrydes.local.console.LabEvent.of(
                        com.wildrydes.local.console.LabEvent.Kind.SDK_CALL,
                        name,
                        service + " " + operation,
                        named.toString()));
            }
            for (String[] needed : sdkCalls.actions(service, operation, fields)) {
                lab.iamCalls.byRole(
                        role, name, needed[0], needed[1], "SDK call " + service + " " + operation + " of " + name);
            }
        });
        lab.own(() -> SdkCallLog.unregister(function.callerKey()));
        if ("PublishedVersions"
                .equals(properties.path("SnapStart").path("ApplyOn").asText())) {
            snapStart.add(name);
        }
        function.listen(lab.events);
        byName.put(name, function);
        byLogicalId.put(logicalId, function);
        logicalIdsByFunction.put(name, logicalId);
        byReference.put(name, function);
        byReference.put(arn, function);
        lab.ids.put(logicalId, name, Map.of("Arn", arn));
    }

    /** Lambda's own variables, the engines' endpoints, the template's variables, then the settings' overrides. */
    private Map<String, String> environment(String logicalId, String name, JsonNode properties) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_REGION", LocalIds.REGION);
        environment.put("AWS_DEFAULT_REGION", LocalIds.REGION);
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_LAMBDA_FUNCTION_NAME", name);
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        // The handlers' SDK clients read these, so they reach the engines without knowing it.
        environment.put(
                "AWS_ENDPOINT_URL_DYNAMODB", lab.engines.dynamoDbEndpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SNS", lab.engines.snsSqsEndpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SQS", lab.engines.snsSqsEndpoint().toString());
        JsonNode variables =
                lab.intrinsics.resolve(properties.path("Environment").path("Variables"));
        if (variables != null) {
            variables
                    .fields()
                    .forEachRemaining(variable -> environment.put(
                            variable.getKey(), variable.getValue().asText()));
        }
        environment.putAll(lab.settings.environmentOverrides().getOrDefault(logicalId, Map.of()));
        return environment;
    }

    /** "N functions on K AWS SDK copies": functions whose jars hold the same SDK bytes share one copy. */
    String sdkSharing() {
        long copies = byName.values().stream()
                .map(LocalFunction::sdkLibrary)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .count();
        return byName.size() + " functions on " + copies + " AWS SDK cop" + (copies == 1 ? "y" : "ies");
    }

    /** How many functions run their init phase when their version is published (SnapStart). */
    int snapStartCount() {
        return snapStart.size();
    }

    /** Waits for the SnapStart functions' init phases; an init that fails stops the lab, as a failed publish would. */
    void awaitInitialised() {
        for (Future<?> init : initialising) {
            try {
                init.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(
                        "A function's init phase failed while publishing its version", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The function with that name or ARN (alias ARNs too); throws if there is none. */
    LocalFunction function(String reference) {
        LocalFunction function = byReference.get(reference);
        if (function == null) {
            throw new IllegalStateException(
                    "No local function for " + reference + " (known: " + byReference.keySet() + ")");
        }
        return function;
    }

    /** The function with that name, ARN, alias ARN or {@code name:alias}, or null. */
    LocalFunction find(String reference) {
        return byReference.get(reference);
    }

    LocalFunction byLogicalId(String logicalId) {
        LocalFunction function = byLogicalId.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException(
                    "No function " + logicalId + " (functions: " + byLogicalId.keySet() + ")");
        }
        return function;
    }

    Map<String, LocalFunction> byName() {
        return Map.copyOf(byName);
    }

    /** The aliases the template gives the function with that name, in template order. */
    List<String> aliases(String functionName) {
        return List.copyOf(aliasesByFunction.getOrDefault(functionName, List.of()));
    }

    /** The function's EventInvokeConfig as the template resolves it, or null. */
    JsonNode invokeConfig(String functionName) {
        return invokeConfigsByFunction.get(functionName);
    }

    /** The template's properties of the function with that name, resolved to local values. */
    JsonNode properties(String functionName) {
        return lab.intrinsics.resolve(lab.assembly
                .template()
                .path("Resources")
                .path(logicalId(functionName))
                .path("Properties"));
    }

    /** The logical ID of the function with that name. */
    String logicalId(String functionName) {
        return logicalIdsByFunction.get(functionName);
    }

    /** The ARN of the function's execution role. */
    String role(String functionName) {
        return rolesByFunction.get(functionName);
    }
}
