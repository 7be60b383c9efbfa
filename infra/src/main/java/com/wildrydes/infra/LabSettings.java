package com.wildrydes.infra;

import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * The switches a learner passes at deploy time with {@code -c key=value} (or in cdk.json's
 * {@code context}), read once from the construct tree and checked, so that a typo stops synthesis
 * instead of deploying something else.
 *
 * @param snapStart {@code snapStart}: SnapStart on every function; false where Lambda does not offer it. Default: true.
 * @param alarmEmail {@code alarmEmail}: an address subscribed to each lab's alarm topic. Default: none.
 * @param reserveResponderConcurrency {@code reserveResponderConcurrency}: lab 3's demo responders
 *     reserve their concurrency; false in an account whose quota is too small. Default: true.
 */
record LabSettings(boolean snapStart, String alarmEmail, boolean reserveResponderConcurrency) {

    static final String SNAP_START = "snapStart";
    static final String ALARM_EMAIL = "alarmEmail";
    static final String RESERVE_RESPONDER_CONCURRENCY = "reserveResponderConcurrency";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    static LabSettings of(Construct scope) {
        return new LabSettings(
                booleanContext(scope, SNAP_START, true),
                emailContext(scope, ALARM_EMAIL),
                booleanContext(scope, RESERVE_RESPONDER_CONCURRENCY, true));
    }

    private static String emailContext(Construct scope, String key) {
        Object value = scope.getNode().tryGetContext(key);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String email = value.toString().trim();
        if (!EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("Context " + key + ": expected an e-mail address, got '" + value + "'");
        }
        return email;
    }

    /** A boolean from the context: the CLI passes {@code -c} values as strings, cdk.json as JSON values. */
    private static boolean booleanContext(Construct scope, String key, boolean defaultValue) {
        Object value = scope.getNode().tryGetContext(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("Context " + key + ": expected true or false, got '" + value + "'");
    }
}
