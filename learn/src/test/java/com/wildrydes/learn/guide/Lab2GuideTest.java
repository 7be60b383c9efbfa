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
 * docs/learn-lab2.md as a learner follows it: its snippets, taken from the page, applied in order
 * to a copy of the start state; after each, that step is done and the later ones not yet; at the
 * end, in local mode, a failed ride is received again from its queue and then dead-lettered, and a
 * fare-20 ride does not reach extraordinary rides. For each step, one mistake is named.
 */
class Lab2GuideTest {

    private static final String STACK_FILE = "learn/src/main/java/com/wildrydes/learn/lab2/Lab2Stack.java";
    private static final int STEPS = 5;

    private static List<GuideSnippets.Snippet> snippets;
    private static LearnerRun run;

    @BeforeAll
    static void readTheGuide() {
        snippets = GuideSnippets.of(RepositoryRoot.path().resolve("docs/learn-lab2.md"));
        run = new LearnerRun(Lab.LAB_2, STACK_FILE, "com.wildrydes.learn.lab2.Lab2Stack", null, null);
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
            assertEquals(2, snippets.get(step - 1).lab());
        }
    }

    @Test
    void afterEachStepsSnippetThatStepIsDoneAndTheLaterOnesAreNotYetAndTheEndRetriesFromTheQueue() throws Exception {
        LearnerCopy copy = start();
        LabCheck.Report report = run.check(copy, true, false);
        assertTrue(report.notes().stream().anyMatch(note -> note.contains("answered 201")), report.text());
        report.steps().forEach(step -> assertEquals(StepResult.State.NOT_YET, step.state(), report.text()));
        LabCheck.Report last = null;
        for (int step = 1; step <= STEPS; step++) {
            copy.apply(snippets.get(step - 1));
            // Messages flow once the last step is in: only then is local mode's proof run.
            last = run.check(copy, step == STEPS, false);
            for (int earlier = 1; earlier <= step; earlier++) {
                assertEquals(
                        StepResult.State.DONE, last.step(earlier).state(), "after step " + step + ":\n" + last.text());
            }
            for (int later = step + 1; later <= STEPS; later++) {
                assertEquals(
                        StepResult.State.NOT_YET, last.step(later).state(), "after step " + step + ":\n" + last.text());
            }
        }
        assertTrue(last.step(5).detail().contains("a failed ride was received again from its queue"), last.text());
        assertTrue(last.step(1).detail().contains("moved to the dead-letter queue"), last.text());
        assertTrue(last.step(3).detail().contains("a fare-20 ride did not reach extraordinary rides"), last.text());
    }

    @Test
    void step1WithoutADeadLetterQueueIsNamed() throws Exception {
        assertWrong(
                1,
                "            .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(5).build())\n",
                "",
                "has no dead-letter queue");
    }

    @Test
    void step2WithoutTheSourceConditionLetsAnyTopicSend() throws Exception {
        assertWrong(
                2,
                "        .conditions(Map.of(\"ArnEquals\", Map.of(\"aws:SourceArn\", topic.getTopicArn())))\n",
                "",
                "lets SNS send from any topic");
    }

    @Test
    void step3WithoutRawDeliveryIsNamed() throws Exception {
        assertWrong(3, ".rawMessageDelivery(true)", ".rawMessageDelivery(false)", "without raw message delivery");
    }

    @Test
    void step4OnTheWrongQueueIsNamed() throws Exception {
        assertWrong(
                4,
                ".resources(List.of(queue.getQueueArn()))",
                ".resources(List.of(queues.get(\"CustomerAccounting\").getQueueArn()))",
                "customer-notification function may poll CustomerAccountingQueue");
    }

    @Test
    void step5WithoutPartialBatchResponsesIsNamed() throws Exception {
        assertWrong(
                5,
                ".reportBatchItemFailures(true)",
                ".reportBatchItemFailures(false)",
                "without ReportBatchItemFailures");
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
