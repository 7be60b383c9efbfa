package com.wildrydes.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;

/**
 * A lab's Step Functions API (JSON 1.0 protocol, {@code X-Amz-Target: AWSStepFunctions.*}) on a
 * port of its own on 127.0.0.1, for {@code --endpoint-url}: the operations of
 * {@link StepFunctionsExecutions}. The local endpoint serves the same executions on its one port.
 */
public final class StepFunctionsApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final StepFunctionsExecutions executions;

    public StepFunctionsApi(StepFunctionsExecutions executions) {
        this.executions = executions;
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
                ObjectNode answer = executions.answer(target.substring(target.indexOf('.') + 1), request);
                respond(exchange, 200, answer);
            } catch (StepFunctionsExecutions.ApiError e) {
                ObjectNode error = JSON.createObjectNode();
                error.put("__type", e.type());
                error.put("message", e.getMessage());
                respond(exchange, 400, error);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
