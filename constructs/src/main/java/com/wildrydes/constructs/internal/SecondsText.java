package com.wildrydes.constructs.internal;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Tokenization;

/**
 * A duration in whole seconds as an environment variable's text. A duration known only at deploy
 * time (from a parameter) stays a reference that CloudFormation resolves; read as a Java number it
 * would be the token's encoding, a meaningless huge negative number.
 */
public final class SecondsText {

    private SecondsText() {}

    public static String of(Duration duration) {
        return duration.isUnresolved()
                ? Tokenization.stringifyNumber(duration.toSeconds())
                : Long.toString(duration.toSeconds().longValue());
    }
}
