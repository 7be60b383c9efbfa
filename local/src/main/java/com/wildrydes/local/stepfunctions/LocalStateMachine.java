package com.wildrydes.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.engines.NodeScriptService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A state machine of the template, its definition resolved to local names and ARNs, executed by
 * the offline interpreter of the engines' folder ({@code run-state-machine.mjs}, on
 * aws-local-stepfunctions): its DynamoDB and SNS tasks call the engines' APIs with the parameters
 * the interpreter resolved, its Lambda tasks call back into local mode's functions through a
 * {@link LambdaTaskEndpoint}. Retry intervals are not waited out locally.
 */
public final class LocalStateMachine {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long EXECUTION_LIMIT_SECONDS = 120;

    private final String name;
    private final String arn;
    private final JsonNode definition;
    private final ObjectNode endpoints;
    private final String roleArn;
    private final double createdAt = System.currentTimeMillis() / 1000.0;
    private volatile java.util.function.Consumer<JsonNode> serviceCalls = call -> {};
    private volatile com.wildrydes.local.console.LabEventListener events =
            com.wildrydes.local.console.LabEventListener.NONE;

    /**
     * @param endpoints the runner's {@code dynamoDbEndpoint}, {@code snsEndpoint} and {@code lambdaBridge}
     */
    public LocalStateMachine(String name, String arn, String definitionJson, ObjectNode endpoints) {
        this(name, arn, definitionJson, endpoints, null);
    }

    /** @param roleArn the execution role the template gives the state machine (DescribeStateMachine shows it) */
    public LocalStateMachine(String name, String arn, String definitionJson, ObjectNode endpoints, String roleArn) {
        this.name = name;
        this.roleArn = roleArn;
        this.arn = arn;
        try {
            this.definition = JSON.readTree(definitionJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("State machine " + name + " has a definition that is not JSON", e);
        }
        this.endpoints = endpoints.deepCopy();
    }

    /** Where this state machine reports each execution's start and end (the local console). */
    public void listen(com.wildrydes.local.console.LabEventListener listener) {
        this.events = listener;
    }

    /** Told of each service call a task made ({@code integration} and the resource it names), for the IAM check. */
    public void onServiceCall(java.util.function.Consumer<JsonNode> listener) {
        this.serviceCalls = listener;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public String roleArn() {
        return roleArn;
    }

    /** When local mode created it (seconds since the epoch, as the API gives dates). */
    public double createdAt() {
        return createdAt;
    }

    /** The resolved definition, as Step Functions would hold it. */
    public JsonNode definition() {
        return definition.deepCopy();
    }

    /** Runs one execution with that input (JSON text) to its end. */
    public StateMachineExecution execute(String inputJson) {
        return execute(executionArn(UUID.randomUUID().toString()), inputJson);
    }

    /** The ARN Step Functions gives this state machine's execution with that name. */
    public String executionArn(String executionName) {
        return arn.replace(":stateMachine:", ":execution:") + ":" + executionName;
    }

    /** Runs the execution with that ARN and input (JSON text) to its end. */
    public StateMachineExecution execute(String executionArn, String inputJson) {
        return execute(executionArn, inputJson, step -> {});
    }

    /**
     * Runs the execution with that ARN and input (JSON text) to its end, handing each state event
     * to {@code steps} (and to the listener) as the interpreter reports it: {@code type}
     * ({@code StateEntered}, {@code StateExited}, {@code StateFailed}, {@code StateRetried},
     * {@code StateCaught}), {@code state}, {@code stateType}, {@code timestamp} (epoch ms), and a
     * failure's {@code error} and {@code cause}.
     */
    public StateMachineExecution execute(
            String executionArn, String inputJson, java.util.function.Consumer<JsonNode> steps) {
        com.wildrydes.local.console.LabEventListener events = this.events;
        if (!events.listening()) {
            return executeOnce(executionArn, inputJson, steps);
        }
        events.onEvent(com.wildrydes.local.console.LabEvent.of(
                com.wildrydes.local.console.LabEvent.Kind.EXECUTION_STARTED, arn, executionArn, inputJson));
        StateMachineExecution execution = executeOnce(executionArn, inputJson, step -> {
            steps.accept(step);
            events.onEvent(com.wildrydes.local.console.LabEvent.of(
                    com.wildrydes.local.console.LabEvent.Kind.EXECUTION_STEP, arn, executionArn, step.toString()));
        });
        events.onEvent(com.wildrydes.local.console.LabEvent.of(
                com.wildrydes.local.console.LabEvent.Kind.EXECUTION_ENDED,
                arn,
                executionArn,
                JSON.valueToTree(execution).toString()));
        return execution;
    }

    /** A line the interpreter printed: a state event goes to {@code steps}; its final answer is read later. */
    private static void step(String line, java.util.function.Consumer<JsonNode> steps) {
        if (!line.startsWith("{\"step\"")) {
            return;
        }
        try {
            steps.accept(JSON.readTree(line).get("step"));
        } catch (IOException e) {
            throw new UncheckedIOException("The interpreter printed a step that is not JSON: " + line, e);
        }
    }

    private StateMachineExecution executeOnce(
            String executionArn, String inputJson, java.util.function.Consumer<JsonNode> steps) {
        try {
            ObjectNode request = endpoints.deepCopy();
            request.set("definition", definition);
            request.set("input", JSON.readTree(inputJson));
            JsonNode result = NodeScriptService.of("run-state-machine.mjs")
                    .call(request, Duration.ofSeconds(EXECUTION_LIMIT_SECONDS), line -> step(line, steps));
            result.path("serviceCalls").forEach(serviceCalls);
            List<String> states = new ArrayList<>();
            result.path("states").forEach(state -> states.add(state.asText()));
            return new StateMachineExecution(
                    executionArn,
                    result.path("status").asText(),
                    result.has("output") ? JSON.writeValueAsString(result.get("output")) : null,
                    result.hasNonNull("error") ? result.get("error").asText() : null,
                    result.hasNonNull("cause") ? result.get("cause").asText() : null,
                    states);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
