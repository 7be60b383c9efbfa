package com.wildrydes.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the SNS engine delivered for each message published to one of the lab's topics, and to
 * which of its subscriptions it did not: read from the engine's own record of its fan-out (the
 * {@code /_local/deliveries} feed of {@code fauxqs-loopback.mjs}, long-polled), so the counts are
 * the engine's deliveries, its filter policy evaluation included, not the console's opinion of
 * what it should have delivered. A subscription without a filter policy that got nothing counts
 * as not delivered rather than filtered out.
 */
final class DeliveryFeed implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI feed;
    private final LabConsole console;
    /** The lab's topics by ARN: their node. */
    private final Map<String, String> topics;
    /** The lab's subscriptions by ARN (as the engine knows them): their edge. */
    private final Map<String, ObjectNode> subscriptions;

    private final Thread poller;
    private volatile boolean running = true;
    private long next;

    DeliveryFeed(URI engine, Map<String, String> topics, Map<String, ObjectNode> subscriptions, LabConsole console) {
        this.feed = engine.resolve("/_local/deliveries");
        this.topics = Map.copyOf(topics);
        this.subscriptions = Map.copyOf(subscriptions);
        this.console = console;
        // Only what is published from now on: the lab's earlier messages are no page's news.
        this.next = read(feed).path("next").asLong();
        this.poller = new Thread(this::poll, "console-deliveries-" + console.stackName());
        this.poller.setDaemon(true);
        this.poller.start();
    }

    private void poll() {
        while (running) {
            try {
                JsonNode answer = read(URI.create(feed + "?after=" + (next - 1)));
                for (JsonNode publication : answer.path("publications")) {
                    next = Math.max(next, publication.path("seq").asLong() + 1);
                    String topic = topics.get(publication.path("topicArn").asText());
                    if (topic != null) {
                        published(topic, publication);
                    }
                }
            } catch (RuntimeException e) {
                if (running) {
                    System.err.println("local console: reading the SNS engine's deliveries failed: " + e);
                    pause();
                }
            }
        }
    }

    private void published(String topic, JsonNode publication) {
        Map<String, Map<String, Long>> deltas = new LinkedHashMap<>();
        EventMapping.add(deltas, topic, "published", 1);
        List<String> delivered = new ArrayList<>();
        int ours = 0;
        for (JsonNode subscription : publication.path("subscriptions")) {
            ObjectNode edge =
                    subscriptions.get(subscription.path("subscriptionArn").asText());
            if (edge == null) {
                continue; // another lab's, or another watcher's, subscription to a shared engine
            }
            ours++;
            String id = edge.path("id").asText();
            if (subscription.path("delivered").asBoolean()) {
                EventMapping.add(deltas, id, "delivered", 1);
                delivered.add(id);
            } else {
                String counter = subscription.path("filterPolicy").asBoolean() ? "filteredOut" : "notDelivered";
                EventMapping.add(deltas, id, counter, 1);
                EventMapping.add(deltas, edge.path("target").asText(), counter, 1);
            }
        }
        ObjectNode shown = JSON.createObjectNode();
        shown.put("messageId", publication.path("messageId").asText());
        shown.put("message", publication.path("message").asText());
        shown.set("messageAttributes", publication.path("messageAttributes"));
        console.record(
                "PUBLISHED",
                new LabEvent(
                        null,
                        publication.path("topicArn").asText(),
                        "the engine delivered it to " + delivered.size() + " of " + ours + " subscriptions",
                        shown.toString(),
                        publication.path("at").asLong(System.currentTimeMillis())),
                topic,
                delivered,
                deltas);
    }

    private static JsonNode read(URI uri) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + uri, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The lab's topics by ARN and subscriptions by ARN, as local mode named them in the engine. */
    static DeliveryFeed of(URI engine, com.wildrydes.local.LocalLab lab, Topology topology, LabConsole console) {
        Map<String, String> topics = new HashMap<>();
        for (ObjectNode node : topology.nodes()) {
            if (node.path("kind").asText().equals("topic")) {
                topics.put(
                        lab.resolve(LabConsole.ref(node.path("id").asText())).asText(),
                        node.path("id").asText());
            }
        }
        Map<String, ObjectNode> subscriptions = new HashMap<>();
        for (ObjectNode edge : topology.edges()) {
            if (edge.path("kind").asText().equals("subscription")) {
                subscriptions.put(
                        lab.resolve(LabConsole.ref(edge.path("id").asText())).asText(), edge);
            }
        }
        return new DeliveryFeed(engine, topics, subscriptions, console);
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
