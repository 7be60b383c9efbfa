package com.wildrydes.constructs.internal;

import java.util.function.Supplier;
import software.constructs.Construct;

/**
 * Runs a construct's synth-time validation so that every refusal names where it happened: the
 * construct's path comes first, then the construct's own message (the prop, what was given and
 * what is expected).
 */
public final class ValidatedProps {

    private ValidatedProps() {}

    public static <T> T check(Construct construct, Supplier<T> validation) {
        try {
            return validation.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(construct.getNode().getPath() + ": " + e.getMessage(), e);
        }
    }

    public static void check(Construct construct, Runnable validation) {
        check(construct, () -> {
            validation.run();
            return null;
        });
    }
}
