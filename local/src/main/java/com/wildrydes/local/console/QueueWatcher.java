package com.wildrydes.local.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.LocalLab;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Reads each of the lab's queues' attributes twice a second, as the AWS console's queue list
 * does: messages available (depth) and in flight. A queue's oldest message age is how long it has
 * held messages without ever being empty (SQS's own figure is a CloudWatch metric the engine does
 * not keep). A message that arrives in a dead-letter queue (a redrive target or an on-failure
 * destination) counts as dead-lettered there.
 */
final class QueueWatcher implements AutoCloseable {

    private static final long PERIOD_MILLIS = 500;

    private final SqsClient sqs;
    private final LabConsole console;
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Map<String, Boolean> deadLetter = new LinkedHashMap<>();
    private final Map<String, long[]> last = new LinkedHashMap<>();
    /** The redrive-policy edges into each dead-letter queue, shown moving when a message arrives. */
    private final Map<String, java.util.List<String>> redrives = new LinkedHashMap<>();

    private final Map<String, Long> nonEmptySince = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "console-queues");
        thread.setDaemon(true);
        return thread;
    });

    QueueWatcher(SqsClient sqs, LocalLab lab, Topology topology, LabConsole console) {
        this.sqs = sqs;
        this.console = console;
        for (ObjectNode node : topology.nodes()) {
            if (node.path("kind").asText().equals("queue")) {
                String id = node.path("id").asText();
                urls.put(id, lab.resolve(LabConsole.ref(id)).asText());
                deadLetter.put(id, node.path("deadLetter").asBoolean(false));
            }
        }
        for (ObjectNode edge : topology.edges()) {
            if (edge.path("kind").asText().equals("redrive")) {
                redrives.computeIfAbsent(edge.path("target").asText(), key -> new java.util.ArrayList<>())
                        .add(edge.path("id").asText());
            }
        }
        timer.scheduleWithFixedDelay(this::readAll, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void readAll() {
        for (Map.Entry<String, String> queue : urls.entrySet()) {
            try {
                read(queue.getKey(), queue.getValue());
            } catch (RuntimeException e) {
                // The engine is stopping or briefly busy; the next round reads again.
            }
        }
    }

    private void read(String node, String url) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(get -> get.queueUrl(url)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        long depth = Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));
        long inFlight = Long.parseLong(
                attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
        long now = System.currentTimeMillis();
        if (depth + inFlight == 0) {
            nonEmptySince.remove(node);
        } else {
            nonEmptySince.putIfAbsent(node, now);
        }
        long age = nonEmptySince.containsKey(node) ? (now - nonEmptySince.get(node)) / 1000 : 0;
        long[] previous = last.getOrDefault(node, new long[] {0, 0, 0});
        if (previous[0] == depth && previous[1] == inFlight && previous[2] == age) {
            return;
        }
        last.put(node, new long[] {depth, inFlight, age});
        if (deadLetter.get(node) && depth + inFlight > previous[0] + previous[1]) {
            Map<String, Map<String, Long>> deltas = new LinkedHashMap<>();
            EventMapping.add(deltas, node, "deadLettered", depth + inFlight - previous[0] - previous[1]);
            console.record(
                    "DEAD_LETTER_ARRIVED",
                    LabEvent.of(null, url, (depth + inFlight) + " message(s) in the dead-letter queue", null),
                    node,
                    redrives.getOrDefault(node, java.util.List.of()),
                    deltas);
        }
        console.gauges(node, Map.of("depth", depth, "inFlight", inFlight, "oldestAgeSeconds", age), "QUEUE");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
