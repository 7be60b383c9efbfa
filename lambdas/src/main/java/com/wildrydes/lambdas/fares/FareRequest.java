package com.wildrydes.lambdas.fares;

import com.wildrydes.lambdas.common.InvalidRequestException;
import java.util.Map;

/** Reads the fields a payment step needs from its input; a missing one raises {@link InvalidRequestException}. */
final class FareRequest {

    private final Map<String, Object> input;

    FareRequest(Map<String, Object> input) {
        if (input == null) {
            throw new InvalidRequestException("input", "expected a JSON object, got nothing");
        }
        this.input = input;
    }

    String required(String field) {
        Object value = input.get(field);
        if (value == null || value.toString().isBlank()) {
            throw new InvalidRequestException(field, "is required");
        }
        return value.toString();
    }

    /** Whether the simulated gateway should fail this step: the customerId ends in the given suffix. */
    boolean customerEndsWith(String suffix) {
        Object customer = input.get("customerId");
        return customer != null && customer.toString().endsWith(suffix);
    }
}
