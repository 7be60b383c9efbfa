package com.wildrydes.lambdas.common;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test's code printed to standard output, where the handlers' log lines go outside Lambda:
 * {@code @RegisterExtension final CapturedStandardOutput out = new CapturedStandardOutput();}.
 */
public final class CapturedStandardOutput implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream original;

    @Override
    public void beforeEach(ExtensionContext context) {
        original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(original);
    }

    /** Everything printed since the test began. */
    public String text() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
