package com.wildrydes.lambdas.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A log line's fields come in the same order in every JVM, so that a Logs Insights {@code parse} with
 * a pattern over the message keeps matching after a cold start: the caller's order when it gives one,
 * by name otherwise ({@code Map.of} iterates in an order that changes from one JVM to the next).
 */
class StructuredLogTest {

    @RegisterExtension
    final CapturedStandardOutput out = new CapturedStandardOutput();

    @Test
    void fieldsWithoutAnOrderComeByName() {
        StructuredLog.info(
                "quote", Map.of("rfqId", "r-1", "responder", "A", "quote", 42, "outcome", "COUNTED", "answered", 1));
        assertEquals(
                "[INFO] {\"event\":\"quote\",\"answered\":1,\"outcome\":\"COUNTED\",\"quote\":42,\"responder\":\"A\",\"rfqId\":\"r-1\"}",
                out.text().strip());
    }

    @Test
    void fieldsInTheCallersOrderKeepIt() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("service", "s");
        fields.put("rideId", "r-1");
        fields.put("outcome", "processed");
        StructuredLog.info("ride-message", fields);
        assertEquals(
                "[INFO] {\"event\":\"ride-message\",\"service\":\"s\",\"rideId\":\"r-1\",\"outcome\":\"processed\"}",
                out.text().strip());
    }
}
