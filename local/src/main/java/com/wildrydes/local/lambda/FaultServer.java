package com.wildrydes.local.lambda;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers a redirected AWS call with its planned {@link AwsFault}, in the protocol the call spoke
 * ({@link AwsFault#answer(String)}). Each answer is served once. Listens on 127.0.0.1.
 */
final class FaultServer {

    private static FaultServer instance;
    private final HttpServer server;
    private final Map<String, AwsFault.Answer> answers = new ConcurrentHashMap<>();

    private FaultServer() {
        server = com.wildrydes.local.engines.LoopbackServer.create();
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            AwsFault.Answer answer =
                    answers.remove(exchange.getRequestURI().getPath().substring(1));
            if (answer == null) {
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
                return;
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(null);
        server.start();
    }

    static synchronized FaultServer instance() {
        if (instance == null) {
            instance = new FaultServer();
        }
        return instance;
    }

    /** Keeps the fault's answer for one call and returns the URL that serves it. */
    String answer(AwsFault fault, String contentType) {
        String id = UUID.randomUUID().toString();
        answers.put(id, fault.answer(contentType));
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + id;
    }
}
