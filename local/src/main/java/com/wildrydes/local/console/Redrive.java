package com.wildrydes.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The console's redrive of one of the lab's dead-letter queues: its messages back to where they
 * failed, a redrive policy's source queue, or, for an on-failure destination, one more invocation
 * of the function with the request it failed on.
 */
final class Redrive {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** At most this many messages move in one redrive (the page can ask again). */
    private static final int REDRIVE_LIMIT = 100;

    private final LabConsole console;
    private final ExecutorService executions;

    Redrive(LabConsole console, ExecutorService executions) {
        this.console = console;
        this.executions = executions;
    }

    /** Redrives the queue with that node ID: how many messages moved, and to which node. */
    ObjectNode from(String id) {
        ObjectNode origin = null;
        for (ObjectNode edge : console.topology().edges()) {
            String kind = edge.path("kind").asText();
            if (edge.path("target").asText().equals(id) && (kind.equals("redrive") || kind.equals("onFailure"))) {
                origin = edge;
            }
        }
        if (origin == null) {
            throw new BadRequestException("queue " + id + " is no dead-letter queue (no redrive policy or on-failure"
                    + " destination of the template sends to it)");
        }
        String url = console.lab().resolve(LabConsole.ref(id)).asText();
        // What the queue holds now, no more: a record that fails again comes back, and must wait
        // for the next redrive rather than loop.
        Map<String, String> counts = console.engines()
                .sqs()
                .getQueueAttributes(get -> get.queueUrl(url)
                        .attributeNamesWithStrings(
                                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                .attributesAsStrings();
        int holding = Integer.parseInt(counts.getOrDefault("ApproximateNumberOfMessages", "0"))
                + Integer.parseInt(counts.getOrDefault("ApproximateNumberOfMessagesNotVisible", "0"));
        int limit = Math.min(holding, REDRIVE_LIMIT);
        int moved = 0;
        while (moved < limit) {
            int wanted = Math.min(10, limit - moved);
            List<Message> messages = console.engines()
                    .sqs()
                    .receiveMessage(receive -> receive.queueUrl(url)
                            .maxNumberOfMessages(wanted)
                            .waitTimeSeconds(1)
                            .messageAttributeNames("All")
                            .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                    .messages();
            if (messages.isEmpty()) {
                break;
            }
            for (Message message : messages.subList(0, Math.min(messages.size(), wanted))) {
                if (origin.path("kind").asText().equals("redrive")) {
                    moveBack(origin.path("source").asText(), message);
                } else {
                    reinvoke(origin.path("source").asText(), message, url);
                }
                console.engines()
                        .sqs()
                        .deleteMessage(delete -> delete.queueUrl(url).receiptHandle(message.receiptHandle()));
                moved++;
            }
        }
        return JSON.createObjectNode()
                .put("moved", moved)
                .put("to", origin.path("source").asText());
    }

    private void moveBack(String sourceQueue, Message message) {
        String sourceUrl = console.lab().resolve(LabConsole.ref(sourceQueue)).asText();
        boolean fifo = console.topology().node(sourceQueue).path("fifo").asBoolean(false);
        console.engines().sqs().sendMessage(send -> {
            send.queueUrl(sourceUrl).messageBody(message.body()).messageAttributes(message.messageAttributes());
            if (fifo) {
                send.messageGroupId(message.attributes()
                                .getOrDefault(MessageSystemAttributeName.MESSAGE_GROUP_ID, "redrive"))
                        .messageDeduplicationId(UUID.randomUUID().toString());
            }
        });
    }

    /**
     * Runs the function once more on the request its record holds; a record that fails again goes
     * back to the destination as it was, so a redrive never loses one.
     */
    private void reinvoke(String function, Message message, String destinationUrl) {
        JsonNode record;
        try {
            record = JSON.readTree(message.body());
        } catch (java.io.IOException e) {
            throw new BadRequestException("the on-failure record is not JSON: " + e.getMessage());
        }
        String request = record.path("requestPayload").toString();
        executions.submit(() -> {
            if (console.lab().functionByLogicalId(function).invoke(request).failed()) {
                console.engines()
                        .sqs()
                        .sendMessage(send -> send.queueUrl(destinationUrl).messageBody(message.body()));
            }
        });
    }
}
