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
 * docs/learn-lab1.md as a learner follows it: its snippets, taken from the page, applied in order
 * to a copy of the start state; after each, the check says that step is done and the later ones are
 * not yet, and at the end the lab behaves as the finished one in local mode. For each step, one
 * mistake a learner makes is reported as wrong, in words naming it.
 */
class Lab1GuideTest {

    private static final String STACK_FILE = "learn/src/main/java/com/wildrydes/learn/lab1/Lab1Stack.java";
    private static final String HANDLER_FILE =
            "lambdas/src/main/java/com/wildrydes/lambdas/learn/Lab1SubmitRideCompletionHandler.java";
    private static final int STEPS = 6;

    private static List<GuideSnippets.Snippet> snippets;
    private static LearnerRun run;

    @BeforeAll
    static void readTheGuide() {
        snippets = GuideSnippets.of(RepositoryRoot.path().resolve("docs/learn-lab1.md"));
        run = new LearnerRun(
                Lab.LAB_1,
                STACK_FILE,
                "com.wildrydes.learn.lab1.Lab1Stack",
                HANDLER_FILE,
                "com.wildrydes.lambdas.learn.Lab1SubmitRideCompletionHandler");
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
            assertEquals(1, snippets.get(step - 1).lab());
        }
    }

    @Test
    void theStartStateRunsInLocalModeWithEveryStepNotYet() throws Exception {
        LabCheck.Report report = run.check(start(), true, false);
        assertTrue(report.notes().stream().anyMatch(note -> note.contains("answered 201")), report.text());
        for (StepResult step : report.steps()) {
            assertEquals(StepResult.State.NOT_YET, step.state(), report.text());
        }
    }

    @Test
    void afterEachStepsSnippetThatStepIsDoneAndTheLaterOnesAreNotYetAndTheEndBehavesAsTheFinishedLab()
            throws Exception {
        LearnerCopy copy = start();
        LabCheck.Report report = null;
        for (int step = 1; step <= STEPS; step++) {
            copy.apply(snippets.get(step - 1));
            // The publish call (step 4) and what follows from it are proven in local mode only.
            report = run.check(copy, step >= 4, step == STEPS);
            for (int earlier = 1; earlier <= step; earlier++) {
                assertEquals(
                        StepResult.State.DONE,
                        report.step(earlier).state(),
                        "after step " + step + ":\n" + report.text());
            }
            for (int later = step + 1; later <= STEPS; later++) {
                assertEquals(
                        StepResult.State.NOT_YET,
                        report.step(later).state(),
                        "after step " + step + ":\n" + report.text());
            }
        }
        assertTrue(report.allDone(), report.text());
        assertTrue(report.step(6).detail().contains("the fare-20 ride did not"), report.text());
        assertTrue(report.step(5).isDone() && report.step(4).detail().contains("reached the topic"), report.text());
        // What the steps build is what the finished lab has: the comparison lists nothing of it (only what
        // the steps leave out, such as the API's validation and the alarm topic).
        for (String line : report.comparison()) {
            assertTrue(
                    !line.contains("RideCompletionTopic")
                            && !line.contains("AWS::SNS::Subscription")
                            && !line.contains("TOPIC_ARN")
                            && !line.contains("sns:Publish"),
                    "left after the last step: " + line + "\n" + report.text());
        }
        assertTrue(report.comparison().stream().anyMatch(line -> line.contains("RequestValidator")), report.text());
    }

    @Test
    void step1WithoutTheKeyIsAnUnencryptedTopic() throws Exception {
        assertWrong(1, ".masterKey(topicKey)", "", false, "is not encrypted at rest");
    }

    @Test
    void step2WithSnsPublishAloneMissesTheKeyPermission() throws Exception {
        assertWrong(
                2,
                "TopicGrants.grantPublish(topic, submit);",
                "submit.getFunction().addToRolePolicy(PolicyStatement.Builder.create()"
                        + ".actions(List.of(\"sns:Publish\")).resources(List.of(topic.getTopicArn())).build());",
                false,
                "not use the topic's key");
    }

    @Test
    void step3WithTheTopicsNameInsteadOfItsArnIsNamed() throws Exception {
        assertWrong(3, "topic.getTopicArn()", "topic.getTopicName()", false, "not the ride-completion topic's ARN");
    }

    @Test
    void step4WithoutTheDistanceAttributeIsFoundInLocalMode() throws Exception {
        assertWrong(
                4,
                ", \"distance\", number(ride.distance())",
                "",
                true,
                "without the distance message attribute of type Number");
    }

    @Test
    void step5SubscribingOneServiceTwiceIsNamed() throws Exception {
        assertWrong(
                5,
                ".function(notification.getAlias())",
                ".function(accounting.getAlias())",
                false,
                "customer-accounting function is subscribed 2 times");
    }

    @Test
    void step6WithAFareOf20InsteadOf50IsNamed() throws Exception {
        assertWrong(6, "[\\\">=\\\", 50]", "[\\\">=\\\", 20]", false, "fare >= 20, expected fare >= 50");
    }

    private static void assertWrong(int step, String text, String replacement, boolean local, String words)
            throws Exception {
        LearnerCopy copy = start();
        for (int earlier = 1; earlier < step; earlier++) {
            copy.apply(snippets.get(earlier - 1));
        }
        copy.apply(snippets.get(step - 1).withMistake(text, replacement));
        LabCheck.Report report = run.check(copy, local, false);
        assertEquals(StepResult.State.WRONG, report.step(step).state(), report.text());
        assertTrue(report.step(step).detail().contains(words), report.text());
        assertTrue(!report.text().contains("Exception") && !report.text().contains("\tat "), report.text());
    }

    private static LearnerCopy start() {
        return new LearnerCopy(RepositoryRoot.path(), List.of(STACK_FILE, HANDLER_FILE));
    }
}
