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
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lambda's SQS event source mapping, with the template's settings: batches of at most the batch
 * size, gathered for at most the batching window; at most the maximum concurrency of invocations
 * at once; a failed invocation leaves its whole batch to come
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
 * <p>One poller per invocation the maximum concurrency allows, each receiving a batch and invoking
 * the function with it, as Lambda's pollers do. Only one of them long-polls the queue at a time: the
 * local SQS engine wakes every waiting long poll when one message arrives, and all but one come back
 * empty at once (AWS's long polls do not), which made about 2.4 receives per message in lab 2. A
 * poller whose last batch came back full expects more and short-polls beside the others, so a
 * backlog is still worked by every allowed invocation at once.
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
    private final ExecutorService pollers;
    /** Held by the one poller waiting in a long poll (see the class comment). */
    private final java.util.concurrent.locks.ReentrantLock longPoll = new java.util.concurrent.locks.ReentrantLock();

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
        this.pollers = Executors.newFixedThreadPool(maximumConcurrency, task -> {
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
        for (int i = 0; i < maximumConcurrency; i++) {
            pollers.submit(this::poll);
        }
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

    private void poll() {
        boolean backlog = false;
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                List<Message> batch = receiveBatch(backlog);
                backlog = batch.size() >= Math.min(10, batchSize);
                try {
                    if (!batch.isEmpty()) {
                        deliver(batch);
                    }
                } finally {
                    batch.forEach(message -> held.remove(message.receiptHandle()));
                }
            } catch (Exception e) {
                report(e);
            }
        }
    }

    private void report(Exception e) {
        if (running) {
            System.err.println("local mode: event source " + queueArn + " -> " + function.name() + ": " + e);
        }
    }

    /** A batch: gathered for at most the batching window; the first receive a short poll when a backlog is expected. */
    private List<Message> receiveBatch(boolean backlog) throws InterruptedException {
        List<Message> batch = new ArrayList<>();
        long deadline = System.currentTimeMillis() + windowMillis;
        boolean shortPoll = backlog;
        do {
            int wanted = Math.min(10, batchSize - batch.size());
            List<Message> received = shortPoll ? receive(wanted, 0) : List.of();
            if (received.isEmpty()) {
                longPoll.lockInterruptibly();
                try {
                    received = receive(wanted, 1);
                } finally {
                    longPoll.unlock();
                }
            }
            shortPoll = false;
            batch.addAll(received);
        } while (running && batch.size() < batchSize && System.currentTimeMillis() < deadline);
        return batch;
    }

    private List<Message> receive(int wanted, int waitSeconds) {
        queueAction.accept("sqs:ReceiveMessage");
        List<Message> received = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)
                        .maxNumberOfMessages(wanted)
                        .waitTimeSeconds(waitSeconds)
                        .messageSystemAttributeNamesWithStrings("All")
                        .messageAttributeNames("All"))
                .messages();
        received.forEach(message -> held.add(message.receiptHandle()));
        return received;
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
        pollers.shutdownNow();
        try {
            pollers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
