package com.wildrydes.lambdas.rides;

import com.wildrydes.lambdas.common.Json;
import com.wildrydes.lambdas.common.RequestFields;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A completed ride as the unicorn management service stores and publishes it. */
public record RideCompletion(
        String id, String from, String to, BigDecimal duration, BigDecimal distance, String customer, BigDecimal fare) {

    /** The body's fields, in the order the workshop sends them. */
    public static final Set<String> FIELDS =
            new LinkedHashSet<>(List.of("from", "to", "duration", "distance", "customer", "fare"));

    /**
     * Reads the workshop's request body, exactly these fields: from, to and customer as text;
     * duration, distance and fare as amounts (see {@link RequestFields} for both rules).
     *
     * @throws com.wildrydes.lambdas.common.InvalidRequestException naming the first field that is wrong
     */
    public static RideCompletion parse(String id, String body) {
        RequestFields fields = new RequestFields(Json.parseObject(body)).onlyFields(FIELDS);
        return new RideCompletion(
                id,
                fields.requiredBoundedText("from"),
                fields.requiredBoundedText("to"),
                fields.requiredAmount("duration"),
                fields.requiredAmount("distance"),
                fields.requiredBoundedText("customer"),
                fields.requiredAmount("fare"));
    }

    /** A valid ride, read by {@link #parse} as a request's would be: what SnapStart priming sends nowhere. */
    public static RideCompletion sample() {
        return parse(
                "00000000-0000-0000-0000-000000000000",
                "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": 256.50}");
    }

    /** The ride as the JSON message published to the ride-completion topic, numbers as JSON numbers. */
    public String toJson() {
        return Json.write(this);
    }
}
