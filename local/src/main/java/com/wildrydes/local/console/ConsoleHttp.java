package com.wildrydes.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;

/** How the console's server reads a request and writes its answer: JSON bodies, errors, its own files. */
final class ConsoleHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private ConsoleHttp() {}

    static void requireGet(String method) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new BadRequestException("This is read with GET, not " + method);
        }
    }

    static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BadRequestException("The body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode body = JSON.readTree(bytes);
        if (body == null || !body.isObject()) {
            throw new BadRequestException(
                    "The body is " + (body == null ? "empty" : body.getNodeType()) + "; expected a JSON object");
        }
        return body;
    }

    static InputStream resource(String name) throws IOException {
        InputStream in = ConsoleHttp.class.getResourceAsStream("/console/" + name);
        if (in == null) {
            throw new IOException(
                    "The console's file " + name + " is not on the classpath: was the web build (npm ci) run?");
        }
        return in;
    }

    static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    static void error(HttpExchange exchange, int status, String message) {
        try {
            json(exchange, status, JSON.createObjectNode().put("error", message).put("status", status));
        } catch (IOException e) {
            // The page went away.
        }
    }

    static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders()
                .set(
                        "Content-Security-Policy",
                        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
