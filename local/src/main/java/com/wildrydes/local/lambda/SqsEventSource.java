package com.wildrydes.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lambda's SQS event source mapping, with the template's settings: batches of at most the batch
 * size, gathered for at most the batching window; at most the maximum concurrency of invocations
 * at once (a batch is received only while an invocation may start); a failed invocation leaves its whole batch to come
 * back after the visibility timeout, and with {@code ReportBatchItemFailures} only the reported
 * messages come back, the rest are deleted. The queue's own redrive policy dead-letters a message
 * that came back too often.
 *
 * <p>On AWS no invocation outlasts its messages' visibility timeout (the constructs make the queue's
 * timeout at least the function's), so a message is never delivered again while it is being
 * processed. Local mode's time scale shortens the queue's timeout but not the invocation, so the
 * mapping keeps each message it holds hidden until its invocation has ended, as AWS's timeouts
 * would; only then does the shortened timeout start to count for a message that comes back.
 *
 * <p>One receiver per mapping long-polls the queue and hands each batch to an invocation. The
 * local SQS engine wakes every waiting long poll when one message arrives and all but one come back
 * empty at once, so a poller per invocation slot made most receives empty ones: about 2.4 calls per
 * message in lab 2, which capped local mode's throughput. AWS's long polls do not return early.
 */
public final class SqsEventSource implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final LocalFunction function;
    private final int batchSize;
    private final long windowMillis;
    private final boolean reportBatchItemFailures;
    private final ExecutorService invocations;
    private final Thread receiver;
    /** One permit per invocation that may run now: the mapping's maximum concurrency. */
    private final Semaphore slots;

    private final java.util.function.Consumer<String> queueAction;
    /** The receipt handles of the messages received and not yet deleted or given back. */
    private final Set<String> held = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final java.util.concurrent.ScheduledExecutorService keeper;
    private volatile boolean running = true;

    public SqsEventSource(
            SqsClient sqs,
            String queueUrl,
            String queueArn,
            LocalFunction function,
            int batchSize,
            int batchingWindowSeconds,
            int maximumConcurrency,
            boolean reportBatchItemFailures,
            java.util.function.Consumer<String> queueAction) {
        this.queueAction = queueAction;
        // Lambda reads the queue's attributes when the mapping is created, with the function's role.
        queueAction.accept("sqs:GetQueueAttributes");
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.function = function;
        this.batchSize = batchSize;
        this.windowMillis = batchingWindowSeconds * 1000L;
        this.reportBatchItemFailures = reportBatchItemFailures;
        this.slots = new Semaphore(maximumConcurrency);
        this.invocations = Executors.newFixedThreadPool(maximumConcurrency, task -> {
            Thread thread = new Thread(task, "esm-" + function.name());
            thread.setDaemon(true);
            return thread;
        });
        int visibilitySeconds = Integer.parseInt(sqs.getQueueAttributes(
                        get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
                .attributes()
                .get(QueueAttributeName.VISIBILITY_TIMEOUT));
        this.keeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "esm-keeper-" + function.name());
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(200, visibilitySeconds * 1000L / 2);
        keeper.scheduleAtFixedRate(() -> keepHidden(visibilitySeconds), period, period, TimeUnit.MILLISECONDS);
        this.receiver = new Thread(this::receive, "esm-receiver-" + function.name());
        receiver.setDaemon(true);
        receiver.start();
    }

    /** A local mechanism only (see the class comment), so it is not recorded as a call Lambda makes. */
    private void keepHidden(int visibilitySeconds) {
        for (String receiptHandle : held) {
            try {
                sqs.changeMessageVisibility(change ->
                        change.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout(visibilitySeconds));
            } catch (RuntimeException e) {
                held.remove(receiptHandle); // deleted or expired meanwhile
            }
        }
    }

    /** Receives a batch whenever an invocation may start, and starts it. */
    private void receive() {
        while (running) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            boolean started = false;
            try {
                List<Message> batch = receiveBatch();
                if (!batch.isEmpty()) {
                    invocations.execute(() -> invoke(batch));
                    started = true;
                }
            } catch (RuntimeException e) {
                report(e);
            } finally {
                if (!started) {
                    slots.release();
                }
            }
        }
    }

    private void invoke(List<Message> batch) {
        try {
            deliver(batch);
        } catch (Exception e) {
            report(e);
        } finally {
            batch.forEach(message -> held.remove(message.receiptHandle()));
            slots.release();
        }
    }

    private void report(Exception e) {
        if (running) {
            System.err.println("local mode: event source " + queueArn + " -> " + function.name() + ": " + e);
        }
    }

    private List<Message> receiveBatch() {
        List<Message> batch = new ArrayList<>();
        long deadline = System.currentTimeMillis() + windowMillis;
        do {
            int wanted = Math.min(10, batchSize - batch.size());
            queueAction.accept("sqs:ReceiveMessage");
            List<Message> received = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)
                            .maxNumberOfMessages(wanted)
                            .waitTimeSeconds(1)
                            .messageSystemAttributeNamesWithStrings("All")
                            .messageAttributeNames("All"))
                    .messages();
            received.forEach(message -> held.add(message.receiptHandle()));
            batch.addAll(received);
        } while (running && batch.size() < batchSize && System.currentTimeMillis() < deadline);
        return batch;
    }

    private void deliver(List<Message> batch) throws java.io.IOException {
        LocalFunction.Invocation answer = function.invoke(sqsEvent(batch));
        if (answer.failed()) {
            return; // the whole batch comes back after the visibility timeout
        }
        Set<String> failed = new HashSet<>();
        if (reportBatchItemFailures
                && answer.payload() != null
                && !answer.payload().equals("null")) {
            for (JsonNode failure : JSON.readTree(answer.payload()).path("batchItemFailures")) {
                failed.add(failure.path("itemIdentifier").asText());
            }
        }
        for (Message message : batch) {
            if (!failed.contains(message.messageId())) {
                queueAction.accept("sqs:DeleteMessage");
                sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    /** The event Lambda builds from a batch of SQS messages. */
    private String sqsEvent(List<Message> batch) throws java.io.IOException {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : batch) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            for (Map.Entry<MessageSystemAttributeName, String> attribute :
                    message.attributes().entrySet()) {
                attributes.put(attribute.getKey().toString(), attribute.getValue());
            }
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> {
                ObjectNode attribute = messageAttributes.putObject(name);
                attribute.put("stringValue", value.stringValue());
                attribute.put("dataType", value.dataType());
            });
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", com.wildrydes.local.template.LocalIds.REGION);
        }
        return JSON.writeValueAsString(event);
    }

    @Override
    public void close() {
        running = false;
        keeper.shutdownNow();
        receiver.interrupt();
        invocations.shutdownNow();
        try {
            receiver.join(5_000);
            invocations.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
