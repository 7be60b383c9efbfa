package com.wildrydes.local.console;

import java.util.regex.Pattern;

/**
 * Keeps card data out of the console: the saga's input carries a card number, expiry and CVV,
 * and the console shows payloads in a browser; those fields' values are masked wherever they
 * appear, in JSON text or in JSON escaped inside a string.
 */
final class Redaction {

    private static final Pattern CARD_FIELDS = Pattern.compile(
            "(\\\\*\"(?:cc|cvv|cardNumber|card_number|expiryDate)\\\\*\"\\s*:\\s*\\\\*\")((?:[^\"\\\\]|\\\\[^\"])*)(\\\\*\")");

    private Redaction() {}

    static String ofCardData(String text) {
        return text == null ? null : CARD_FIELDS.matcher(text).replaceAll("$1***$3");
    }
}
