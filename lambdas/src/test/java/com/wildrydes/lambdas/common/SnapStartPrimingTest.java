package com.wildrydes.lambdas.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.crac.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every handler that holds SDK clients, built as the Lambda runtime builds it (the no-arg
 * constructor, configured by the environment this module's tests run with, whose AWS endpoint
 * {@code http://127.0.0.1:9} answers nothing), registers a CRaC resource whose
 * {@code beforeCheckpoint}, what SnapStart calls before the snapshot, primes every client without
 * throwing and without a failure in its log.
 */
class SnapStartPrimingTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "com.wildrydes.lambdas.rides.SubmitRideCompletionHandler",
                "com.wildrydes.lambdas.rfq.SubmitRfqHandler",
                "com.wildrydes.lambdas.rfq.QueryRfqHandler",
                "com.wildrydes.lambdas.rfq.QuoteCollectorHandler",
                "com.wildrydes.lambdas.rfq.RfqDeadlineHandler",
                "com.wildrydes.lambdas.rfq.DemoResponderHandler"
            })
    void theRuntimeConstructorRegistersPrimingThatPrimesWithoutFailing(String handler) throws Exception {
        int before = SnapStartPriming.registered().size();
        Class<?> type = Class.forName(handler);
        type.getDeclaredConstructor().newInstance();

        List<SnapStartPriming> registered = SnapStartPriming.registered();
        assertEquals(before + 1, registered.size(), type.getSimpleName() + " registered no priming");
        SnapStartPriming priming = registered.get(registered.size() - 1);
        assertEquals(type.getSimpleName(), priming.handler());
        assertTrue(priming instanceof Resource, "not a CRaC resource");

        String log = capturingStandardOutput(() -> priming.beforeCheckpoint(null));
        assertFalse(log.contains("priming-failed"), log);
    }

    private static String capturingStandardOutput(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
