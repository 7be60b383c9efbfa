package com.wildrydes.lambdas.rfq;

import com.wildrydes.lambdas.common.Json;
import com.wildrydes.lambdas.common.RequestFields;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An instant ride request for quotes. Published to the request topic with its correlation ID
 * ({@code rfq-id}) and its return address ({@code reply-to}, the response queue's URL), as in
 * the talk's request-response pattern: responders need to know nothing else.
 */
public record RfqRequest(String rfqId, String from, String to, String customer) {

    public static final String RFQ_ID = "rfq-id";
    public static final String REPLY_TO = "reply-to";

    /** The body's fields. */
    public static final Set<String> FIELDS = new LinkedHashSet<>(List.of("from", "to", "customer"));

    /** Reads exactly {@code {"from", "to", "customer"}}, each text by the API's rules (see {@link RequestFields}). */
    public static RfqRequest parse(String rfqId, String body) {
        RequestFields fields = new RequestFields(Json.parseObject(body)).onlyFields(FIELDS);
        return new RfqRequest(
                rfqId,
                fields.requiredBoundedText("from"),
                fields.requiredBoundedText("to"),
                fields.requiredBoundedText("customer"));
    }

    /** The request message: the request, its correlation ID and where to answer. */
    public String toMessage(String replyTo) {
        return Json.write(new RfqRequestMessage(rfqId, from, to, customer, replyTo));
    }
}
