package com.wildrydes.lambdas.rfq;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A request for quotes as stored: the request, the quotes counted so far, and whether it is still open. */
public record RfqState(
        RfqRequest request,
        List<CountedQuote> quotes,
        int expected,
        int answered,
        Instant deadline,
        boolean closed,
        String closedReason) {

    /** A quote as stored and counted. */
    public record CountedQuote(String responder, BigDecimal quote) {}

    /** Open: not closed and the deadline not passed. */
    public boolean isOpenAt(Instant now) {
        return !closed && now.isBefore(deadline);
    }
}
