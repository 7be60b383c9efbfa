package com.wildrydes.learn.guide;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.learn.check.Lab;
import com.wildrydes.learn.check.LabCheck;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/learn-lab4.md as a learner follows it: its snippets, taken from the page, applied in order
 * to a copy of the start state; after each, that step is done and the later ones not yet, each
 * state machine run in local mode on the workshop's sample inputs from step 3 on. For each step, one
 * mistake is named.
 */
class Lab4GuideTest {

    private static final String STACK_FILE = "learn/src/main/java/com/wildrydes/learn/lab4/Lab4Stack.java";
    private static final int STEPS = 5;

    private static GuideSteps guide;

    @BeforeAll
    static void readTheGuide() {
        guide = new GuideSteps(
                "docs/learn-lab4.md",
                4,
                new LearnerRun(Lab.LAB_4, STACK_FILE, "com.wildrydes.learn.lab4.Lab4Stack", null, null),
                List.of(STACK_FILE));
    }

    @AfterAll
    static void stop() {
        if (guide != null) {
            guide.close();
        }
    }

    @Test
    void theGuideHasOneSnippetPerStepInOrder() {
        guide.assertOneSnippetPerStepInOrder(STEPS);
    }

    @Test
    void afterEachStepsSnippetThatStepIsDoneAndTheLaterOnesAreNotYetAndTheSampleInputsTakeTheSagasPaths()
            throws Exception {
        LearnerCopy copy = guide.start();
        LabCheck.Report report = guide.check(copy, true, false);
        assertTrue(
                report.notes().stream().anyMatch(note -> note.contains("customer 3's execution succeeded")),
                report.text());
        GuideSteps.assertDoneUpTo(report, 0);
        LabCheck.Report last = null;
        for (int step = 1; step <= STEPS; step++) {
            copy.apply(guide.snippets().get(step - 1));
            last = guide.check(copy, step >= 3, false);
            GuideSteps.assertDoneUpTo(last, step);
        }
        assertTrue(
                last.step(3).detail().contains("in local mode: RegisterFare, ChargeFare, CreditCustomerAccount"),
                last.text());
        assertTrue(last.step(5).detail().contains("RefundFare, SetFareStatusFailed, NotifyFailure"), last.text());
    }

    @Test
    void step1WithoutTheConditionWouldChargeTwice() throws Exception {
        guide.assertWrong(1, "        .conditionExpression(\"attribute_not_exists(fareId)\")\n", "", "charged twice");
    }

    @Test
    void step2WithoutTheResultSelectorKeepsTheCard() throws Exception {
        String selector = guide.snippets().get(1).code();
        String kept = selector.substring(
                selector.indexOf("        .resultSelector"), selector.indexOf("        .taskTimeout"));
        guide.assertWrong(2, kept, "", "card number and CVV");
    }

    @Test
    void step3PublishingSuccessAsFalseIsNamed() throws Exception {
        guide.assertWrong(
                3,
                "notify(\"NotifySuccess\", \"completed\", true)",
                "notify(\"NotifySuccess\", \"completed\", false)",
                "NotifySuccess publishes IsSuccessful=false");
    }

    @Test
    void step4CatchingThePythonErrorNameIsNamed() throws Exception {
        guide.assertWrong(
                4,
                "\"com.wildrydes.lambdas.fares.PaymentAuthorizationException\"",
                "\"PaymentAuthorizationException\"",
                "as Python reports it");
    }

    @Test
    void step5CatchingTheCreditErrorWithoutTheRefundIsNamed() throws Exception {
        guide.assertWrong(
                5,
                "creditCustomerAccount.addCatch(refundFare,",
                "creditCustomerAccount.addCatch(setFareStatusFailed,",
                "not to RefundFare: the customer would stay charged");
    }
}
