package com.wildrydes.local.stepfunctions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.wildrydes.local.lambda.AwsFault;
import com.wildrydes.local.lambda.FaultPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a state machine's DynamoDB and SNS tasks call instead of the engines: an HTTP endpoint on
 * 127.0.0.1 that passes each call on to the engine unchanged, unless {@link FaultPlan} has a fault
 * planned for that call of that state machine; then it answers with the AWS error, in the service's
 * protocol, as a throttled or failing service would. The interpreter then names the error as Step
 * Functions does ({@code DynamoDB.ProvisionedThroughputExceededException}, {@code SNS.ThrottledException})
 * and the definition's own Retry and Catch decide what follows.
 *
 * <p>Paths: {@code /<state machine name>/dynamodb} and {@code /<state machine name>/sns}.
 */
public final class TaskCallGate implements AutoCloseable {

    /** Headers the JDK's HTTP client sets itself and refuses from the caller. */
    private static final List<String> RESTRICTED_HEADERS =
            List.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, URI> engines;

    /** @param engines the engine endpoint of each service, by the path's service name ({@code dynamodb}, {@code sns}) */
    public TaskCallGate(Map<String, URI> engines) {
        this.engines = Map.copyOf(engines);
        server = com.wildrydes.local.engines.LoopbackServer.create();
        server.createContext("/", exchange -> {
            try (exchange) {
                pass(exchange);
            } catch (IOException | RuntimeException e) {
                System.err.println("local mode: a state machine's service call failed in the gate: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    /**
     * The endpoint to give the interpreter for that state machine's calls to that service; the
     * machine is known by its {@link FaultPlan#callerKey(String)}, its own in this JVM.
     */
    public URI endpoint(String stateMachineKey, String service) {
        if (!engines.containsKey(service)) {
            throw new IllegalArgumentException("No engine for " + service + " (engines: " + engines.keySet() + ")");
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + pathSegment(stateMachineKey) + "/"
                + service);
    }

    private void pass(HttpExchange exchange) throws IOException, InterruptedException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        String machine = URLDecoder.decode(path[1], StandardCharsets.UTF_8);
        String service = path[2];
        byte[] body = exchange.getRequestBody().readAllBytes();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        AwsFault fault = FaultPlan.nextCall(machine, service, operation(exchange, service, body));
        if (fault != null) {
            AwsFault.Answer answer = fault.answer(contentType);
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            send(exchange, answer.status(), answer.body().getBytes(StandardCharsets.UTF_8));
            return;
        }
        HttpRequest.Builder forward =
                HttpRequest.newBuilder(engines.get(service)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!RESTRICTED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> forward.header(name, value));
            }
        });
        HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers()
                .firstValue("Content-Type")
                .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
        send(exchange, response.statusCode(), response.body());
    }

    /** DynamoDB names the operation in its target header, SNS's query protocol in the Action field. */
    private static String operation(HttpExchange exchange, String service, byte[] body) {
        if (service.equals("dynamodb")) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            return target == null ? "" : target.substring(target.indexOf('.') + 1);
        }
        return Arrays.stream(new String(body, StandardCharsets.UTF_8).split("&"))
                .filter(field -> field.startsWith("Action="))
                .map(field -> URLDecoder.decode(field.substring("Action=".length()), StandardCharsets.UTF_8))
                .findFirst()
                .orElse("");
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String pathSegment(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
