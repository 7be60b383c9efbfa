package com.wildrydes.lambdas.rfq;

import com.wildrydes.lambdas.common.InvalidRequestException;
import com.wildrydes.lambdas.common.Json;
import com.wildrydes.lambdas.common.RequestFields;
import com.wildrydes.lambdas.common.WireName;
import java.math.BigDecimal;

/** One responder's answer to a request for quotes: {@code {"responder", "rfq-id", "quote"}}. */
public record Quote(
        String responder, @WireName(RfqRequest.RFQ_ID) String rfqId, BigDecimal quote) {

    /** Reads a response message; a quote is an amount as the APIs take them (0 to 999999.99, 2 decimals), the rfq-id a UUID. */
    public static Quote parse(String body) {
        RequestFields fields = new RequestFields(Json.parseObject(body));
        String responder = fields.requiredText("responder");
        String rfqId = RfqIds.requireValid(fields.requiredText(RfqRequest.RFQ_ID));
        if ("-".equals(responder)) {
            throw new InvalidRequestException("responder", "\"-\" is reserved for the request itself");
        }
        return new Quote(responder, rfqId, fields.requiredAmount("quote"));
    }

    public String toMessage() {
        return Json.write(this);
    }
}
