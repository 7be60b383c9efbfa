package com.wildrydes.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.lambda.FaultPlan;
import com.wildrydes.local.stepfunctions.LambdaTaskEndpoint;
import com.wildrydes.local.stepfunctions.LocalStateMachine;
import com.wildrydes.local.stepfunctions.StepFunctionsApi;
import com.wildrydes.local.stepfunctions.StepFunctionsExecutions;
import com.wildrydes.local.stepfunctions.TaskCallGate;
import com.wildrydes.local.template.LocalIds;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A lab's Step Functions state machines: each definition resolved to local names and ARNs, its
 * Lambda tasks calling the lab's functions, its DynamoDB and SNS tasks the engines through a gate
 * that can inject faults, and every service call recorded for the IAM check under the machine's role.
 */
final class LabStateMachines {

    private final LabContext lab;
    private final LabFunctions functions;
    private final Map<String, LocalStateMachine> byReference = new LinkedHashMap<>();
    private final Map<String, String> callerKeys = new LinkedHashMap<>();
    private LambdaTaskEndpoint lambdaTasks;
    private StepFunctionsApi api;
    private StepFunctionsExecutions executions;
    private TaskCallGate taskCalls;

    LabStateMachines(LabContext lab, LabFunctions functions) {
        this.lab = lab;
        this.functions = functions;
    }

    /** Brings up an {@code AWS::StepFunctions::StateMachine}; {@code lookUp} finds a machine by any reference. */
    void bringUp(String logicalId, JsonNode properties, Function<String, LocalStateMachine> lookUp) {
        String name = properties.has("StateMachineName")
                ? lab.text(properties.get("StateMachineName"))
                : lab.generatedName(logicalId);
        String arn = "arn:aws:states:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":stateMachine:" + name;
        String definition = properties.has("DefinitionString")
                ? lab.text(properties.get("DefinitionString"))
                : lab.intrinsics.resolve(properties.get("Definition")).toString();
        JsonNode substitutions = lab.intrinsics.resolve(properties.get("DefinitionSubstitutions"));
        if (substitutions != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = substitutions.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> substitution = it.next();
                definition = definition.replace(
                        "${" + substitution.getKey() + "}",
                        substitution.getValue().asText());
            }
        }
        if (lambdaTasks == null) {
            lambdaTasks = lab.own(new LambdaTaskEndpoint(functions::function));
            executions = lab.own(new StepFunctionsExecutions(lookUp));
            api = lab.own(new StepFunctionsApi(executions));
            taskCalls = lab.own(new TaskCallGate(
                    Map.of("dynamodb", lab.engines.dynamoDbEndpoint(), "sns", lab.engines.snsSqsEndpoint())));
        }
        ObjectNode endpoints = JsonNodeFactory.instance.objectNode();
        // The gate knows the machine by a key of this lab's own, so faults planned here stay here.
        String callerKey = FaultPlan.callerKey(name);
        callerKeys.put(name, callerKey);
        lab.own(() -> FaultPlan.forget(callerKey));
        endpoints.put(
                "dynamoDbEndpoint", taskCalls.endpoint(callerKey, "dynamodb").toString());
        endpoints.put("snsEndpoint", taskCalls.endpoint(callerKey, "sns").toString());
        endpoints.put("lambdaBridge", lambdaTasks.endpoint().toString());
        String role = lab.text(properties.get("RoleArn"));
        LocalStateMachine machine = new LocalStateMachine(name, arn, definition, endpoints, role);
        machine.onServiceCall(call -> serviceCall(role, name, call));
        machine.listen(lab.events);
        byReference.put(logicalId, machine);
        byReference.put(name, machine);
        byReference.put(arn, machine);
        lab.ids.put(logicalId, arn, Map.of("Arn", arn, "Name", name));
    }

    /** A task's service call, made with the state machine's role. */
    private void serviceCall(String role, String machine, JsonNode call) {
        String integration = call.path("integration").asText();
        String[] parts = integration.split(":");
        String origin = "task " + integration + " of state machine " + machine;
        switch (parts[0]) {
            case "dynamodb" ->
                lab.iamCalls.byRole(
                        role,
                        machine,
                        "dynamodb:" + Character.toUpperCase(parts[1].charAt(0)) + parts[1].substring(1),
                        "arn:aws:dynamodb:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":table/"
                                + call.path("TableName").asText(),
                        origin);
            case "sns" ->
                lab.iamCalls.byRole(
                        role, machine, "sns:Publish", call.path("TopicArn").asText(), origin);
            case "lambda" -> {
                String function = call.path("FunctionName").asText();
                lab.iamCalls.byRole(
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

    /** The machine with that logical ID, name or ARN, or null. */
    LocalStateMachine find(String reference) {
        return byReference.get(reference);
    }

    /**
     * The machine with that logical ID, name or ARN, or the output key whose value is its ARN.
     *
     * @throws IllegalArgumentException naming the reference and the machines there are
     */
    LocalStateMachine require(String reference, Map<String, String> outputs) {
        LocalStateMachine machine = byReference.get(reference);
        if (machine == null && outputs.containsKey(reference)) {
            machine = byReference.get(outputs.get(reference));
        }
        if (machine == null) {
            throw new IllegalArgumentException("No state machine " + reference + " (state machines: "
                    + new java.util.ArrayList<>(byReference.keySet()) + ")");
        }
        return machine;
    }

    /** The key faults on demand use for the machine's own service tasks. */
    String callerKey(String machineName) {
        return callerKeys.get(machineName);
    }

    /** The lab's executions, or null when it has no state machine. */
    StepFunctionsExecutions executions() {
        return executions;
    }

    /** The lab's machines, each once. */
    java.util.Collection<LocalStateMachine> machines() {
        return new java.util.LinkedHashSet<>(byReference.values());
    }

    /** The lab's own Step Functions API, or null when it has no state machine. */
    StepFunctionsApi api() {
        return api;
    }
}
