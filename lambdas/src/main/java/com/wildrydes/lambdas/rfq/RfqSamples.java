package com.wildrydes.lambdas.rfq;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the scatter-gather's SnapStart priming marshals and signs, read as real input would be. */
final class RfqSamples {

    static final String RFQ_ID = "00000000-0000-0000-0000-000000000000";
    static final String QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/000000000000/priming";

    private RfqSamples() {}

    static RfqRequest request() {
        return RfqRequest.parse(RFQ_ID, "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"customer\": \"cmr\"}");
    }

    static Quote quote() {
        return Quote.parse("{\"responder\": \"priming\", \"rfq-id\": \"" + RFQ_ID + "\", \"quote\": 42}");
    }

    static RfqState closed() {
        return new RfqState(
                request(),
                List.of(new RfqState.CountedQuote("priming", BigDecimal.ONE)),
                1,
                1,
                Instant.EPOCH,
                true,
                RfqCompletion.ALL_ANSWERED);
    }
}
