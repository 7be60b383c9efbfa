package com.wildrydes.lambdas.common;

import java.security.SecureRandom;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * The random numbers of the demo's choices: failure injection, a responder's availability, delay
 * and quote. The handlers create it during init, which SnapStart snapshots: every execution
 * environment resumed from that snapshot starts with the same heap. A java.util.Random or
 * ThreadLocalRandom seeded then would draw the same numbers in all of them (every copy failing,
 * or answering, in step). AWS's SnapStart uniqueness guidance names java.security.SecureRandom
 * as the generator that stays random across restores, so the demo draws from one.
 */
public final class DemoRandom implements DoubleSupplier {

    private final Random generator;

    private DemoRandom(Random generator) {
        this.generator = generator;
    }

    public static DemoRandom create() {
        return new DemoRandom(new SecureRandom());
    }

    @Override
    public double getAsDouble() {
        return generator.nextDouble();
    }

    Random generator() {
        return generator;
    }
}
