package com.wildrydes.lambdas.fares;

import com.wildrydes.lambdas.common.InvalidRequestException;

/** The checks every payment step makes on its typed input; a missing field raises {@link InvalidRequestException}. */
final class FareRequest {

    private FareRequest() {}

    /** The step got no input at all (an execution input of {@code null}). */
    static <T> T present(T input) {
        if (input == null) {
            throw new InvalidRequestException("input", "expected a JSON object, got nothing");
        }
        return input;
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "is required");
        }
        return value;
    }

    /** Whether the simulated gateway should fail this step: the customerId ends in the given suffix. */
    static boolean customerEndsWith(String customerId, String suffix) {
        return customerId != null && customerId.endsWith(suffix);
    }
}
