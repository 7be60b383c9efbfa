package com.wildrydes.lambdas.backend;

import java.util.function.DoubleSupplier;

/** Decides, message by message, whether to fail on purpose: a rate of 0 never does, 1 always does. */
public class FailureInjector {

    private final double rate;
    private final DoubleSupplier random;

    public FailureInjector(double rate, DoubleSupplier random) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("failure rate must be from 0 to 1, got " + rate);
        }
        this.rate = rate;
        this.random = random;
    }

    public boolean shouldFail() {
        return rate > 0 && random.getAsDouble() < rate;
    }
}
