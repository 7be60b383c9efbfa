package com.wildrydes.lambdas.rfq;

import com.wildrydes.lambdas.common.WireName;

/**
 * The request message published to every responder: the request, its correlation ID and its
 * return address (the response queue's URL), under the workshop's names.
 */
public record RfqRequestMessage(
        @WireName(RfqRequest.RFQ_ID) String rfqId,
        String from,
        String to,
        String customer,
        @WireName(RfqRequest.REPLY_TO) String replyTo) {}
