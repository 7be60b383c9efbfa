package com.wildrydes.constructs.internal;

/**
 * Checks a required prop when its props object is built, so that a missing one is named with what
 * it should be, instead of surfacing later as a bare {@code NullPointerException}.
 */
public final class RequiredProp {

    private RequiredProp() {}

    /** {@code value}, or an {@link IllegalArgumentException} naming {@code prop} and what it expects. */
    public static <T> T of(T value, String prop, String expected) {
        if (value == null) {
            throw new IllegalArgumentException(prop + " is required: expected " + expected + ", got null");
        }
        return value;
    }
}
