package com.wildrydes.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.wildrydes.local.lambda.LocalFunction;
import java.io.IOException;
import java.net.URI;
import java.util.function.Function;

/**
 * Where the local interpreter sends a state machine's {@code lambda:invoke} tasks: an HTTP
 * endpoint on 127.0.0.1 that invokes the local function the task's {@code FunctionName} (a name,
 * ARN or alias ARN) stands for, through local mode's own {@link LocalFunction} (its class loader,
 * environment, timeout and error names), and answers with its payload or the runtime's error.
 */
public final class LambdaTaskEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    public LambdaTaskEndpoint(Function<String, LocalFunction> functions) {
        server = com.wildrydes.local.engines.LoopbackServer.create();
        server.createContext("/", exchange -> {
            try (exchange) {
                JsonNode request = JSON.readTree(exchange.getRequestBody());
                ObjectNode answer = JSON.createObjectNode();
                LocalFunction function;
                try {
                    function = functions.apply(request.path("FunctionName").asText());
                } catch (RuntimeException e) {
                    // What Lambda answers for a function that does not exist.
                    answer.put("errorType", "Lambda.ResourceNotFoundException");
                    answer.put("errorMessage", e.getMessage());
                    respond(exchange, answer);
                    return;
                }
                LocalFunction.Invocation invocation = function.invoke(JSON.writeValueAsString(request.get("Payload")));
                if (invocation.failed()) {
                    // Step Functions names Lambda's own refusal (a throttle) Lambda.<code>, a function's error by its
                    // type.
                    answer.put(
                            "errorType",
                            invocation.throttled() ? "Lambda." + invocation.errorType() : invocation.errorType());
                    answer.put("errorMessage", invocation.errorMessage());
                } else {
                    answer.set("Payload", JSON.readTree(invocation.payload()));
                }
                respond(exchange, answer);
            }
        });
        server.start();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, JsonNode answer) throws IOException {
        byte[] body = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
