package com.wildrydes.lambdas.rfq;

import com.amazonaws.services.lambda.runtime.Context;
import com.wildrydes.lambdas.common.SnapStartPriming;
import com.wildrydes.lambdas.common.StructuredLog;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Closes a request for quotes once, when every expected responder has answered or the deadline
 * has passed, and publishes the completion event once.
 * <ul>
 *   <li>Only the caller that closed the request publishes; if its publish fails it throws, its
 *       message is retried, and the retry (recognised by the same message id) publishes.</li>
 *   <li>SQS may deliver that closing message twice at once: both deliveries see themselves as the
 *       closer, so the publish is claimed by a conditional write with a lease that ends with the
 *       claimer's invocation. The delivery that finds a live claim fails its message; SQS delivers
 *       it again after the queue's visibility timeout, when the event is published (nothing to do)
 *       or the claimer died before publishing (its lease has ended: this delivery publishes).</li>
 *   <li>The one window left is a claimer that dies after SNS accepted the publish and before it
 *       recorded that: its retry publishes again. Subscribers keep the {@code rfq-id} as the
 *       event's idempotency key for that case.</li>
 *   <li>A deadline message that arrives before the request's deadline does not close it: it fails,
 *       and SQS delivers it again after the deadline queue's visibility timeout.</li>
 * </ul>
 */
public class RfqCompletion {

    public static final String ALL_ANSWERED = "all-answered";
    public static final String DEADLINE = "deadline";

    private static final Duration MAX_INVOCATION = Duration.ofMinutes(15);

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
            case CLOSED_BY_CALLER -> publishOnce(rfqId, messageId, lease);
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
        store.markNotified(rfqId);
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
