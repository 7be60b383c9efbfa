package com.wildrydes.local.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.wildrydes.local.lambda.LocalFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * One REST API of the template served on 127.0.0.1, at {@code /<stage>/<resource path>}: its
 * methods, its request validator (the model's JSON schema checked by a draft-04 validator before
 * the function is invoked), the gateway responses the template defines, and the Lambda proxy
 * integration (the proxy event in, the function's status, headers and body out).
 */
public final class LocalRestApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** API Gateway's largest REST API request payload, 10 MB; a larger one is answered 413. */
    private static final int PAYLOAD_LIMIT = 10 * 1024 * 1024;

    private static final ObjectMapper BODY_READER =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final HttpServer server;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, GatewayResponse> gatewayResponses = new LinkedHashMap<>();
    private volatile String stage = "prod";
    private volatile InvocationListener invocationListener = (stage, method, resourcePath, requestPath) -> {};

    /** Told of each Lambda invocation API Gateway makes, with what the invocation's source ARN is built from. */
    public interface InvocationListener {
        void invoking(String stage, String httpMethod, String resourcePath, String requestPath);
    }

    public void onInvoke(InvocationListener listener) {
        this.invocationListener = listener;
    }

    public LocalRestApi() {
        server = com.wildrydes.local.engines.LoopbackServer.create();
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "rest-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}: what {@code https://<id>.execute-api.<region>.amazonaws.com} stands for locally. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void stage(String stageName) {
        this.stage = stageName;
    }

    /** A method on a resource path such as {@code /submit-ride-completion} or {@code /rfq/{id}}. */
    public void method(String httpMethod, String resourcePath, LocalFunction function, JsonNode bodySchema) {
        JsonSchema schema = bodySchema == null
                ? null
                : JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(bodySchema);
        routes.add(new Route(httpMethod, resourcePath, function, schema));
    }

    public void gatewayResponse(String type, int status, Map<String, String> headers, String template) {
        gatewayResponses.put(type, new GatewayResponse(status, headers, template));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/" + stage;
            String resourcePath = path.startsWith(prefix + "/") ? path.substring(prefix.length()) : null;
            Route route = null;
            Map<String, String> pathParameters = null;
            for (Route candidate : routes) {
                Map<String, String> matched = resourcePath == null ? null : candidate.match(resourcePath);
                if (matched != null && candidate.httpMethod.equalsIgnoreCase(exchange.getRequestMethod())) {
                    route = candidate;
                    pathParameters = matched;
                }
            }
            if (route == null) {
                // API Gateway's answer to a path or method it does not have.
                send(
                        exchange,
                        gateway(
                                "MISSING_AUTHENTICATION_TOKEN",
                                403,
                                "{\"message\":\"Missing Authentication Token\"}",
                                null));
                return;
            }
            byte[] bytes = readAtMost(exchange, PAYLOAD_LIMIT);
            if (bytes == null) {
                send(exchange, gateway("REQUEST_TOO_LARGE", 413, "{\"message\":\"Request Too Long\"}", null));
                return;
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            if (route.schema != null) {
                List<String> errors = validate(route.schema, body);
                if (!errors.isEmpty()) {
                    send(
                            exchange,
                            gateway(
                                    "BAD_REQUEST_BODY",
                                    400,
                                    "{\"message\": \"Invalid request body\"}",
                                    "[" + String.join(", ", errors) + "]"));
                    return;
                }
            }
            invocationListener.invoking(stage, route.httpMethod, route.resourcePath, resourcePath);
            LocalFunction.Invocation answer = route.function.invoke(proxyEvent(exchange, route, pathParameters, body));
            if (answer.failed()) {
                send(exchange, gateway("DEFAULT_5XX", 502, "{\"message\": \"Internal server error\"}", null));
                return;
            }
            JsonNode response = JSON.readTree(answer.payload());
            Map<String, String> headers = new LinkedHashMap<>();
            response.path("headers")
                    .fields()
                    .forEachRemaining(header ->
                            headers.put(header.getKey(), header.getValue().asText()));
            send(
                    exchange,
                    new Reply(
                            response.path("statusCode").asInt(200),
                            headers,
                            response.path("body").isNull()
                                    ? ""
                                    : response.path("body").asText()));
        } catch (RuntimeException e) {
            send(
                    exchange,
                    new Reply(
                            500,
                            Map.of("Content-Type", "application/json"),
                            "{\"message\":\"local mode: " + e + "\"}"));
        }
    }

    /**
     * The request body, or null when it is longer than {@code limit} bytes: then the rest is read
     * and dropped, never held, so the client gets the answer rather than a reset connection.
     */
    private static byte[] readAtMost(HttpExchange exchange, int limit) throws IOException {
        java.io.InputStream in = exchange.getRequestBody();
        java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        byte[] chunk = new byte[65536];
        long total = 0;
        for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
            if (total + read <= limit) {
                kept.write(chunk, 0, read);
            }
            total += read;
        }
        return total > limit ? null : kept.toByteArray();
    }

    private static List<String> validate(JsonSchema schema, String body) {
        JsonNode value;
        try {
            value = BODY_READER.readTree(body);
        } catch (IOException notJson) {
            return List.of(
                    "Invalid JSON: " + notJson.getMessage().lines().findFirst().orElse(""));
        }
        if (value == null || value.isMissingNode()) {
            return List.of("Invalid JSON: no value");
        }
        try {
            return schema.validate(value).stream()
                    .map(ValidationMessage::getMessage)
                    .sorted()
                    .collect(Collectors.toList());
        } catch (ArithmeticException tooLarge) {
            return List.of("the validator could not check a number: " + tooLarge.getMessage());
        }
    }

    private String proxyEvent(HttpExchange exchange, Route route, Map<String, String> pathParameters, String body)
            throws IOException {
        ObjectNode event = JSON.createObjectNode();
        event.put("resource", route.resourcePath);
        event.put("path", exchange.getRequestURI().getPath().substring(stage.length() + 1));
        event.put("httpMethod", exchange.getRequestMethod());
        ObjectNode headers = event.putObject("headers");
        ObjectNode multiHeaders = event.putObject("multiValueHeaders");
        exchange.getRequestHeaders().forEach((name, values) -> {
            headers.put(name, values.get(0));
            values.forEach(multiHeaders.putArray(name)::add);
        });
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        } else {
            event.putNull("queryStringParameters");
        }
        if (pathParameters.isEmpty()) {
            event.putNull("pathParameters");
        } else {
            ObjectNode parameters = event.putObject("pathParameters");
            pathParameters.forEach(parameters::put);
        }
        event.putNull("stageVariables");
        ObjectNode context = event.putObject("requestContext");
        context.put("stage", stage);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("httpMethod", exchange.getRequestMethod());
        context.put("resourcePath", route.resourcePath);
        context.put("path", exchange.getRequestURI().getPath());
        context.putObject("identity")
                .put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        event.put("body", body.isEmpty() ? null : body);
        event.put("isBase64Encoded", false);
        return JSON.writeValueAsString(event);
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** The template's gateway response of that type, or API Gateway's default; {@code $context.error.validationErrorString} filled in. */
    private Reply gateway(String type, int defaultStatus, String defaultBody, String validationErrors) {
        GatewayResponse configured = gatewayResponses.get(type);
        if (configured == null) {
            return new Reply(defaultStatus, Map.of("Content-Type", "application/json"), defaultBody);
        }
        String body = configured.template == null
                ? defaultBody
                : configured.template.replace(
                        "$context.error.validationErrorString",
                        jsonEscape(validationErrors == null ? "" : validationErrors));
        return new Reply(configured.status, configured.headers, body);
    }

    private static String jsonEscape(String value) {
        String quoted;
        try {
            quoted = JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return quoted.substring(1, quoted.length() - 1);
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body.getBytes(StandardCharsets.UTF_8);
        reply.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private record Reply(int status, Map<String, String> headers, String body) {}

    private record GatewayResponse(int status, Map<String, String> headers, String template) {}

    private record Route(String httpMethod, String resourcePath, LocalFunction function, JsonSchema schema) {

        /** The path parameters if the request path fits this resource's path, else null. */
        Map<String, String> match(String requestPath) {
            String[] pattern = resourcePath.split("/");
            String[] actual = requestPath.split("/");
            if (pattern.length != actual.length) {
                return null;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < pattern.length; i++) {
                if (pattern[i].startsWith("{") && pattern[i].endsWith("}")) {
                    parameters.put(pattern[i].substring(1, pattern[i].length() - 1), decode(actual[i]));
                } else if (!pattern[i].equals(actual[i])) {
                    return null;
                }
            }
            return parameters;
        }
    }
}
