package com.wildrydes.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The part of the Step Functions API (JSON 1.0 protocol, {@code X-Amz-Target: AWSStepFunctions.*})
 * that starting and inspecting local executions needs, on 127.0.0.1, so that
 * {@code aws stepfunctions start-execution} and {@code describe-execution} work with
 * {@code --endpoint-url}: StartExecution runs the execution in the background, DescribeExecution
 * reports it {@code RUNNING} until it ends. Executions are kept in memory while local mode runs.
 */
public final class StepFunctionsApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executions = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "local-sfn-execution");
        thread.setDaemon(true);
        return thread;
    });
    private final Function<String, LocalStateMachine> stateMachines;
    private final Map<String, Started> started = new ConcurrentHashMap<>();

    private record Started(
            LocalStateMachine stateMachine,
            String name,
            String input,
            double startDate,
            CompletableFuture<StateMachineExecution> result) {}

    /** @param stateMachines the local state machine with that ARN; throws if there is none */
    public StepFunctionsApi(Function<String, LocalStateMachine> stateMachines) {
        this.stateMachines = stateMachines;
        server = com.wildrydes.local.engines.LoopbackServer.create();
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            try {
                ObjectNode answer = switch (target) {
                    case "AWSStepFunctions.StartExecution" -> startExecution(request);
                    case "AWSStepFunctions.DescribeExecution" -> describeExecution(request);
                    default ->
                        throw new ApiError(
                                "UnknownOperationException",
                                target + " is not served locally; StartExecution and DescribeExecution are");
                };
                respond(exchange, 200, answer);
            } catch (ApiError e) {
                ObjectNode error = JSON.createObjectNode();
                error.put("__type", e.type);
                error.put("message", e.getMessage());
                respond(exchange, 400, error);
            }
        }
    }

    private ObjectNode startExecution(JsonNode request) {
        String arn = request.path("stateMachineArn").asText();
        LocalStateMachine stateMachine;
        try {
            stateMachine = stateMachines.apply(arn);
        } catch (RuntimeException e) {
            throw new ApiError("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        String input = request.path("input").asText("{}");
        try {
            JSON.readTree(input);
        } catch (IOException e) {
            throw new ApiError("InvalidExecutionInput", "Invalid State Machine Execution Input: " + e.getMessage());
        }
        String name = request.path("name").asText(UUID.randomUUID().toString());
        String executionArn = stateMachine.executionArn(name);
        double now = System.currentTimeMillis() / 1000.0;
        Started execution = new Started(
                stateMachine,
                name,
                input,
                now,
                CompletableFuture.supplyAsync(() -> stateMachine.execute(executionArn, input), executions));
        if (started.putIfAbsent(executionArn, execution) != null) {
            execution.result().cancel(false);
            throw new ApiError("ExecutionAlreadyExists", "Execution Already Exists: '" + executionArn + "'");
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("executionArn", executionArn);
        answer.put("startDate", now);
        return answer;
    }

    private ObjectNode describeExecution(JsonNode request) {
        String executionArn = request.path("executionArn").asText();
        Started execution = started.get(executionArn);
        if (execution == null) {
            throw new ApiError("ExecutionDoesNotExist", "Execution Does Not Exist: '" + executionArn + "'");
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("executionArn", executionArn);
        answer.put("stateMachineArn", execution.stateMachine().arn());
        answer.put("name", execution.name());
        answer.put("startDate", execution.startDate());
        answer.put("input", execution.input());
        if (!execution.result().isDone()) {
            answer.put("status", "RUNNING");
            return answer;
        }
        StateMachineExecution result;
        try {
            result = execution.result().join();
        } catch (RuntimeException e) {
            // The interpreter itself failed (not the execution): reported as a failed execution.
            answer.put("status", "FAILED");
            answer.put("error", "States.Runtime");
            answer.put("cause", String.valueOf(e.getCause() == null ? e : e.getCause()));
            return answer;
        }
        answer.put("status", result.status());
        if (result.output() != null) {
            answer.put("output", result.output());
        }
        if (result.error() != null) {
            answer.put("error", result.error());
        }
        if (result.cause() != null) {
            answer.put("cause", result.cause());
        }
        return answer;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** An error of the API, named by its {@code __type} as Step Functions names it. */
    private static final class ApiError extends RuntimeException {
        private final String type;

        ApiError(String type, String message) {
            super(message);
            this.type = type;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executions.shutdownNow();
    }
}
