package com.wildrydes.local.console;

import static com.wildrydes.local.console.ConsoleHttp.body;
import static com.wildrydes.local.console.ConsoleHttp.error;
import static com.wildrydes.local.console.ConsoleHttp.json;
import static com.wildrydes.local.console.ConsoleHttp.requireGet;
import static com.wildrydes.local.console.ConsoleHttp.resource;
import static com.wildrydes.local.console.ConsoleHttp.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The local console: a web page per running lab, served on 127.0.0.1 by the JDK's HTTP server.
 * {@code /labs/<stack>} is the page; {@code /api/labs/<stack>/...} its topology, node details,
 * live updates (server-sent events) and actions. Unknown labs, nodes and paths answer 404 with a
 * JSON error; a malformed action 400. Only requests addressed to this server by its loopback name
 * are served (no DNS rebinding), and an action must come from the console's own page (its Origin)
 * as JSON (no cross-site form posts).
 */
public final class ConsoleServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> STATIC = Map.of(
            "console.js", "text/javascript",
            "groups.js", "text/javascript",
            "console.css", "text/css",
            "vendor/cytoscape.min.js", "text/javascript",
            "vendor/cytoscape-dagre.min.js", "text/javascript");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "console-http");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, LabConsole> labs = new ConcurrentHashMap<>();
    private final Map<String, ConsoleActions> actions = new ConcurrentHashMap<>();
    private final JsonNode samples;
    private volatile boolean open = true;

    /** The system property that sets the console's port; without it, any free port. */
    public static final String PORT_PROPERTY = "wildrydes.local.consolePort";

    /**
     * The port {@link #PORT_PROPERTY} sets (0 when unset: any free port).
     *
     * @throws IllegalArgumentException naming the property and the value, when it is no port
     */
    public static int portFromSystemProperties() {
        String value = System.getProperty(PORT_PROPERTY);
        if (value == null) {
            return 0;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(
                PORT_PROPERTY + " is '" + value + "'; expected a TCP port from 1 to 65535, or 0 for any free port");
    }

    /** Starts serving on 127.0.0.1 at that port (0: any free port). */
    public ConsoleServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            try (InputStream in = resource("samples.json")) {
                samples = JSON.readTree(in);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("The local console cannot listen on 127.0.0.1:" + port, e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Shows that running lab (it stays the caller's to close) and answers its console. */
    public LabConsole add(com.wildrydes.local.LocalLab lab, com.wildrydes.local.engines.RunningEngines engines) {
        LabConsole console = new LabConsole(lab, engines);
        labs.put(lab.stackName(), console);
        actions.put(lab.stackName(), new ConsoleActions(console));
        return console;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The page of that lab. */
    public URI pageUrl(String stackName) {
        return baseUrl().resolve("labs/" + stackName);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (BadRequestException e) {
                error(exchange, e.status(), e.getMessage());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                error(exchange, 400, "The body is not JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                // The page went away mid-answer.
            } catch (Exception e) {
                error(exchange, 500, "The console failed: " + e);
            }
        }
    }

    private void route(HttpExchange exchange) throws Exception {
        String host = exchange.getRequestHeaders().getFirst("Host");
        int port = server.getAddress().getPort();
        if (host == null || !(host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port))) {
            throw new BadRequestException("Host " + host + " is not this console (127.0.0.1:" + port + ")");
        }
        String method = exchange.getRequestMethod();
        String[] parts = exchange.getRequestURI().getRawPath().substring(1).split("/", -1);
        if (parts.length == 1 && parts[0].isEmpty()) {
            requireGet(method);
            if (labs.size() == 1) {
                exchange.getResponseHeaders()
                        .set("Location", "/labs/" + labs.keySet().iterator().next());
                send(exchange, 302, "text/plain", new byte[0]);
            } else {
                page(exchange);
            }
        } else if (parts[0].equals("labs") && parts.length == 2) {
            requireGet(method);
            lab(parts[1]);
            page(exchange);
        } else if (parts[0].equals("static") && parts.length >= 2) {
            requireGet(method);
            String file = String.join("/", java.util.Arrays.copyOfRange(parts, 1, parts.length));
            if (!STATIC.containsKey(file)) {
                throw BadRequestException.notFound("No file " + file);
            }
            try (InputStream in = resource(file)) {
                send(exchange, 200, STATIC.get(file) + "; charset=utf-8", in.readAllBytes());
            }
        } else if (parts[0].equals("api") && parts.length >= 2 && parts[1].equals("labs")) {
            api(exchange, method, java.util.Arrays.copyOfRange(parts, 2, parts.length));
        } else {
            throw BadRequestException.notFound(
                    "No page " + exchange.getRequestURI().getRawPath());
        }
    }

    private void api(HttpExchange exchange, String method, String[] parts) throws Exception {
        if (parts.length == 0 || (parts.length == 1 && parts[0].isEmpty())) {
            requireGet(method);
            ArrayNode list = JSON.createArrayNode();
            labs.keySet().stream()
                    .sorted()
                    .forEach(name -> list.addObject().put("name", name).put("page", "/labs/" + name));
            json(exchange, 200, list);
            return;
        }
        LabConsole console = lab(parts[0]);
        String what = parts.length > 1 ? parts[1] : "";
        if (what.equals("topology") && parts.length == 2) {
            requireGet(method);
            ObjectNode answer = JSON.createObjectNode();
            answer.put("stack", console.stackName());
            answer.set("elements", console.topology().elements());
            answer.set("counters", console.counters());
            answer.set("samples", samples(console));
            json(exchange, 200, answer);
        } else if (what.equals("nodes") && parts.length == 3) {
            requireGet(method);
            String id = java.net.URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
            if (!console.topology().hasNode(id)) {
                throw BadRequestException.notFound("No node " + id + " in " + console.stackName());
            }
            ObjectNode details = console.details(id);
            if (details.path("node").path("deadLetter").asBoolean(false)) {
                details.set("messages", DeadLetters.peek(console, id));
            }
            json(exchange, 200, details);
        } else if (what.equals("events") && parts.length == 2) {
            requireGet(method);
            events(exchange, console);
        } else if (what.equals("actions") && parts.length == 3) {
            if (!method.equals("POST")) {
                throw new BadRequestException("An action is a POST with a JSON body, not " + method);
            }
            requireOwnPage(exchange);
            JsonNode body = body(exchange);
            ConsoleActions on = actions.get(console.stackName());
            ObjectNode answer = switch (parts[2]) {
                case "send-request" -> on.sendRequest(body);
                case "publish" -> on.publish(body);
                case "redrive" -> on.redrive(body);
                case "start-execution" -> on.startExecution(body);
                case "plan-fault" -> on.planFault(body);
                default ->
                    throw BadRequestException.notFound("No action " + parts[2]
                            + " (actions: send-request, publish, redrive, start-execution, plan-fault)");
            };
            json(exchange, parts[2].equals("start-execution") ? 202 : 200, answer);
        } else {
            throw BadRequestException.notFound(
                    "No page " + exchange.getRequestURI().getRawPath());
        }
    }

    /** The workshop's samples for this lab, keyed by the node they are for. */
    private ObjectNode samples(LabConsole console) {
        ObjectNode byNode = JSON.createObjectNode();
        JsonNode ofLab = samples.path(console.stackName());
        for (ObjectNode node : console.topology().nodes()) {
            String kind = node.path("kind").asText();
            JsonNode list = switch (kind) {
                case "route" -> ofLab.path("requests").path(node.path("label").asText());
                case "statemachine" ->
                    ofLab.path("executions")
                            .path(TemplateValues.shortName(node.path("id").asText()));
                default -> com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            };
            if (list.isArray()) {
                byNode.set(node.path("id").asText(), list);
            }
        }
        return byNode;
    }

    /** Server-sent events: one {@code data:} line per update, a comment every 15 s to keep it open. */
    private void events(HttpExchange exchange, LabConsole console) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>(10_000);
        java.util.concurrent.atomic.AtomicBoolean gone = new java.util.concurrent.atomic.AtomicBoolean();
        console.watch(update -> !gone.get() && open && queue.offer(update));
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (open) {
                String update = queue.poll(15, TimeUnit.SECONDS);
                out.write((update == null ? ": keep-alive\n\n" : "data: " + update + "\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            gone.set(true);
        }
    }

    private LabConsole lab(String name) {
        LabConsole console = labs.get(name);
        if (console == null) {
            throw BadRequestException.notFound(
                    "No lab " + name + " runs here (labs: " + new java.util.TreeSet<>(labs.keySet()) + ")");
        }
        return console;
    }

    /** An action must come from this console's page: JSON, and from its origin when the browser names one. */
    private void requireOwnPage(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new BadRequestException("Content-Type is " + type + "; expected application/json");
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        int port = server.getAddress().getPort();
        if (origin != null
                && !origin.equals("http://127.0.0.1:" + port)
                && !origin.equals("http://localhost:" + port)) {
            throw new BadRequestException("Origin " + origin + " is not this console's page");
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        try (InputStream in = resource("index.html")) {
            send(exchange, 200, "text/html; charset=utf-8", in.readAllBytes());
        }
    }

    @Override
    public void close() {
        open = false;
        server.stop(0);
        actions.values().forEach(ConsoleActions::close);
        labs.values().forEach(LabConsole::close);
        threads.shutdownNow();
    }
}
