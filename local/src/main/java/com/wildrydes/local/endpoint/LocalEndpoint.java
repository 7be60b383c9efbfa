package com.wildrydes.local.endpoint;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Every AWS API of the running labs on one loopback port, as {@code AWS_ENDPOINT_URL} expects:
 * each request goes to the service its signature or target header names ({@link LocalServices}),
 * and an error comes back in that service's protocol, never as a stack trace or a hang.
 */
public final class LocalEndpoint implements AutoCloseable {

    /** The port learners know from the usual local AWS tool. */
    public static final int DEFAULT_PORT = 4566;

    private final HttpServer server;
    private final ExecutorService threads;
    private volatile LocalServices services = new LocalServices(List.of());

    private LocalEndpoint(HttpServer server) {
        this.server = server;
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "local-endpoint");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    /**
     * Takes the port on 127.0.0.1 (0 for any free one) without serving yet, so a taken port is
     * known before anything else starts.
     *
     * @throws PortTakenException when something else holds the port
     */
    public static LocalEndpoint bind(int port) {
        try {
            return new LocalEndpoint(
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64));
        } catch (BindException e) {
            throw new PortTakenException(port);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Starts answering with these services. */
    public LocalEndpoint serve(LocalServices served) {
        this.services = served;
        server.start();
        return this;
    }

    /** {@code http://localhost:PORT}: what {@code AWS_ENDPOINT_URL} is set to. */
    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            AwsRequest request = new AwsRequest(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI(),
                    exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes());
            AwsResponse response = services.answer(request);
            for (Map.Entry<String, String> header : response.headers().entrySet()) {
                exchange.getResponseHeaders().set(header.getKey(), header.getValue());
            }
            boolean empty = response.body().length == 0;
            exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
            if (!empty) {
                exchange.getResponseBody().write(response.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** The port is held by another process: the command says so instead of failing later. */
    public static final class PortTakenException extends IllegalArgumentException {

        public PortTakenException(int port) {
            super("port " + port + " on 127.0.0.1 is already in use (another local mode, or another local AWS"
                    + " tool?): stop it, or choose another port with -Dwildrydes.local.port=<port>");
        }
    }
}
