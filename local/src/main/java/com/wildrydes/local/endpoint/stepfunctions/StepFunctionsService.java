package com.wildrydes.local.endpoint.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.LocalLab;
import com.wildrydes.local.endpoint.AwsError;
import com.wildrydes.local.endpoint.AwsRequest;
import com.wildrydes.local.endpoint.AwsResponse;
import com.wildrydes.local.endpoint.AwsService;
import com.wildrydes.local.endpoint.Protocol;
import com.wildrydes.local.stepfunctions.LocalStateMachine;
import com.wildrydes.local.stepfunctions.StepFunctionsExecutions;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Step Functions (JSON 1.0, {@code X-Amz-Target: AWSStepFunctions.*}) over the running labs: each
 * request goes to the lab that owns the state machine or execution it names (that lab's
 * {@link StepFunctionsExecutions}), and ListStateMachines lists every lab's machines.
 */
public final class StepFunctionsService implements AwsService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<List<LocalLab>> labs;

    public StepFunctionsService(Supplier<List<LocalLab>> labs) {
        this.labs = labs;
    }

    @Override
    public String signingName() {
        return "states";
    }

    @Override
    public Set<String> targetPrefixes() {
        return Set.of("AWSStepFunctions");
    }

    @Override
    public Protocol protocol() {
        return Protocol.AWS_JSON_1_0;
    }

    @Override
    public AwsResponse handle(AwsRequest request) throws IOException {
        String target = String.valueOf(request.target());
        String operation = target.substring(target.indexOf('.') + 1);
        JsonNode body = request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
        if (operation.equals("ListStateMachines")) {
            return protocol().ok(listStateMachines());
        }
        if (!StepFunctionsExecutions.OPERATIONS.contains(operation)) {
            Set<String> served = new TreeSet<>(StepFunctionsExecutions.OPERATIONS);
            served.add("ListStateMachines");
            throw AwsError.notServed("Step Functions", operation, served);
        }
        StepFunctionsExecutions executions = owner(body);
        try {
            return protocol().ok(executions.answer(operation, body));
        } catch (StepFunctionsExecutions.ApiError e) {
            throw new AwsError(400, e.type(), e.getMessage());
        }
    }

    /** The executions of the lab that owns the state machine or execution the request names. */
    private StepFunctionsExecutions owner(JsonNode body) {
        String machine = body.path("stateMachineArn").asText(null);
        String execution = body.path("executionArn").asText(null);
        for (LocalLab lab : labs.get()) {
            if (lab.executions() == null) {
                continue;
            }
            if (execution != null && lab.executions().has(execution)) {
                return lab.executions();
            }
            for (LocalStateMachine owned : lab.stateMachines()) {
                if (owned.arn().equals(machine)) {
                    return lab.executions();
                }
            }
        }
        if (execution != null) {
            throw new AwsError(400, "ExecutionDoesNotExist", "Execution Does Not Exist: '" + execution + "'");
        }
        throw new AwsError(400, "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + machine + "'");
    }

    private ObjectNode listStateMachines() {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode listed = answer.putArray("stateMachines");
        for (LocalLab lab : labs.get()) {
            for (LocalStateMachine machine : lab.stateMachines()) {
                listed.addObject()
                        .put("stateMachineArn", machine.arn())
                        .put("name", machine.name())
                        .put("type", "STANDARD")
                        .put("creationDate", machine.createdAt());
            }
        }
        return answer;
    }
}
