package com.wildrydes.lambdas.rfq;

import com.wildrydes.lambdas.common.Json;
import com.wildrydes.lambdas.common.RequestFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instant ride request for quotes. Published to the request topic with its correlation ID
 * ({@code rfq-id}) and its return address ({@code reply-to}, the response queue's URL), as in
 * the talk's request-response pattern: responders need to know nothing else.
 */
public record RfqRequest(String rfqId, String from, String to, String customer) {

    public static final String RFQ_ID = "rfq-id";
    public static final String REPLY_TO = "reply-to";

    /** Reads {@code {"from", "to", "customer"}}, each a non-empty string. */
    public static RfqRequest parse(String rfqId, String body) {
        RequestFields fields = new RequestFields(Json.parseObject(body));
        return new RfqRequest(rfqId, fields.requiredText("from"), fields.requiredText("to"), fields.requiredText("customer"));
    }

    /** The request message: the request, its correlation ID and where to answer. */
    public String toMessage(String replyTo) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put(RFQ_ID, rfqId);
        message.put("from", from);
        message.put("to", to);
        message.put("customer", customer);
        message.put(REPLY_TO, replyTo);
        return Json.write(message);
    }
}
