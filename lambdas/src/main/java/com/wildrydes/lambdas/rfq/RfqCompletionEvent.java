package com.wildrydes.lambdas.rfq;

import com.wildrydes.lambdas.common.WireName;
import java.util.List;

/** Published once when a request closes: every quote that counted, and why it closed. */
public record RfqCompletionEvent(
        @WireName(RfqRequest.RFQ_ID) String rfqId, String reason, int answered, int expected, List<QuoteView> quotes) {}
