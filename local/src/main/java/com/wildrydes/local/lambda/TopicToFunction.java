package com.wildrydes.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * An SNS subscription of a Lambda function. The SNS engine delivers to its own queues only, so
 * local mode subscribes a queue of its own in the function's place (with the subscription's filter
 * policy and scope) and turns each envelope it receives into the SNS event Lambda would get, handed
 * to the function's {@link AsyncInvoker}, as SNS invokes a function asynchronously.
 */
public final class TopicToFunction implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String deliveryQueueUrl;
    private final String subscriptionArn;
    private final AsyncInvoker invoker;
    private final Runnable delivering;
    private final Thread poller;
    private volatile boolean running = true;

    /** @param delivering told of each invocation SNS makes (for the IAM check: SNS invoking the function) */
    public TopicToFunction(
            SqsClient sqs,
            String deliveryQueueUrl,
            String subscriptionArn,
            AsyncInvoker invoker,
            String name,
            Runnable delivering) {
        this.delivering = delivering;
        this.sqs = sqs;
        this.deliveryQueueUrl = deliveryQueueUrl;
        this.subscriptionArn = subscriptionArn;
        this.invoker = invoker;
        this.poller = new Thread(this::poll, "sns-to-" + name);
        this.poller.setDaemon(true);
        this.poller.start();
    }

    private void poll() {
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(receive -> receive.queueUrl(deliveryQueueUrl)
                                .maxNumberOfMessages(10)
                                .waitTimeSeconds(1))
                        .messages();
                for (Message message : messages) {
                    delivering.run();
                    invoker.invokeAsync(snsEvent(JSON.readTree(message.body())));
                    sqs.deleteMessage(
                            delete -> delete.queueUrl(deliveryQueueUrl).receiptHandle(message.receiptHandle()));
                }
            } catch (Exception e) {
                if (running) {
                    System.err.println("local mode: delivery to " + subscriptionArn + " failed: " + e);
                    sleepQuietly();
                }
            }
        }
    }

    /** The event Lambda receives from SNS: one record holding the notification. */
    private String snsEvent(JsonNode envelope) throws java.io.IOException {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        ObjectNode record = records.addObject();
        record.put("EventSource", "aws:sns");
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", subscriptionArn);
        ObjectNode sns = record.putObject("Sns");
        for (String field : List.of(
                "Type",
                "MessageId",
                "TopicArn",
                "Subject",
                "Message",
                "Timestamp",
                "SignatureVersion",
                "Signature",
                "SigningCertUrl",
                "UnsubscribeUrl")) {
            if (envelope.hasNonNull(field)) {
                sns.set(field, envelope.get(field));
            }
        }
        sns.set(
                "MessageAttributes",
                envelope.has("MessageAttributes") ? envelope.get("MessageAttributes") : JSON.createObjectNode());
        return JSON.writeValueAsString(event);
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        invoker.close();
    }
}
