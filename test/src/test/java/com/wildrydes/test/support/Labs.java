package com.wildrydes.test.support;

import java.util.stream.Stream;
import software.amazon.awscdk.Stack;

/** The names of every stack the app synthesizes, so that per-stack tests cover a new lab by themselves. */
public final class Labs {

    private Labs() {}

    public static Stream<String> stackNames() {
        return SynthesizedApp.app().getNode().getChildren().stream()
                .filter(Stack.class::isInstance)
                .map(child -> ((Stack) child).getStackName())
                .sorted();
    }
}
