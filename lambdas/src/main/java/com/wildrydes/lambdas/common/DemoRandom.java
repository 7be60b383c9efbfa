package com.wildrydes.lambdas.common;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** The random numbers of the demo's choices: failure injection, a responder's availability, delay and quote. */
public final class DemoRandom implements DoubleSupplier {

    private final Random generator;

    private DemoRandom(Random generator) {
        this.generator = generator;
    }

    public static DemoRandom create() {
        return new DemoRandom(ThreadLocalRandom.current());
    }

    @Override
    public double getAsDouble() {
        return generator.nextDouble();
    }

    Random generator() {
        return generator;
    }
}
