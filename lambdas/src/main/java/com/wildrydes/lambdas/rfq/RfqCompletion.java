package com.wildrydes.lambdas.rfq;

import com.wildrydes.lambdas.common.SnapStartPriming;
import com.wildrydes.lambdas.common.StructuredLog;
import java.util.Map;

/**
 * Closes a request for quotes once, when every expected responder has answered or the deadline
 * has passed, and publishes the completion event. Only the caller that closed the request
 * publishes; if its publish fails it throws, its message is retried, and the retry (recognised
 * by the same message id) publishes.
 */
public class RfqCompletion {

    public static final String ALL_ANSWERED = "all-answered";
    public static final String DEADLINE = "deadline";

    private final RfqStore store;
    private final RfqMessaging messaging;

    public RfqCompletion(RfqStore store, RfqMessaging messaging) {
        this.store = store;
        this.messaging = messaging;
    }

    /**
     * After a quote (counted, or a redelivery of one): closes the request if every expected
     * responder has answered. Safe to repeat: closing is conditional.
     */
    public void closeIfAllAnswered(String rfqId, String messageId) {
        store.find(rfqId)
                .filter(state -> state.answered() >= state.expected())
                .ifPresent(state -> close(rfqId, ALL_ANSWERED, messageId));
    }

    /** When the deadline message arrives: closes the request if it is still open. Safe to repeat. */
    public void closeAtDeadline(String rfqId, String messageId) {
        close(rfqId, DEADLINE, messageId);
    }

    /** SnapStart priming of what closing uses: the store's requests and the messages. */
    public SnapStartPriming.Primer primer() {
        return SnapStartPriming.each(store.primer(), messaging.primer());
    }

    private void close(String rfqId, String reason, String messageId) {
        if (store.close(rfqId, reason, messageId)) {
            RfqState closed = store.find(rfqId).orElseThrow();
            messaging.publishCompletion(closed);
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
}
