package com.wildrydes.local.console;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node's or edge's counters (delivered, filtered out, failed, retried, dead-lettered...) and
 * gauges (in flight, queue depth, oldest message age), and its most recent events with their
 * payloads. Thread-safe: the lab's threads write, the console's readers copy.
 */
final class NodeStats {

    /** How many events a node keeps for its click-through list. */
    static final int RECENT = 30;
    /** A payload longer than this is cut in the list (the page shows text, not megabytes). */
    static final int PAYLOAD_CHARACTERS = 4000;

    private final Map<String, Long> values = new TreeMap<>();
    private final Deque<ObjectNode> recent = new ArrayDeque<>();

    synchronized void add(String counter, long delta) {
        values.merge(counter, delta, Long::sum);
    }

    synchronized void set(String gauge, long value) {
        values.put(gauge, value);
    }

    synchronized long get(String name) {
        return values.getOrDefault(name, 0L);
    }

    synchronized void remember(ObjectNode event) {
        ObjectNode kept = event.deepCopy();
        String payload = kept.path("payload").asText(null);
        if (payload != null && payload.length() > PAYLOAD_CHARACTERS) {
            kept.put("payload", payload.substring(0, PAYLOAD_CHARACTERS) + "… (" + payload.length() + " characters)");
        }
        recent.addFirst(kept);
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
    }

    synchronized ObjectNode counters() {
        ObjectNode counters = JsonNodeFactory.instance.objectNode();
        values.forEach(counters::put);
        return counters;
    }

    synchronized java.util.List<ObjectNode> recent() {
        return java.util.List.copyOf(recent);
    }
}
