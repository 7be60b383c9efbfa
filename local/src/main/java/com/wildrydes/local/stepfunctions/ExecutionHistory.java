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

    static ArrayNode events(Execution execution) {
        ArrayNode events = JsonNodeFactory.instance.arrayNode();
        Execution.Outcome outcome = execution.outcome();
        double time = execution.startDate();
        ObjectNode started = event(events, "ExecutionStarted", time);
        started.putObject("executionStartedEventDetails")
                .put("input", execution.input())
                .put("roleArn", execution.stateMachine().roleArn());
        java.util.List<JsonNode> steps = execution.steps();
        if (!steps.isEmpty()) {
            stepEvents(events, steps);
        } else {
            enteredStates(events, execution, outcome, time);
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

    /**
     * The states as the interpreter reported them while the execution ran, at the times it did: a
     * state entered and left as {@code <Type>StateEntered} and {@code <Type>StateExited}, a Task's
     * failure as {@code TaskFailed} (caught or not), so a running execution's history grows.
     */
    private static void stepEvents(ArrayNode events, java.util.List<JsonNode> steps) {
        for (JsonNode step : steps) {
            String type = step.path("stateType").asText("Task");
            double time = step.path("timestamp").asDouble() / 1000.0;
            switch (step.path("type").asText()) {
                case "StateEntered" ->
                    event(events, type + "StateEntered", time)
                            .putObject("stateEnteredEventDetails")
                            .put("name", step.path("state").asText());
                case "StateExited" ->
                    event(events, type + "StateExited", time)
                            .putObject("stateExitedEventDetails")
                            .put("name", step.path("state").asText());
                case "StateFailed" -> {
                    if (type.equals("Task")) {
                        event(events, "TaskFailed", time)
                                .putObject("taskFailedEventDetails")
                                .put("error", step.path("error").asText())
                                .put("cause", step.path("cause").asText());
                    }
                }
                default -> {
                    // retries and catches have no event of their own in Step Functions' history
                }
            }
        }
    }

    /** Without the interpreter's events (it failed itself): each state entered, and left unless it ends. */
    private static void enteredStates(ArrayNode events, Execution execution, Execution.Outcome outcome, double time) {
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
    }

    /**
     * A state machine's log group lines: every event of each execution (oldest execution first), one
     * JSON line each, in the shape Step Functions logs at level ALL ({@code id}, {@code type},
     * {@code details}, {@code previous_event_id}, {@code event_timestamp}, {@code execution_arn}).
     */
    static java.util.List<com.wildrydes.local.lambda.FunctionLogs.Line> logLines(java.util.List<Execution> executions) {
        java.util.List<Execution> ordered = new java.util.ArrayList<>(executions);
        ordered.sort(java.util.Comparator.comparingDouble(Execution::startDate));
        java.util.List<com.wildrydes.local.lambda.FunctionLogs.Line> lines = new java.util.ArrayList<>();
        for (Execution execution : ordered) {
            for (JsonNode event : events(execution)) {
                ObjectNode line = JsonNodeFactory.instance.objectNode();
                line.put("id", event.path("id").asText());
                line.put("type", event.path("type").asText());
                ObjectNode details = line.putObject("details");
                event.fieldNames().forEachRemaining(name -> {
                    if (name.endsWith("EventDetails")) {
                        details.setAll((ObjectNode) event.get(name));
                    }
                });
                line.put("previous_event_id", event.path("previousEventId").asText());
                long millis = (long) (event.path("timestamp").asDouble() * 1000);
                line.put("event_timestamp", Long.toString(millis));
                line.put("execution_arn", execution.arn());
                lines.add(new com.wildrydes.local.lambda.FunctionLogs.Line(millis, lines.size(), line.toString()));
            }
        }
        return lines;
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
