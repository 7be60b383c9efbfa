package com.wildrydes.test.support;

import java.util.stream.Stream;

/** The names of every stack the app synthesizes, so that per-stack tests cover a new lab by themselves. */
public final class Labs {

    private Labs() {}

    public static Stream<String> stackNames() {
        return SynthesizedApp.stackNames().stream();
    }
}
