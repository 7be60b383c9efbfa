package com.wildrydes.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An execution's history as GetExecutionHistory gives it, from what the local interpreter reports:
 * the execution's start, each state it entered and left (under the state's type, for example
 * {@code TaskStateEntered}), and its end (succeeded, failed or aborted). The interpreter does not
 * report a state's own input and output or each task's scheduling, so those events are absent.
 */
final class ExecutionHistory {

    private ExecutionHistory() {}

    static ArrayNode events(StepFunctionsExecutions.Execution execution) {
        ArrayNode events = JsonNodeFactory.instance.arrayNode();
        StepFunctionsExecutions.Execution.Outcome outcome = execution.outcome();
        double time = execution.startDate();
        ObjectNode started = event(events, "ExecutionStarted", time);
        started.putObject("executionStartedEventDetails")
                .put("input", execution.input())
                .put("roleArn", execution.stateMachine().roleArn());
        JsonNode states = execution.stateMachine().definition().path("States");
        for (String state : outcome.states()) {
            String type = states.path(state).path("Type").asText("Task");
            event(events, type + "StateEntered", time)
                    .putObject("stateEnteredEventDetails")
                    .put("name", state);
            if (!type.equals("Fail") && !type.equals("Succeed")) {
                event(events, type + "StateExited", time)
                        .putObject("stateExitedEventDetails")
                        .put("name", state);
            }
        }
        double end = outcome.stopDate() == null ? time : outcome.stopDate();
        switch (outcome.status()) {
            case "SUCCEEDED" ->
                event(events, "ExecutionSucceeded", end)
                        .putObject("executionSucceededEventDetails")
                        .put("output", outcome.output());
            case "FAILED" ->
                event(events, "ExecutionFailed", end)
                        .putObject("executionFailedEventDetails")
                        .put("error", outcome.error())
                        .put("cause", outcome.cause());
            case "ABORTED" ->
                event(events, "ExecutionAborted", end)
                        .putObject("executionAbortedEventDetails")
                        .put("error", outcome.error())
                        .put("cause", outcome.cause());
            default -> {
                // still running: the events so far
            }
        }
        return events;
    }

    private static ObjectNode event(ArrayNode events, String type, double timestamp) {
        ObjectNode event = events.addObject();
        event.put("timestamp", timestamp);
        event.put("type", type);
        event.put("id", events.size());
        event.put("previousEventId", events.size() - 1);
        return event;
    }
}
