package com.wildrydes.local.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The messages in a dead-letter queue, looked at as the AWS console's "poll for messages" does:
 * received with a visibility timeout of 0, so they stay where they are (their receive count
 * grows). Only dead-letter queues are looked at this way; a live queue's consumer must not see its
 * messages' receive counts move and send them to their own dead-letter queue early.
 */
final class DeadLetters {

    private DeadLetters() {}

    static ArrayNode peek(LabConsole console, String queue) {
        String url = console.lab().resolve(LabConsole.ref(queue)).asText();
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        java.util.List<Message> messages = console.engines()
                .sqs()
                .receiveMessage(receive -> receive.queueUrl(url)
                        .maxNumberOfMessages(10)
                        .visibilityTimeout(0)
                        .waitTimeSeconds(0)
                        .messageSystemAttributeNamesWithStrings("All")
                        .messageAttributeNames("All"))
                .messages();
        // Visible again at once, said twice: an engine that reads a visibility timeout of 0 in a
        // receive as "the queue's default" would otherwise hide them from a redrive for 30 s.
        for (Message message : messages) {
            try {
                console.engines()
                        .sqs()
                        .changeMessageVisibility(change -> change.queueUrl(url)
                                .receiptHandle(message.receiptHandle())
                                .visibilityTimeout(0));
            } catch (RuntimeException e) {
                // Deleted meanwhile (redriven): nothing to show again.
            }
        }
        for (Message message : messages) {
            ObjectNode shown = list.addObject();
            shown.put("messageId", message.messageId());
            shown.put("body", Redaction.ofCardData(message.body()));
            message.attributesAsStrings().forEach((name, value) -> shown.put(name, value));
        }
        return list;
    }
}
