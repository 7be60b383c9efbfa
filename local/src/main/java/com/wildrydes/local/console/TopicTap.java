package com.wildrydes.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.engines.RunningEngines;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.event.ruler.Machine;

/**
 * Sees every message published to one of the lab's topics, through a queue of the console's own
 * subscribed to it with no filter (as a learner would subscribe a queue to watch a topic), and
 * tells which of the topic's subscriptions SNS delivers it to and which filter it out: each
 * subscription's filter policy evaluated with AWS's open-source matcher, event-ruler, on the
 * message's attributes (or body, for a {@code MessageBody} scope).
 */
final class TopicTap implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningEngines engines;
    private final String topicNode;
    private final LabConsole console;
    private final String queueUrl;
    private final String subscriptionArn;
    private final Map<String, Machine> filters = new LinkedHashMap<>();
    private final Map<String, Boolean> bodyScoped = new LinkedHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    TopicTap(RunningEngines engines, String topicArn, ObjectNode topic, LabConsole console) {
        this.engines = engines;
        this.topicNode = topic.path("id").asText();
        this.console = console;
        for (ObjectNode edge : console.topology().edges()) {
            if (edge.path("kind").asText().equals("subscription")
                    && edge.path("source").asText().equals(topicNode)) {
                String id = edge.path("id").asText();
                filters.put(id, edge.has("filterPolicy") ? machine(edge.get("filterPolicy")) : null);
                bodyScoped.put(id, edge.path("filterScope").asText().equals("MessageBody"));
            }
        }
        boolean fifo = topic.path("fifo").asBoolean(false);
        String name = "console-tap-" + UUID.randomUUID().toString().substring(0, 8) + (fifo ? ".fifo" : "");
        Map<String, String> attributes =
                fifo ? Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true") : Map.of();
        this.queueUrl = engines.sqs()
                .createQueue(create -> create.queueName(name).attributesWithStrings(attributes))
                .queueUrl();
        String queueArn = engines.sqs()
                .getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings()
                .get("QueueArn");
        this.subscriptionArn = engines.sns()
                .subscribe(subscribe ->
                        subscribe.topicArn(topicArn).protocol("sqs").endpoint(queueArn))
                .subscriptionArn();
        this.poller = new Thread(this::poll, "console-tap-" + topicNode);
        this.poller.setDaemon(true);
        this.poller.start();
    }

    private static Machine machine(JsonNode policy) {
        try {
            Machine machine = new Machine();
            machine.addRule("policy", JSON.writeValueAsString(policy));
            return machine;
        } catch (Exception e) {
            throw new IllegalArgumentException("event-ruler refuses the filter policy " + policy, e);
        }
    }

    private void poll() {
        while (running) {
            try {
                List<Message> messages = engines.sqs()
                        .receiveMessage(receive -> receive.queueUrl(queueUrl)
                                .maxNumberOfMessages(10)
                                .waitTimeSeconds(1))
                        .messages();
                for (Message message : messages) {
                    published(JSON.readTree(message.body()));
                    engines.sqs()
                            .deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                }
            } catch (Exception e) {
                if (running) {
                    System.err.println("local console: watching topic " + topicNode + " failed: " + e);
                    sleep();
                }
            }
        }
    }

    private void published(JsonNode envelope) throws Exception {
        ObjectNode attributes = JSON.createObjectNode();
        envelope.path("MessageAttributes").fields().forEachRemaining(attribute -> {
            JsonNode value = attribute.getValue();
            String type = value.path("Type").asText();
            String text = value.path("Value").asText();
            try {
                if (type.startsWith("Number")) {
                    attributes.set(attribute.getKey(), JSON.readTree(text));
                } else if (type.equals("String.Array")) {
                    attributes.set(attribute.getKey(), JSON.readTree(text));
                } else {
                    attributes.put(attribute.getKey(), text);
                }
            } catch (java.io.IOException e) {
                attributes.put(attribute.getKey(), text);
            }
        });
        ObjectNode shown = JSON.createObjectNode();
        shown.put("message", envelope.path("Message").asText());
        shown.set("messageAttributes", attributes);
        String payload = shown.toString();
        Map<String, Map<String, Long>> deltas = new LinkedHashMap<>();
        EventMapping.add(deltas, topicNode, "published", 1);
        List<String> delivered = new java.util.ArrayList<>();
        for (Map.Entry<String, Machine> filter : filters.entrySet()) {
            String edge = filter.getKey();
            boolean matches = filter.getValue() == null
                    || !filter.getValue()
                            .rulesForJSONEvent(
                                    bodyScoped.get(edge)
                                            ? envelope.path("Message").asText()
                                            : attributes.toString())
                            .isEmpty();
            EventMapping.add(deltas, edge, matches ? "delivered" : "filteredOut", 1);
            if (matches) {
                delivered.add(edge);
            } else {
                EventMapping.add(deltas, target(edge), "filteredOut", 1);
            }
        }
        console.record(
                "PUBLISHED",
                LabEvent.of(
                        null,
                        envelope.path("TopicArn").asText(),
                        delivered.size() + " of " + filters.size() + " subscriptions deliver it",
                        payload),
                topicNode,
                delivered,
                deltas);
    }

    private String target(String edge) {
        for (ObjectNode candidate : console.topology().edges()) {
            if (candidate.path("id").asText().equals(edge)) {
                return candidate.path("target").asText();
            }
        }
        return null;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            engines.sns().unsubscribe(unsubscribe -> unsubscribe.subscriptionArn(subscriptionArn));
            engines.sqs().deleteQueue(delete -> delete.queueUrl(queueUrl));
        } catch (RuntimeException e) {
            // The engines may already be stopping with the lab; the tap's queue goes with them.
        }
    }
}
