package com.wildrydes.constructs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.functions.JavaFunctionProps;
import com.wildrydes.constructs.messaging.FilteredSubscription;
import com.wildrydes.constructs.messaging.FilteredSubscriptionProps;
import com.wildrydes.constructs.saga.FareCollectionSaga;
import com.wildrydes.constructs.saga.FareCollectionSagaProps;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;

/**
 * The app-wide checks live in an aspect the app applies, not in static state the constructs fill:
 * with it applied, synthesis refuses what the checks find; each app is checked on its own.
 */
class WildRydesChecksTest {

    private static App checkedApp() {
        App app = new App();
        Aspects.of(app).add(new WildRydesChecks());
        return app;
    }

    private static void subscribeTheUnpublishedFunction(Stack stack) {
        JavaFunction pricing = new JavaFunction(
                stack,
                "Pricing",
                JavaFunctionProps.builder()
                        .code(TestStacks.jarCode(stack))
                        .handler("a.B::handleRequest")
                        .build());
        new FilteredSubscription(
                stack,
                "PricingSubscription",
                FilteredSubscriptionProps.builder()
                        .topic(TestStacks.topic(stack))
                        .function(pricing.getFunction())
                        .build());
    }

    private static void fareCollectionSaga(Stack stack, String id) {
        new FareCollectionSaga(
                stack,
                id,
                FareCollectionSagaProps.builder()
                        .chargeFunction(TestStacks.function(stack, id + "Charge"))
                        .creditFunction(TestStacks.function(stack, id + "Credit"))
                        .refundFunction(TestStacks.function(stack, id + "Refund"))
                        .stateMachineName("fare-collection")
                        .build());
    }

    @Test
    void aSubscriptionOnTheUnpublishedFunctionFailsSynthesisOfACheckedApp() {
        App app = checkedApp();
        subscribeTheUnpublishedFunction(new Stack(app, "Team"));
        RuntimeException error = assertThrows(RuntimeException.class, app::synth);
        assertTrue(
                error.getMessage().contains("Team/PricingSubscription")
                        && error.getMessage().contains("JavaFunction Team/Pricing,")
                        && error.getMessage().contains("bypassing SnapStart"),
                error.getMessage());
    }

    @Test
    void anAppThatDoesNotApplyTheChecksIsNotChecked() {
        App app = new App();
        subscribeTheUnpublishedFunction(new Stack(app, "Team"));
        assertDoesNotThrow(() -> app.synth());
    }

    @Test
    void twoStateMachinesOfOneNameInOneStackFailSynthesisNamingBoth() {
        App app = checkedApp();
        Stack stack = new Stack(app, "Team");
        fareCollectionSaga(stack, "Fares");
        fareCollectionSaga(stack, "MoreFares");
        RuntimeException error = assertThrows(RuntimeException.class, app::synth);
        String message = error.getMessage();
        assertTrue(
                message.contains("Team/MoreFares/StateMachine")
                        && message.contains("Team/Fares/StateMachine")
                        && message.contains("stateMachineName must be unique in its stack Team")
                        && message.contains("\"fare-collection\""),
                message);
    }

    @Test
    void appsInOneJvmAreCheckedApart() {
        // A static per-app registry once leaked between apps; each app now holds only its own checks.
        for (int i = 0; i < 2; i++) {
            App app = checkedApp();
            fareCollectionSaga(new Stack(app, "Team"), "Fares");
            assertDoesNotThrow(() -> app.synth());
        }
    }
}
