package com.wildrydes.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.LocalLab;
import com.wildrydes.local.engines.RunningEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * What the console knows of one running lab: its {@link Topology}, each node's and edge's
 * {@link NodeStats}, its state machines' recent executions, and the pages watching it. It listens
 * to the lab's {@link LabEvent}s, to the SNS engine's record of what it delivered ({@link
 * DeliveryFeed}) and to its queues' attributes ({@link QueueWatcher}), and pushes each change to every watcher as one JSON
 * update.
 */
public final class LabConsole implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXECUTIONS_KEPT = 20;

    private final LocalLab lab;
    private final RunningEngines engines;
    private final Topology topology;
    private final Map<String, NodeStats> stats = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> executions = new ConcurrentHashMap<>();
    private final List<Predicate<String>> watchers = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final LabEventListener listener = this::onEvent;
    private final List<AutoCloseable> started = new ArrayList<>();

    public LabConsole(LocalLab lab, RunningEngines engines) {
        this.lab = lab;
        this.engines = engines;
        this.topology = Topology.of(lab);
        lab.listen(listener);
        try {
            started.add(DeliveryFeed.of(engines.snsSqsEndpoint(), lab, topology, this));
            started.add(new QueueWatcher(engines.sqs(), lab, topology, this));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public String stackName() {
        return lab.stackName();
    }

    public Topology topology() {
        return topology;
    }

    LocalLab lab() {
        return lab;
    }

    RunningEngines engines() {
        return engines;
    }

    /** Adds a page watching this lab; it gets each update until it answers false (gone). */
    public void watch(Predicate<String> watcher) {
        watchers.add(watcher);
    }

    NodeStats stats(String id) {
        return stats.computeIfAbsent(id, key -> new NodeStats());
    }

    /** Every node's and edge's counters, for a page that has just loaded. */
    public ObjectNode counters() {
        ObjectNode all = JSON.createObjectNode();
        stats.forEach((id, of) -> all.set(id, of.counters()));
        return all;
    }

    /** The node's data, counters, recent events, and what else it shows (log lines, executions). */
    public ObjectNode details(String id) {
        ObjectNode details = JSON.createObjectNode();
        ObjectNode node = topology.node(id);
        details.set("node", node);
        details.set("counters", stats(id).counters());
        ArrayNode recent = details.putArray("events");
        stats(id).recent().forEach(recent::add);
        switch (node.path("kind").asText()) {
            case "function" -> {
                ArrayNode lines = details.putArray("logLines");
                List<String> all = lab.functionByLogicalId(id).logLines();
                all.subList(Math.max(0, all.size() - 50), all.size()).forEach(lines::add);
            }
            case "statemachine" -> {
                ArrayNode list = details.putArray("executions");
                executions.getOrDefault(id, List.of()).forEach(list::add);
            }
            default -> {}
        }
        return details;
    }

    /** Something happened on a node (and along some edges): counts it, keeps it, and tells the pages. */
    void record(String kind, LabEvent event, String node, List<String> edges, Map<String, Map<String, Long>> deltas) {
        ObjectNode update = JSON.createObjectNode();
        update.put("seq", sequence.incrementAndGet());
        update.put("at", event.atMillis());
        update.put("kind", kind);
        update.put("node", node);
        update.put("resource", event.resource());
        update.put("detail", event.detail());
        update.put("payload", Redaction.ofCardData(event.payload()));
        ArrayNode edgeIds = update.putArray("edges");
        edges.forEach(edgeIds::add);
        ObjectNode counters = update.putObject("counters");
        deltas.forEach((id, changes) -> {
            NodeStats of = stats(id);
            changes.forEach(of::add);
            counters.set(id, of.counters());
        });
        if (node != null) {
            stats(node).remember(update);
        }
        for (String edge : edges) {
            stats(edge).remember(update);
        }
        broadcast(update);
    }

    /** A gauge changed (a queue's depth, in flight, oldest message age). */
    void gauges(String node, Map<String, Long> values, String kind) {
        NodeStats of = stats(node);
        values.forEach(of::set);
        ObjectNode update = JSON.createObjectNode();
        update.put("seq", sequence.incrementAndGet());
        update.put("at", System.currentTimeMillis());
        update.put("kind", kind);
        update.put("node", node);
        update.putArray("edges");
        update.putObject("counters").set(node, of.counters());
        broadcast(update);
    }

    void broadcast(ObjectNode update) {
        String text = update.toString();
        watchers.removeIf(watcher -> !watcher.test(text));
    }

    private void onEvent(LabEvent event) {
        try {
            EventMapping.apply(event, this);
        } catch (RuntimeException e) {
            // A listener must never fail the lab's own work: the console misses one event, loudly.
            System.err.println("local console: could not show " + event.kind() + " of " + event.resource() + ": " + e);
        }
    }

    /** An execution ended: kept for the machine's list and sent with each state's colour. */
    void execution(String machine, ObjectNode execution) {
        try {
            execution = (ObjectNode) JSON.readTree(Redaction.ofCardData(execution.toString()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        List<ObjectNode> list = executions.computeIfAbsent(machine, key -> new CopyOnWriteArrayList<>());
        list.add(0, execution);
        while (list.size() > EXECUTIONS_KEPT) {
            list.remove(list.size() - 1);
        }
    }

    static JsonNode ref(String logicalId) {
        return JSON.createObjectNode().put("Ref", logicalId);
    }

    @Override
    public void close() {
        lab.unlisten(listener);
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("local console: stopping " + started.get(i) + " failed: " + e);
            }
        }
        started.clear();
        watchers.clear();
    }
}
