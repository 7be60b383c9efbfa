package com.wildrydes.lambdas.fares;

import com.wildrydes.lambdas.common.InvalidRequestException;
import com.wildrydes.lambdas.common.RequestFields;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The checks every payment step makes on its typed input; a missing field raises {@link InvalidRequestException}. */
final class FareRequest {

    /**
     * An amount as a payment gateway takes it: the workshop's {@code "$20.00"} or a plain decimal (a JSON number
     * arrives as its text), the APIs' amount rule (see {@link RequestFields#AMOUNT_STRING}) behind an optional
     * dollar sign. No sign, exponent, spaces or words.
     */
    private static final Pattern AMOUNT = Pattern.compile("\\$?" + RequestFields.AMOUNT_STRING.pattern());

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

    /**
     * A required amount of money to charge: more than nothing and at most {@link RequestFields#MAX_AMOUNT}, in
     * cents. A negative, zero or unreadable amount is refused before anything is charged.
     */
    static String chargeableAmount(String field, String value) {
        String amount = required(field, value);
        if (!AMOUNT.matcher(amount).matches()) {
            // The value is not repeated: the message travels on as the failure notification's cause, and a
            // card number pasted into the wrong field must not be published with it.
            throw new InvalidRequestException(
                    field,
                    "expected an amount such as \"$20.00\" or \"20.00\", more than 0 and at most "
                            + RequestFields.MAX_AMOUNT.toPlainString() + ", with at most "
                            + RequestFields.AMOUNT_DECIMALS + " decimal places and no sign");
        }
        if (new BigDecimal(amount.startsWith("$") ? amount.substring(1) : amount).signum() == 0) {
            throw new InvalidRequestException(field, "must be more than 0: there is nothing to charge");
        }
        return amount;
    }

    /** Whether the simulated gateway should fail this step: the customerId ends in the given suffix. */
    static boolean customerEndsWith(String customerId, String suffix) {
        return customerId != null && customerId.endsWith(suffix);
    }

    /**
     * The simulated gateway's id for an operation on {@code key} ({@code ch_...} for the charge of a fare):
     * the same key gives the same id, as a real gateway called with an idempotency key answers a repeated
     * call with the first result. The saga retries an invoke that may have run (Lambda's service errors, a
     * client timeout); the retry then gets the first charge back instead of making a second one nobody records.
     */
    static String idFor(String prefix, String key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest((prefix + key).getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
