package com.wildrydes.lambdas.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads required fields out of a parsed JSON object, each check naming the field it failed on.
 * <p>
 * The rules for the API request bodies are the same as the API models' JSON schemas
 * ({@code RequestSchemas} in the constructs), limit for limit; a test runs both over one corpus of
 * bodies and fails on any disagreement:
 * <ul>
 * <li>text: a string of 1 to {@value #MAX_TEXT_LENGTH} characters (code points), no control
 * characters (U+0000 to U+001F, U+007F to U+009F), not only spaces (any Unicode space);</li>
 * <li>amount: from 0 to {@link #MAX_AMOUNT} with at most {@value #AMOUNT_DECIMALS} decimal places,
 * as a JSON number or as a plain decimal string ({@code "899.99"}: digits, at most one point, no
 * sign, exponent or spaces), because the workshop's own sample event sends numbers as strings;</li>
 * <li>no field but the expected ones.</li>
 * </ul>
 */
public final class RequestFields {

    public static final int MAX_TEXT_LENGTH = 200;
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999.99");
    public static final int AMOUNT_DECIMALS = 2;
    /** An amount written as a string: up to six digits, then optionally a point and one or two digits. */
    public static final Pattern AMOUNT_STRING = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1," + AMOUNT_DECIMALS + "})?");

    private final Map<String, Object> object;

    public RequestFields(Map<String, Object> object) {
        this.object = object;
    }

    /** Refuses any field that is not one of {@code allowed}, naming the first such field. */
    public RequestFields onlyFields(Set<String> allowed) {
        for (String field : object.keySet()) {
            if (!allowed.contains(field)) {
                throw new InvalidRequestException(
                        field, "is not a field of this request (expected only " + allowed + ")");
            }
        }
        return this;
    }

    /** A string that is present and not blank. */
    public String requiredText(String field) {
        Object value = object.get(field);
        if (value == null) {
            throw new InvalidRequestException(field, "is required");
        }
        if (!(value instanceof String text)) {
            throw new InvalidRequestException(field, "expected a string, got " + Json.write(value));
        }
        if (text.isBlank()) {
            throw new InvalidRequestException(field, "must not be empty");
        }
        return text;
    }

    /** {@link #requiredText} within the API's rules: length, no control characters, not only spaces. */
    public String requiredBoundedText(String field) {
        String text = requiredText(field);
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT_LENGTH) {
            throw new InvalidRequestException(
                    field, "must be at most " + MAX_TEXT_LENGTH + " characters, got " + length);
        }
        boolean onlySpaces = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                throw new InvalidRequestException(
                        field, String.format("must not contain control characters, got U+%04X", (int) c));
            }
            if (Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(++i)))) {
                throw new InvalidRequestException(field, "must be valid Unicode text, got an unpaired surrogate");
            }
            onlySpaces &= isSpace(c);
        }
        if (onlySpaces) {
            throw new InvalidRequestException(field, "must not be only spaces");
        }
        return text;
    }

    /**
     * An amount within the API's rules, normalised to at most {@value #AMOUNT_DECIMALS} decimal
     * places (256.50 stays 256.50; 256.5000 becomes 256.50; 6E+2 becomes 600).
     */
    public BigDecimal requiredAmount(String field) {
        Object value = object.get(field);
        if (value == null) {
            throw new InvalidRequestException(field, "is required");
        }
        BigDecimal number;
        if (value instanceof BigDecimal decimal) {
            number = decimal;
        } else if (value instanceof String text && AMOUNT_STRING.matcher(text).matches()) {
            number = new BigDecimal(text);
        } else if (value instanceof String text) {
            throw new InvalidRequestException(
                    field,
                    "expected a number (or a decimal string such as \"899.99\"), got "
                            + Json.write(text.length() > 40 ? text.substring(0, 40) + "..." : text));
        } else {
            throw new InvalidRequestException(field, "expected a number, got " + Json.write(value));
        }
        // Range first: comparing never expands the number, so 1e999999999 costs nothing here.
        if (number.signum() < 0) {
            throw new InvalidRequestException(field, "must not be negative");
        }
        if (number.compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidRequestException(field, "must be at most " + MAX_AMOUNT.toPlainString());
        }
        if (number.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (number.stripTrailingZeros().scale() > AMOUNT_DECIMALS) {
            throw new InvalidRequestException(field, "must have at most " + AMOUNT_DECIMALS + " decimal places");
        }
        return number.setScale(Math.max(0, Math.min(number.scale(), AMOUNT_DECIMALS)), RoundingMode.UNNECESSARY);
    }

    /** C0 and C1 controls, DEL included: the schema's {@code \u0000-\u001F\u007F-\u009F}. */
    static boolean isControl(char c) {
        return c <= 0x1F || (c >= 0x7F && c <= 0x9F);
    }

    /**
     * The spaces a value may not consist of only (besides controls): the space, Unicode's space
     * separators and the zero-width spaces. The schema lists the same characters.
     */
    static boolean isSpace(char c) {
        return c == ' '
                || c == 0xA0
                || c == 0x1680
                || c == 0x180E
                || (c >= 0x2000 && c <= 0x200B)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202F
                || c == 0x205F
                || c == 0x3000
                || c == 0xFEFF;
    }
}
