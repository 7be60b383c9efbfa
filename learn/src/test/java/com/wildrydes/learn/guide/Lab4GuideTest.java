package com.wildrydes.learn.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.learn.check.Lab;
import com.wildrydes.learn.check.LabCheck;
import com.wildrydes.learn.check.StepResult;
import com.wildrydes.local.RepositoryRoot;
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

    private static List<GuideSnippets.Snippet> snippets;
    private static LearnerRun run;

    @BeforeAll
    static void readTheGuide() {
        snippets = GuideSnippets.of(RepositoryRoot.path().resolve("docs/learn-lab4.md"));
        run = new LearnerRun(Lab.LAB_4, STACK_FILE, "com.wildrydes.learn.lab4.Lab4Stack", null, null);
    }

    @AfterAll
    static void stop() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void theGuideHasOneSnippetPerStepInOrder() {
        assertEquals(STEPS, snippets.size(), snippets.toString());
        for (int step = 1; step <= STEPS; step++) {
            assertEquals(step, snippets.get(step - 1).step());
            assertEquals(4, snippets.get(step - 1).lab());
        }
    }

    @Test
    void afterEachStepsSnippetThatStepIsDoneAndTheLaterOnesAreNotYetAndTheSampleInputsTakeTheSagasPaths()
            throws Exception {
        LearnerCopy copy = start();
        LabCheck.Report report = run.check(copy, true, false);
        assertTrue(
                report.notes().stream().anyMatch(note -> note.contains("customer 3's execution succeeded")),
                report.text());
        report.steps().forEach(step -> assertEquals(StepResult.State.NOT_YET, step.state(), report.text()));
        LabCheck.Report last = null;
        for (int step = 1; step <= STEPS; step++) {
            copy.apply(snippets.get(step - 1));
            last = run.check(copy, step >= 3, false);
            for (int earlier = 1; earlier <= step; earlier++) {
                assertEquals(
                        StepResult.State.DONE, last.step(earlier).state(), "after step " + step + ":\n" + last.text());
            }
            for (int later = step + 1; later <= STEPS; later++) {
                assertEquals(
                        StepResult.State.NOT_YET, last.step(later).state(), "after step " + step + ":\n" + last.text());
            }
        }
        assertTrue(
                last.step(3).detail().contains("in local mode: RegisterFare, ChargeFare, CreditCustomerAccount"),
                last.text());
        assertTrue(last.step(5).detail().contains("RefundFare, SetFareStatusFailed, NotifyFailure"), last.text());
    }

    @Test
    void step1WithoutTheConditionWouldChargeTwice() throws Exception {
        assertWrong(1, "        .conditionExpression(\"attribute_not_exists(fareId)\")\n", "", "charged twice");
    }

    @Test
    void step2WithoutTheResultSelectorKeepsTheCard() throws Exception {
        String selector = snippets.get(1).code();
        String kept = selector.substring(
                selector.indexOf("        .resultSelector"), selector.indexOf("        .taskTimeout"));
        assertWrong(2, kept, "", "card number and CVV");
    }

    @Test
    void step3PublishingSuccessAsFalseIsNamed() throws Exception {
        assertWrong(
                3,
                "notify(\"NotifySuccess\", \"completed\", true)",
                "notify(\"NotifySuccess\", \"completed\", false)",
                "NotifySuccess publishes IsSuccessful=false");
    }

    @Test
    void step4CatchingThePythonErrorNameIsNamed() throws Exception {
        assertWrong(
                4,
                "\"com.wildrydes.lambdas.fares.PaymentAuthorizationException\"",
                "\"PaymentAuthorizationException\"",
                "as Python reports it");
    }

    @Test
    void step5CatchingTheCreditErrorWithoutTheRefundIsNamed() throws Exception {
        assertWrong(
                5,
                "creditCustomerAccount.addCatch(refundFare,",
                "creditCustomerAccount.addCatch(setFareStatusFailed,",
                "not to RefundFare: the customer would stay charged");
    }

    private static void assertWrong(int step, String text, String replacement, String words) throws Exception {
        LearnerCopy copy = start();
        for (int earlier = 1; earlier < step; earlier++) {
            copy.apply(snippets.get(earlier - 1));
        }
        copy.apply(snippets.get(step - 1).withMistake(text, replacement));
        LabCheck.Report report = run.check(copy, false, false);
        assertEquals(StepResult.State.WRONG, report.step(step).state(), report.text());
        assertTrue(report.step(step).detail().contains(words), report.text());
    }

    private static LearnerCopy start() {
        return new LearnerCopy(RepositoryRoot.path(), List.of(STACK_FILE));
    }
}
