package com.wildrydes.lambdas.common;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Reads required fields out of a parsed JSON object, each check naming the field it failed on.
 * Numbers may be JSON numbers or numeric strings ({@code 899.99} or {@code "899.99"}), because the
 * workshop's own sample event sends them as strings.
 */
public final class RequestFields {

    private final Map<String, Object> object;

    public RequestFields(Map<String, Object> object) {
        this.object = object;
    }

    /** A string that is present and not blank. */
    public String requiredText(String field) {
        Object value = object.get(field);
        if (value == null) {
            throw new InvalidRequestException(field, "is required");
        }
        if (!(value instanceof String text)) {
            throw new InvalidRequestException(field, "expected a string, got " + value);
        }
        if (text.isBlank()) {
            throw new InvalidRequestException(field, "must not be empty");
        }
        return text;
    }

    /** A number of zero or more, given as a JSON number or as a numeric string. */
    public BigDecimal requiredNonNegativeNumber(String field) {
        Object value = object.get(field);
        if (value == null) {
            throw new InvalidRequestException(field, "is required");
        }
        BigDecimal number;
        if (value instanceof BigDecimal decimal) {
            number = decimal;
        } else if (value instanceof Number whole) {
            number = new BigDecimal(whole.toString());
        } else if (value instanceof String text && !text.isBlank()) {
            number = parseDecimal(field, text.strip());
        } else {
            throw new InvalidRequestException(field, "expected a number, got " + Json.write(value));
        }
        if (number.signum() < 0) {
            throw new InvalidRequestException(field, "must not be negative, got " + number.toPlainString());
        }
        return number;
    }

    private static BigDecimal parseDecimal(String field, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, "expected a number, got \"" + text + "\"");
        }
    }
}
