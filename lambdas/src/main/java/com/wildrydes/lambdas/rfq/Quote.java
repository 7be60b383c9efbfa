package com.wildrydes.lambdas.rfq;

import com.wildrydes.lambdas.common.InvalidRequestException;
import com.wildrydes.lambdas.common.Json;
import com.wildrydes.lambdas.common.RequestFields;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** One responder's answer to a request for quotes: {@code {"responder", "rfq-id", "quote"}}. */
public record Quote(String responder, String rfqId, BigDecimal quote) {

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
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("responder", responder);
        message.put(RfqRequest.RFQ_ID, rfqId);
        message.put("quote", quote);
        return Json.write(message);
    }
}
