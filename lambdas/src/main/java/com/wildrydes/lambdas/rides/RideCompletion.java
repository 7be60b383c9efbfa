package com.wildrydes.lambdas.rides;

import com.wildrydes.lambdas.common.Json;
import com.wildrydes.lambdas.common.RequestFields;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A completed ride as the unicorn management service stores and publishes it. */
public record RideCompletion(String id, String from, String to, BigDecimal duration, BigDecimal distance,
                             String customer, BigDecimal fare) {

    /**
     * Reads the workshop's request body: from, to and customer as non-empty strings; duration,
     * distance and fare as non-negative numbers or numeric strings.
     *
     * @throws com.wildrydes.lambdas.common.InvalidRequestException naming the first field that is wrong
     */
    public static RideCompletion parse(String id, String body) {
        RequestFields fields = new RequestFields(Json.parseObject(body));
        return new RideCompletion(id,
                fields.requiredText("from"),
                fields.requiredText("to"),
                fields.requiredNonNegativeNumber("duration"),
                fields.requiredNonNegativeNumber("distance"),
                fields.requiredText("customer"),
                fields.requiredNonNegativeNumber("fare"));
    }

    /** The ride as the JSON message published to the ride-completion topic, numbers as JSON numbers. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("from", from);
        json.put("to", to);
        json.put("duration", duration);
        json.put("distance", distance);
        json.put("customer", customer);
        json.put("fare", fare);
        return Json.write(json);
    }
}
