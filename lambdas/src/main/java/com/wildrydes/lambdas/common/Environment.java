package com.wildrydes.lambdas.common;

/** Reads a handler's configuration from its environment, failing at start-up when a setting is missing. */
public final class Environment {

    private Environment() {}

    public static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set");
        }
        return value;
    }

    /** A failure rate from 0 (never) to 1 (always); {@code fallback} when unset. */
    public static double rate(String name, double fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double rate = Double.parseDouble(value);
            if (rate >= 0 && rate <= 1) {
                return rate;
            }
        } catch (NumberFormatException ignored) {
            // reported below with what was expected
        }
        throw new IllegalStateException("Environment variable " + name + " must be a number from 0 to 1, got " + value);
    }
}
