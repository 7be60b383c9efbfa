package com.wildrydes.lambdas.rfq;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request for quotes as the query API and the completion event show it. */
final class RfqViews {

    private RfqViews() {}

    /** The workshop's answer ({@code rfq-id, from, to, customer, quotes}) plus whether it is open and who answered. */
    static Map<String, Object> queryAnswer(RfqState state, Instant now) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(RfqRequest.RFQ_ID, state.request().rfqId());
        answer.put("from", state.request().from());
        answer.put("to", state.request().to());
        answer.put("customer", state.request().customer());
        answer.put("quotes", quotes(state));
        answer.put("open", state.isOpenAt(now));
        answer.put("answered", state.answered());
        answer.put("expected", state.expected());
        answer.put("deadline", state.deadline().toString());
        return answer;
    }

    static List<QuoteView> quotes(RfqState state) {
        return state.quotes().stream()
                .map(quote -> new QuoteView(quote.responder(), quote.quote()))
                .toList();
    }
}
