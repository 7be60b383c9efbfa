package com.wildrydes.local.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves AWS services on one loopback port, each request routed by the service its SigV4
 * signature names. A request for a service not served here is answered with a clear error naming
 * it and listing what is served.
 */
public final class DeployEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, AwsService> services;

    public DeployEndpoint(int port, Map<String, AwsService> services) throws IOException {
        this.services = services;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "local-endpoint");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void serve(HttpExchange exchange) throws IOException {
        AwsResponse response;
        try {
            AwsRequest request = AwsRequest.read(exchange);
            AwsService service = services.get(request.service());
            response = service == null
                    ? AwsResponse.of(
                            400,
                            "text/plain",
                            "This local endpoint does not serve the service '"
                                    + request.service() + "' (from the request's SigV4 signature); it serves "
                                    + new java.util.TreeSet<>(services.keySet()))
                    : service.handle(request);
        } catch (Exception e) {
            response = QueryXml.error(500, "InternalFailure", "local endpoint: " + e);
            e.printStackTrace();
        }
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders()
                .set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        if (head || response.body().length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
        } else {
            exchange.sendResponseHeaders(response.status(), response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
