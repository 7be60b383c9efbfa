package com.wildrydes.lambdas.rfq;

import com.wildrydes.lambdas.common.WireName;

/** The delayed message that closes a request at its deadline: only the request's correlation ID. */
public record RfqDeadlineMessage(
        @WireName(RfqRequest.RFQ_ID) String rfqId) {}
