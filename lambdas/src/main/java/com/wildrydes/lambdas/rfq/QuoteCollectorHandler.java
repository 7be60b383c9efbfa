package com.wildrydes.lambdas.rfq;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.wildrydes.lambdas.common.SnapStartPriming;
import com.wildrydes.lambdas.common.SqsBatches;
import com.wildrydes.lambdas.common.StructuredLog;
import java.time.Duration;
import java.util.Map;

/**
 * The gather side: consumes the response queue and stores each quote once.
 * <ul>
 *   <li>A quote counts only for a responder the request expects ({@link ExpectedResponders}),
 *       once whatever the spelling of its name; one from any other name is refused: it fails and
 *       is dead-lettered like a malformed response.</li>
 *   <li>A redelivered or duplicated response changes nothing (the write is conditional).</li>
 *   <li>A quote that arrives after the deadline or after the request closed is not counted.</li>
 *   <li>A malformed response, or one for an unknown request, fails: it returns to the queue and,
 *       after the max receive count, lands in the dead-letter queue; it is never stored.</li>
 *   <li>A quote whose transaction DynamoDB cancels for any other reason (a conflict with another
 *       quote on the request item, throttling, a validation error) fails the same way: retried,
 *       and dead-lettered if it never succeeds; never dropped as late.</li>
 *   <li>The last expected quote closes the request and publishes the completion event.</li>
 * </ul>
 */
public class QuoteCollectorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final RfqStore store;
    private final RfqCompletion completion;
    private final ExpectedResponders expected;

    public QuoteCollectorHandler() {
        this(RfqHandlerEnvironment.store(), RfqMessaging.fromEnvironment(), RfqHandlerEnvironment.expectedResponders());
        SnapStartPriming.register(QuoteCollectorHandler.class, completion.primer());
    }

    public QuoteCollectorHandler(RfqStore store, RfqMessaging messaging, ExpectedResponders expected) {
        this.store = store;
        this.completion = new RfqCompletion(store, messaging);
        this.expected = expected;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatches.process(
                event, message -> collect(message.getMessageId(), message.getBody(), RfqCompletion.leaseFor(context)));
    }

    private void collect(String messageId, String body, Duration lease) {
        Quote sent = Quote.parse(body);
        String responder = expected.configuredName(sent.responder()).orElse(null);
        if (responder == null) {
            StructuredLog.info(
                    "quote",
                    Map.of(
                            "rfqId",
                            sent.rfqId(),
                            "responder",
                            sent.responder(),
                            "quote",
                            sent.quote(),
                            "outcome",
                            "REFUSED"));
            throw new UnexpectedResponderException(sent.responder(), expected.size());
        }
        Quote quote = new Quote(responder, sent.rfqId(), sent.quote());
        RfqStore.QuoteOutcome outcome = store.recordQuote(quote);
        StructuredLog.info(
                "quote",
                Map.of(
                        "rfqId",
                        quote.rfqId(),
                        "responder",
                        quote.responder(),
                        "quote",
                        quote.quote(),
                        "outcome",
                        outcome.name()));
        switch (outcome) {
            case COUNTED, DUPLICATE -> completion.closeIfAllAnswered(quote.rfqId(), messageId, lease);
            case LATE -> {
                /* not counted, nothing more to do */
            }
            case UNKNOWN_REQUEST -> throw new UnknownRequestException(quote.rfqId());
        }
    }
}
