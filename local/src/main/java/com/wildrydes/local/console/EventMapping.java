package com.wildrydes.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which node and edges a {@link LabEvent} concerns and what it adds to their counters: an
 * invocation to its function (and the queue or subscription it came from), an SDK call to the
 * resources it names, an execution to its state machine and the colour of each state it entered.
 */
final class EventMapping {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventMapping() {}

    static void apply(LabEvent event, LabConsole console) {
        Topology topology = console.topology();
        Map<String, Map<String, Long>> deltas = new LinkedHashMap<>();
        List<String> edges = new ArrayList<>();
        String node;
        switch (event.kind()) {
            case API_REQUEST -> {
                node = topology.route(event.resource(), event.detail());
                add(deltas, node, "requests", 1);
                edges.add("Integration" + node);
            }
            case SDK_CALL -> {
                node = topology.nodeFor(event.resource());
                for (Iterator<JsonNode> it = read(event.payload()).elements(); it.hasNext(); ) {
                    String target = topology.nodeFor(it.next().asText());
                    if (target != null && !target.equals(node)) {
                        edges.addAll(between(topology, node, target));
                        if (!topology.node(target).path("kind").asText().equals("topic")) {
                            add(deltas, target, "calls", 1);
                        }
                    }
                }
            }
            case INVOCATION_STARTED -> {
                node = topology.nodeFor(event.resource());
                add(deltas, node, "invocations", 1);
                add(deltas, node, "inFlight", 1);
                source(read(event.payload()), node, topology, edges, deltas);
            }
            case INVOCATION_SUCCEEDED -> {
                node = topology.nodeFor(event.resource());
                add(deltas, node, "inFlight", -1);
                add(deltas, node, "succeeded", 1);
            }
            case INVOCATION_FAILED -> {
                node = topology.nodeFor(event.resource());
                add(deltas, node, "inFlight", -1);
                add(deltas, node, "failed", 1);
            }
            case RETRIED -> {
                node = topology.nodeFor(event.resource());
                add(deltas, node, "retried", 1);
            }
            case DEAD_LETTERED -> {
                node = topology.nodeFor(event.resource());
                for (ObjectNode edge : topology.edges()) {
                    if (edge.path("target").asText().equals(node)
                            && edge.path("kind").asText().equals("onFailure")) {
                        edges.add(edge.path("id").asText());
                        add(deltas, edge.path("source").asText(), "deadLettered", 1);
                    }
                }
            }
            case EXECUTION_STARTED -> {
                node = topology.nodeFor(event.resource());
                add(deltas, node, "executions", 1);
                add(deltas, node, "running", 1);
            }
            case EXECUTION_STEP -> {
                // No counter moves: the page colours the state as the running execution reaches it.
                node = topology.nodeFor(event.resource());
                JsonNode step = read(event.payload());
                event = new LabEvent(
                        event.kind(),
                        event.resource(),
                        event.detail(),
                        event.payload(),
                        step.path("timestamp").asLong(event.atMillis()));
            }
            case EXECUTION_ENDED -> {
                node = topology.nodeFor(event.resource());
                JsonNode execution = read(event.payload());
                ObjectNode shown =
                        coloured(execution, console.lab().stateMachine(node).definition());
                add(deltas, node, "running", -1);
                add(deltas, node, execution.path("status").asText().toLowerCase(), 1);
                console.execution(node, shown);
                event = new LabEvent(
                        event.kind(), event.resource(), event.detail(), shown.toString(), event.atMillis());
            }
            default -> throw new IllegalStateException("No mapping for " + event.kind());
        }
        if (node == null) {
            throw new IllegalStateException("no node of the template for " + event.resource() + " " + event.detail());
        }
        console.record(event.kind().name(), event, node, edges, deltas);
    }

    /**
     * The states an execution entered, each with the colour the AWS console gives it: succeeded,
     * caught error (the state whose Catch sent the execution on), failed (the last state of a
     * failed execution).
     */
    static ObjectNode coloured(JsonNode execution, JsonNode definition) {
        ObjectNode shown = execution.deepCopy();
        ArrayNode path = shown.putArray("path");
        JsonNode states = execution.path("states");
        for (int i = 0; i < states.size(); i++) {
            String name = states.get(i).asText();
            String next = i + 1 < states.size() ? states.get(i + 1).asText() : null;
            JsonNode state = definition.path("States").path(name);
            String status = "succeeded";
            if (next == null && "FAILED".equals(execution.path("status").asText())) {
                status = "failed";
            } else if (next != null && !next.equals(state.path("Next").asText(null)) && catches(state, next)) {
                status = "caught";
            }
            path.addObject().put("state", name).put("status", status);
        }
        return shown;
    }

    private static boolean catches(JsonNode state, String next) {
        for (JsonNode caught : state.path("Catch")) {
            if (next.equals(caught.path("Next").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Where an invocation's event came from: a queue (and whether it is a redelivery) or a topic. */
    private static void source(
            JsonNode event,
            String function,
            Topology topology,
            List<String> edges,
            Map<String, Map<String, Long>> deltas) {
        boolean retry = false;
        String queue = null;
        boolean fromTopic = false;
        for (JsonNode record : event.path("Records")) {
            if (record.has("eventSourceARN")) {
                queue = topology.nodeFor(record.path("eventSourceARN").asText());
                retry |= record.path("attributes")
                                .path("ApproximateReceiveCount")
                                .asInt(1)
                        > 1;
            }
            fromTopic |= "aws:sns".equals(record.path("EventSource").asText());
        }
        for (ObjectNode edge : topology.edges()) {
            boolean into = edge.path("target").asText().equals(function);
            if (into
                    && queue != null
                    && edge.path("kind").asText().equals("eventSource")
                    && edge.path("source").asText().equals(queue)) {
                edges.add(edge.path("id").asText());
            }
            if (into && fromTopic && edge.path("kind").asText().equals("subscription")) {
                edges.add(edge.path("id").asText());
            }
        }
        if (queue != null) {
            add(deltas, queue, "received", 1);
        }
        if (retry) {
            add(deltas, function, "retried", 1);
            add(deltas, queue, "retried", 1);
        }
    }

    private static List<String> between(Topology topology, String a, String b) {
        List<String> found = new ArrayList<>();
        for (ObjectNode edge : topology.edges()) {
            String source = edge.path("source").asText();
            String target = edge.path("target").asText();
            if ((source.equals(a) && target.equals(b)) || (source.equals(b) && target.equals(a))) {
                found.add(edge.path("id").asText());
            }
        }
        return found;
    }

    static void add(Map<String, Map<String, Long>> deltas, String id, String counter, long delta) {
        if (id != null) {
            deltas.computeIfAbsent(id, key -> new LinkedHashMap<>()).merge(counter, delta, Long::sum);
        }
    }

    private static JsonNode read(String json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }
}
