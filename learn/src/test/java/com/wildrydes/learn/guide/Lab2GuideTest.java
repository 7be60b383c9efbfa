package com.wildrydes.learn.guide;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.learn.check.Lab;
import com.wildrydes.learn.check.LabCheck;
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

    private static GuideSteps guide;

    @BeforeAll
    static void readTheGuide() {
        guide = new GuideSteps(
                "docs/learn-lab2.md",
                2,
                new LearnerRun(Lab.LAB_2, STACK_FILE, "com.wildrydes.learn.lab2.Lab2Stack", null, null),
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
    void afterEachStepsSnippetThatStepIsDoneAndTheLaterOnesAreNotYetAndTheEndRetriesFromTheQueue() throws Exception {
        LearnerCopy copy = guide.start();
        LabCheck.Report report = guide.check(copy, true, false);
        assertTrue(report.notes().stream().anyMatch(note -> note.contains("answered 201")), report.text());
        GuideSteps.assertDoneUpTo(report, 0);
        LabCheck.Report last = null;
        for (int step = 1; step <= STEPS; step++) {
            copy.apply(guide.snippets().get(step - 1));
            // Messages flow once the last step is in: only then is local mode's proof run.
            last = guide.check(copy, step == STEPS, false);
            GuideSteps.assertDoneUpTo(last, step);
        }
        assertTrue(last.step(5).detail().contains("a failed ride was received again from its queue"), last.text());
        assertTrue(last.step(1).detail().contains("moved to the dead-letter queue"), last.text());
        assertTrue(last.step(3).detail().contains("a fare-20 ride did not reach extraordinary rides"), last.text());
    }

    @Test
    void step1WithoutADeadLetterQueueIsNamed() throws Exception {
        guide.assertWrong(
                1,
                "            .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(5).build())\n",
                "",
                "has no dead-letter queue");
    }

    @Test
    void step2WithoutTheSourceConditionLetsAnyTopicSend() throws Exception {
        guide.assertWrong(
                2,
                "        .conditions(Map.of(\"ArnEquals\", Map.of(\"aws:SourceArn\", topic.getTopicArn())))\n",
                "",
                "lets SNS send from any topic");
    }

    @Test
    void step3WithoutRawDeliveryIsNamed() throws Exception {
        guide.assertWrong(3, ".rawMessageDelivery(true)", ".rawMessageDelivery(false)", "without raw message delivery");
    }

    @Test
    void step4OnTheWrongQueueIsNamed() throws Exception {
        guide.assertWrong(
                4,
                ".resources(List.of(queue.getQueueArn()))",
                ".resources(List.of(queues.get(\"CustomerAccounting\").getQueueArn()))",
                "customer-notification function may poll CustomerAccountingQueue");
    }

    @Test
    void step5WithoutPartialBatchResponsesIsNamed() throws Exception {
        guide.assertWrong(
                5,
                ".reportBatchItemFailures(true)",
                ".reportBatchItemFailures(false)",
                "without ReportBatchItemFailures");
    }
}
