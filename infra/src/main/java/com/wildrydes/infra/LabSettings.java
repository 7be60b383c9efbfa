package com.wildrydes.infra;

import software.constructs.Construct;

/**
 * The switches a learner passes at deploy time with {@code -c key=value} (or in cdk.json's
 * {@code context}), read once from the construct tree and checked, so that a typo stops synthesis
 * instead of deploying something else.
 *
 * @param snapStart {@code snapStart}: SnapStart on every function; false where Lambda does not offer it. Default: true.
 */
record LabSettings(boolean snapStart) {

    static final String SNAP_START = "snapStart";

    static LabSettings of(Construct scope) {
        return new LabSettings(booleanContext(scope, SNAP_START, true));
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
