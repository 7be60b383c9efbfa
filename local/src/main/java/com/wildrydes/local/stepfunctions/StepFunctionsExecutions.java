package com.wildrydes.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A lab's Step Functions executions and the operations of the Step Functions API on them, each
 * taking and giving the API's JSON: StartExecution runs an execution in the background,
 * DescribeExecution reports it {@code RUNNING} until it ends; ListExecutions, GetExecutionHistory
 * (the events the console draws: the execution's start and end, each state entered and exited),
 * DescribeStateMachine and StopExecution. Executions are kept in memory while local mode runs.
 * Errors are {@link ApiError}s under Step Functions' own names.
 */
public final class StepFunctionsExecutions implements AutoCloseable {

    /** The operations served, by their API names. */
    public static final Set<String> OPERATIONS = Set.of(
            "StartExecution",
            "DescribeExecution",
            "ListExecutions",
            "GetExecutionHistory",
            "DescribeStateMachine",
            "StopExecution");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "local-sfn-execution");
        thread.setDaemon(true);
        return thread;
    });
    private final Function<String, LocalStateMachine> stateMachines;
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();

    /** @param stateMachines the local state machine with that ARN; throws if there is none */
    public StepFunctionsExecutions(Function<String, LocalStateMachine> stateMachines) {
        this.stateMachines = stateMachines;
    }

    /** Answers one operation of the API (its name without the {@code AWSStepFunctions.} prefix). */
    public ObjectNode answer(String operation, JsonNode request) {
        return switch (operation) {
            case "StartExecution" -> start(request);
            case "DescribeExecution" -> describe(execution(request)).put("executionArn", arn(request));
            case "ListExecutions" -> list(request);
            case "GetExecutionHistory" -> history(execution(request), request);
            case "DescribeStateMachine" -> describeStateMachine(request);
            case "StopExecution" -> stop(execution(request), request);
            default ->
                throw new ApiError(
                        "UnknownOperationException",
                        operation + " is not served locally; served: " + new java.util.TreeSet<>(OPERATIONS));
        };
    }

    /** Whether an execution with that ARN was started here. */
    public boolean has(String executionArn) {
        return executions.containsKey(executionArn);
    }

    private LocalStateMachine machine(String arn) {
        try {
            return stateMachines.apply(arn);
        } catch (RuntimeException e) {
            throw new ApiError("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
    }

    private ObjectNode start(JsonNode request) {
        String arn = request.path("stateMachineArn").asText();
        LocalStateMachine stateMachine = machine(arn);
        String input = request.path("input").asText("{}");
        try {
            JSON.readTree(input);
        } catch (IOException e) {
            throw new ApiError("InvalidExecutionInput", "Invalid State Machine Execution Input: " + e.getMessage());
        }
        String name = request.path("name").asText(UUID.randomUUID().toString());
        String executionArn = stateMachine.executionArn(name);
        Execution execution = new Execution(stateMachine, executionArn, name, input, now());
        if (executions.putIfAbsent(executionArn, execution) != null) {
            throw new ApiError("ExecutionAlreadyExists", "Execution Already Exists: '" + executionArn + "'");
        }
        execution.run(threads);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("executionArn", executionArn);
        answer.put("startDate", execution.startDate());
        return answer;
    }

    private static String arn(JsonNode request) {
        return request.path("executionArn").asText();
    }

    private Execution execution(JsonNode request) {
        Execution execution = executions.get(arn(request));
        if (execution == null) {
            throw new ApiError("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn(request) + "'");
        }
        return execution;
    }

    private static ObjectNode describe(Execution execution) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("executionArn", execution.arn());
        answer.put("stateMachineArn", execution.stateMachine().arn());
        answer.put("name", execution.name());
        answer.put("startDate", execution.startDate());
        answer.put("input", execution.input());
        Execution.Outcome outcome = execution.outcome();
        answer.put("status", outcome.status());
        if (outcome.stopDate() != null) {
            answer.put("stopDate", outcome.stopDate());
        }
        if (outcome.output() != null) {
            answer.put("output", outcome.output());
        }
        if (outcome.error() != null) {
            answer.put("error", outcome.error());
        }
        if (outcome.cause() != null) {
            answer.put("cause", outcome.cause());
        }
        return answer;
    }

    private ObjectNode list(JsonNode request) {
        String arn = request.path("stateMachineArn").asText();
        LocalStateMachine machine = machine(arn);
        String status = request.path("statusFilter").asText(null);
        List<Execution> matching = new ArrayList<>();
        for (Execution execution : executions.values()) {
            if (execution.stateMachine().arn().equals(machine.arn())
                    && (status == null || status.equals(execution.outcome().status()))) {
                matching.add(execution);
            }
        }
        matching.sort(Comparator.comparingDouble(Execution::startDate).reversed());
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode listed = answer.putArray("executions");
        for (Execution execution : matching) {
            ObjectNode item = describe(execution);
            item.remove("input");
            item.remove("output");
            item.remove("error");
            item.remove("cause");
            listed.add(item);
        }
        return answer;
    }

    private static ObjectNode history(Execution execution, JsonNode request) {
        ArrayNode events = ExecutionHistory.events(execution);
        if (request.path("reverseOrder").asBoolean(false)) {
            ArrayNode reversed = JSON.createArrayNode();
            for (int i = events.size() - 1; i >= 0; i--) {
                reversed.add(events.get(i));
            }
            events = reversed;
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("events", events);
        return answer;
    }

    private ObjectNode describeStateMachine(JsonNode request) {
        LocalStateMachine machine = machine(request.path("stateMachineArn").asText());
        ObjectNode answer = JSON.createObjectNode();
        answer.put("stateMachineArn", machine.arn());
        answer.put("name", machine.name());
        answer.put("status", "ACTIVE");
        answer.put("definition", machine.definition().toString());
        answer.put("roleArn", machine.roleArn());
        answer.put("type", "STANDARD");
        answer.put("creationDate", machine.createdAt());
        return answer;
    }

    private static ObjectNode stop(Execution execution, JsonNode request) {
        double stopDate = execution.abort(
                request.path("error").asText(null), request.path("cause").asText(null));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("stopDate", stopDate);
        return answer;
    }

    /**
     * The state machine's log group lines: every event of each of its executions, one JSON line
     * each, in the shape Step Functions logs at level ALL ({@code id}, {@code type},
     * {@code details}, {@code previous_event_id}, {@code event_timestamp}, {@code execution_arn}).
     */
    public List<com.wildrydes.local.lambda.FunctionLogs.Line> logLines(LocalStateMachine machine) {
        List<Execution> ofMachine = new ArrayList<>();
        for (Execution execution : executions.values()) {
            if (execution.stateMachine().arn().equals(machine.arn())) {
                ofMachine.add(execution);
            }
        }
        ofMachine.sort(Comparator.comparingDouble(Execution::startDate));
        List<com.wildrydes.local.lambda.FunctionLogs.Line> lines = new ArrayList<>();
        for (Execution execution : ofMachine) {
            for (JsonNode event : ExecutionHistory.events(execution)) {
                ObjectNode line = JSON.createObjectNode();
                line.put("id", event.path("id").asText());
                line.put("type", event.path("type").asText());
                java.util.Iterator<String> names = event.fieldNames();
                ObjectNode details = line.putObject("details");
                while (names.hasNext()) {
                    String name = names.next();
                    if (name.endsWith("EventDetails")) {
                        details.setAll((ObjectNode) event.get(name));
                    }
                }
                line.put("previous_event_id", event.path("previousEventId").asText());
                long millis = (long) (event.path("timestamp").asDouble() * 1000);
                line.put("event_timestamp", Long.toString(millis));
                line.put("execution_arn", execution.arn());
                lines.add(new com.wildrydes.local.lambda.FunctionLogs.Line(millis, lines.size(), line.toString()));
            }
        }
        return lines;
    }

    static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** An error of the API, named by its {@code __type} as Step Functions names it. */
    public static final class ApiError extends RuntimeException {
        private final String type;

        public ApiError(String type, String message) {
            super(message);
            this.type = type;
        }

        public String type() {
            return type;
        }
    }

    /** One execution: what it was started with and how it ended, or that it was stopped. */
    static final class Execution {

        record Outcome(
                String status, Double stopDate, String output, String error, String cause, List<String> states) {}

        private final LocalStateMachine stateMachine;
        private final String arn;
        private final String name;
        private final String input;
        private final double startDate;
        private volatile CompletableFuture<StateMachineExecution> result;
        private volatile Outcome stopped;
        private volatile Double endDate;

        Execution(LocalStateMachine stateMachine, String arn, String name, String input, double startDate) {
            this.stateMachine = stateMachine;
            this.arn = arn;
            this.name = name;
            this.input = input;
            this.startDate = startDate;
        }

        void run(ExecutorService threads) {
            result = CompletableFuture.supplyAsync(() -> stateMachine.execute(arn, input), threads)
                    .whenComplete((done, failed) -> endDate = now());
        }

        LocalStateMachine stateMachine() {
            return stateMachine;
        }

        String arn() {
            return arn;
        }

        String name() {
            return name;
        }

        String input() {
            return input;
        }

        double startDate() {
            return startDate;
        }

        /**
         * Marks the execution aborted, as StopExecution does. The interpreter's run is not cut
         * short: a task already under way finishes, but the execution reports ABORTED from now on.
         */
        synchronized double abort(String error, String cause) {
            Outcome outcome = outcome();
            if (!outcome.status().equals("RUNNING")) {
                return outcome.stopDate() == null ? now() : outcome.stopDate();
            }
            stopped = new Outcome("ABORTED", now(), null, error, cause, List.of());
            return stopped.stopDate();
        }

        Outcome outcome() {
            if (stopped != null) {
                return stopped;
            }
            if (result == null || !result.isDone()) {
                return new Outcome("RUNNING", null, null, null, null, List.of());
            }
            try {
                StateMachineExecution done = result.join();
                return new Outcome(done.status(), endDate, done.output(), done.error(), done.cause(), done.states());
            } catch (RuntimeException e) {
                // The interpreter itself failed (not the execution): reported as a failed execution.
                return new Outcome(
                        "FAILED",
                        endDate,
                        null,
                        "States.Runtime",
                        String.valueOf(e.getCause() == null ? e : e.getCause()),
                        List.of());
            }
        }
    }
}
