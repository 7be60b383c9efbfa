package com.wildrydes.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Lambda's asynchronous invocation of one function alias, as its {@code EventInvokeConfig} sets
 * it: the event is accepted at once, invoked, retried up to the maximum retry count after a
 * failure, and then sent to the on-failure destination (an SQS queue) as Lambda's invocation
 * record, with the request and the last error. A throttled invocation (the function did not run)
 * is not a failure: as Lambda documents, the event goes back to its queue and is tried again, the
 * wait growing from 1 second to at most 5 minutes, until the maximum event age, when it goes to the
 * on-failure destination with the condition {@code EventAgeExceeded}; throttles spend no retry.
 */
public final class AsyncInvoker implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalFunction function;
    private final int maximumRetryAttempts;
    private final String onFailureQueueUrl;
    private final Duration retryDelay;
    private final SqsClient sqs;
    private final Runnable sendingToDestination;
    private final Duration maximumEventAge;
    private static final Duration FIRST_THROTTLE_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_THROTTLE_WAIT = Duration.ofMinutes(5);
    private volatile com.wildrydes.local.console.LabEventListener events =
            com.wildrydes.local.console.LabEventListener.NONE;
    private final ExecutorService accepted = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "async-invoke");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param retryDelay the wait before each retry; Lambda waits 1 then 2 minutes, local mode
     *                   uses {@link com.wildrydes.local.LocalSettings#asyncRetryDelay()}
     */
    public AsyncInvoker(
            LocalFunction function,
            int maximumRetryAttempts,
            String onFailureQueueUrl,
            Duration retryDelay,
            SqsClient sqs,
            Runnable sendingToDestination) {
        this(
                function,
                maximumRetryAttempts,
                onFailureQueueUrl,
                retryDelay,
                sqs,
                sendingToDestination,
                Duration.ofHours(6));
    }

    /** @param maximumEventAge how long Lambda keeps a throttled event (the template's MaximumEventAgeInSeconds, 6 h by default) */
    public AsyncInvoker(
            LocalFunction function,
            int maximumRetryAttempts,
            String onFailureQueueUrl,
            Duration retryDelay,
            SqsClient sqs,
            Runnable sendingToDestination,
            Duration maximumEventAge) {
        this.maximumEventAge = maximumEventAge;
        this.sendingToDestination = sendingToDestination;
        this.function = function;
        this.maximumRetryAttempts = maximumRetryAttempts;
        this.onFailureQueueUrl = onFailureQueueUrl;
        this.retryDelay = retryDelay;
        this.sqs = sqs;
    }

    /** Where this invoker reports its retries and what it sends to the on-failure destination (the local console). */
    public void listen(com.wildrydes.local.console.LabEventListener listener) {
        this.events = listener;
    }

    /** Accepts the event, as Lambda answers 202 to an asynchronous invocation. */
    public void invokeAsync(String eventJson) {
        accepted.submit(() -> run(eventJson));
    }

    private void run(String eventJson) {
        long acceptedAt = System.nanoTime();
        LocalFunction.Invocation last = null;
        int attempts = 0;
        int failures = 0;
        Duration throttleWait = FIRST_THROTTLE_WAIT;
        String condition = "RetriesExhausted";
        while (true) {
            attempts++;
            if (attempts > 1) {
                // A throttled event is tried again without spending a retry, so the console says which it was.
                events.onEvent(com.wildrydes.local.console.LabEvent.of(
                        com.wildrydes.local.console.LabEvent.Kind.RETRIED,
                        function.name(),
                        last.throttled()
                                ? "tried again after a throttle"
                                : "retry " + failures + " of " + maximumRetryAttempts,
                        eventJson));
            }
            last = function.invoke(eventJson);
            if (!last.failed()) {
                return;
            }
            Duration wait;
            if (last.throttled()) {
                wait = throttleWait;
                throttleWait = throttleWait.multipliedBy(2).compareTo(LONGEST_THROTTLE_WAIT) > 0
                        ? LONGEST_THROTTLE_WAIT
                        : throttleWait.multipliedBy(2);
            } else if (failures++ < maximumRetryAttempts) {
                wait = retryDelay.multipliedBy(failures);
            } else {
                break;
            }
            if (Duration.ofNanos(System.nanoTime() - acceptedAt).plus(wait).compareTo(maximumEventAge) > 0) {
                condition = "EventAgeExceeded";
                break;
            }
            if (!sleep(wait)) {
                return;
            }
        }
        if (onFailureQueueUrl != null) {
            String record = invocationRecord(eventJson, last, attempts, condition);
            sendingToDestination.run();
            sqs.sendMessage(send -> send.queueUrl(onFailureQueueUrl).messageBody(record));
            events.onEvent(com.wildrydes.local.console.LabEvent.of(
                    com.wildrydes.local.console.LabEvent.Kind.DEAD_LETTERED,
                    onFailureQueueUrl,
                    "from " + function.name() + " after " + attempts + " attempts (" + condition + ")",
                    record));
        }
    }

    /** What Lambda sends to an on-failure destination when the retries are exhausted. */
    private String invocationRecord(String eventJson, LocalFunction.Invocation last, int attempts, String condition) {
        try {
            ObjectNode record = JSON.createObjectNode();
            record.put("version", "1.0");
            record.put("timestamp", Instant.now().toString());
            ObjectNode request = record.putObject("requestContext");
            request.put("requestId", UUID.randomUUID().toString());
            request.put("functionArn", function.arn());
            request.put("condition", condition);
            request.put("approximateInvokeCount", attempts);
            record.set("requestPayload", JSON.readTree(eventJson));
            ObjectNode response = record.putObject("responseContext");
            response.put("statusCode", 200);
            response.put("executedVersion", "$LATEST");
            response.put("functionError", "Unhandled");
            JsonNode payload = JSON.readTree(last.errorJson());
            record.set("responsePayload", payload);
            return JSON.writeValueAsString(record);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        accepted.shutdownNow();
        try {
            accepted.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
