package com.wildrydes.lambdas.common;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * JSON in and out, with jackson-jr: a few hundred kilobytes instead of jackson-databind's
 * megabytes, which keeps the jar and the cold start small. Decimals parse as BigDecimal so that
 * a fare of 256.50 is never rounded through a double.
 */
public final class Json {

    private static final JSON MAPPER = JSON.std
            .with(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS);

    private Json() {
    }

    /**
     * Parses a JSON object.
     *
     * @throws InvalidRequestException if the text is not a JSON object
     */
    public static Map<String, Object> parseObject(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("body", "expected a JSON object, got an empty body");
        }
        try {
            Object value = MAPPER.anyFrom(text);
            if (!(value instanceof Map<?, ?>)) {
                throw new InvalidRequestException("body", "expected a JSON object, got " + describe(value));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) value;
            return object;
        } catch (IOException e) {
            throw new InvalidRequestException("body", "expected well-formed JSON: " + firstLine(e.getMessage()));
        }
    }

    /**
     * Parses a JSON array of strings, such as a list in a handler's environment.
     *
     * @throws IllegalStateException naming {@code setting} if the text is not one
     */
    public static List<String> parseStringArray(String text, String setting) {
        try {
            Object value = MAPPER.anyFrom(text);
            if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                return list.stream().map(String.class::cast).toList();
            }
            throw new IllegalStateException(setting + " must be a JSON array of strings, got "
                    + (value instanceof List<?> ? "an array with something other than strings" : describe(value)));
        } catch (IOException e) {
            throw new IllegalStateException(setting + " must be a JSON array of strings: " + firstLine(e.getMessage()));
        }
    }

    /** Writes a map, list, string, number or boolean as JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        return value instanceof java.util.List<?> ? "an array" : "a " + value.getClass().getSimpleName().toLowerCase();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
