package com.wildrydes.lambdas.rfq;

import com.amazonaws.services.lambda.runtime.Context;
import com.wildrydes.lambdas.common.SnapStartPriming;
import com.wildrydes.lambdas.common.StructuredLog;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Closes a request for quotes once, when every expected responder has answered or the deadline
 * has passed, and publishes its completion event: at least once, and as one event (every copy is
 * the same message, its {@code rfq-id} the idempotency key a subscriber keeps).
 * <ul>
 *   <li>Whoever finds the request closed and the event not yet recorded as published publishes:
 *       the closing message, its retry, and also the deadline message or a redriven dead letter,
 *       so a closing message that failed until it was dead-lettered loses nothing.</li>
 *   <li>Several of those at once (SQS delivers at least once, even twice at the same time): the
 *       publish is claimed by a conditional write with a lease that ends with the claimer's
 *       invocation. The delivery that finds a live claim fails its message; SQS delivers it again
 *       after the queue's visibility timeout, when the event is published (nothing to do) or the
 *       claimer died before publishing (its lease has ended: this delivery publishes).</li>
 *   <li>What no claim can close: a publish SNS accepted whose success the publisher never recorded
 *       (its invocation timed out or crashed after the publish, its client timed out waiting for
 *       SNS's answer, or recording it failed). The retry cannot tell it from a publish that never
 *       reached SNS, so it publishes again, the same event. A standard SNS topic does not
 *       deduplicate: subscribers key on {@code rfq-id} (docs/reliability.md).</li>
 *   <li>A deadline message that arrives before the request's deadline does not close it: it fails,
 *       and SQS delivers it again after the deadline queue's visibility timeout.</li>
 * </ul>
 */
public class RfqCompletion {

    public static final String ALL_ANSWERED = "all-answered";
    public static final String DEADLINE = "deadline";

    private static final Duration MAX_INVOCATION = Duration.ofMinutes(15);
    /** Tries at recording a publish (each with the SDK's own retries). */
    private static final int RECORD_ATTEMPTS = 3;

    private final RfqStore store;
    private final RfqMessaging messaging;

    public RfqCompletion(RfqStore store, RfqMessaging messaging) {
        this.store = store;
        this.messaging = messaging;
    }

    /**
     * After a quote (counted, or a redelivery of one): closes the request if every expected
     * responder has answered. Safe to repeat: closing is conditional.
     *
     * @param lease how long this invocation may still run: a claim of the publish lasts that long
     */
    public void closeIfAllAnswered(String rfqId, String messageId, Duration lease) {
        store.find(rfqId)
                .filter(state -> state.answered() >= state.expected())
                .ifPresent(state -> close(rfqId, ALL_ANSWERED, messageId, lease));
    }

    /**
     * When the deadline message arrives: closes the request if it is still open and its deadline
     * has passed. Safe to repeat.
     *
     * @throws DeadlineNotReachedException if the request is open and its deadline is still ahead
     */
    public void closeAtDeadline(String rfqId, String messageId, Duration lease) {
        close(rfqId, DEADLINE, messageId, lease);
    }

    /**
     * How long a claim of the publish may last: the time the invocation has left, after which
     * Lambda has stopped it. Without a Lambda context (a caller outside Lambda), Lambda's longest
     * timeout, 15 minutes.
     */
    public static Duration leaseFor(Context context) {
        return context == null ? MAX_INVOCATION : Duration.ofMillis(Math.max(0, context.getRemainingTimeInMillis()));
    }

    /** SnapStart priming of what closing uses: the store's requests and the messages. */
    public SnapStartPriming.Primer primer() {
        return SnapStartPriming.each(store.primer(), messaging.primer());
    }

    private void close(String rfqId, String reason, String messageId, Duration lease) {
        switch (store.close(rfqId, reason, messageId)) {
            case NOTHING_TO_DO -> {
                return;
            }
            case DEADLINE_NOT_REACHED -> throw new DeadlineNotReachedException(rfqId);
            case TO_PUBLISH -> publishOnce(rfqId, messageId, lease);
        }
    }

    /**
     * Records the publish, tried again a few times beyond the SDK's own retries: the event is out,
     * and a record that fails costs a second copy of it (the retry publishes again). If it still
     * fails, the message fails, and its retry publishes the same event once more.
     */
    private void recordPublished(String rfqId) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.markNotified(rfqId);
                return;
            } catch (SdkException e) {
                if (attempt >= RECORD_ATTEMPTS) {
                    throw e;
                }
                StructuredLog.error(
                        "rfq-publish-not-recorded",
                        Map.of("rfqId", rfqId, "attempt", attempt, "error", String.valueOf(e.getMessage())));
                pause(Duration.ofMillis(100L * attempt));
            }
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publishOnce(String rfqId, String messageId, Duration lease) {
        String claimant = messageId + "/" + UUID.randomUUID();
        switch (store.claimPublish(rfqId, claimant, lease)) {
            case PUBLISHED -> {
                return;
            }
            case HELD -> throw new CompletionPublishInProgressException(rfqId);
            case CLAIMED -> {
                /* publish below */
            }
        }
        RfqState closed = store.find(rfqId).orElseThrow();
        try {
            messaging.publishCompletion(closed);
        } catch (RuntimeException e) {
            store.releasePublish(rfqId, claimant);
            throw e;
        }
        recordPublished(rfqId);
        StructuredLog.info(
                "rfq-completed",
                Map.of(
                        "rfqId",
                        rfqId,
                        "reason",
                        closed.closedReason(),
                        "answered",
                        closed.answered(),
                        "expected",
                        closed.expected()));
    }
}
