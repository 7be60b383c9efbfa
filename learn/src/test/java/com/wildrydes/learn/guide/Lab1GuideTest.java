package com.wildrydes.learn.guide;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.learn.check.Lab;
import com.wildrydes.learn.check.LabCheck;
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

    private static GuideSteps guide;

    @BeforeAll
    static void readTheGuide() {
        guide = new GuideSteps(
                "docs/learn-lab1.md",
                1,
                new LearnerRun(
                        Lab.LAB_1,
                        STACK_FILE,
                        "com.wildrydes.learn.lab1.Lab1Stack",
                        HANDLER_FILE,
                        "com.wildrydes.lambdas.learn.Lab1SubmitRideCompletionHandler"),
                List.of(STACK_FILE, HANDLER_FILE));
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
    void theStartStateRunsInLocalModeWithEveryStepNotYet() throws Exception {
        LabCheck.Report report = guide.check(guide.start(), true, false);
        assertTrue(report.notes().stream().anyMatch(note -> note.contains("answered 201")), report.text());
        GuideSteps.assertDoneUpTo(report, 0);
    }

    @Test
    void afterEachStepsSnippetThatStepIsDoneAndTheLaterOnesAreNotYetAndTheEndBehavesAsTheFinishedLab()
            throws Exception {
        LearnerCopy copy = guide.start();
        LabCheck.Report report = null;
        for (int step = 1; step <= STEPS; step++) {
            copy.apply(guide.snippets().get(step - 1));
            // The publish call (step 4) and what follows from it are proven in local mode only.
            report = guide.check(copy, step >= 4, step == STEPS);
            GuideSteps.assertDoneUpTo(report, step);
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
        guide.assertWrong(1, ".masterKey(topicKey)", "", false, "is not encrypted at rest");
    }

    @Test
    void step2WithSnsPublishAloneMissesTheKeyPermission() throws Exception {
        guide.assertWrong(
                2,
                "TopicGrants.grantPublish(topic, submit);",
                "submit.getFunction().addToRolePolicy(PolicyStatement.Builder.create()"
                        + ".actions(List.of(\"sns:Publish\")).resources(List.of(topic.getTopicArn())).build());",
                false,
                "not use the topic's key");
    }

    @Test
    void step3WithTheTopicsNameInsteadOfItsArnIsNamed() throws Exception {
        guide.assertWrong(
                3, "topic.getTopicArn()", "topic.getTopicName()", false, "not the ride-completion topic's ARN");
    }

    @Test
    void step4WithoutTheDistanceAttributeIsFoundInLocalMode() throws Exception {
        guide.assertWrong(
                4,
                ", \"distance\", number(ride.distance())",
                "",
                true,
                "without the distance message attribute of type Number");
    }

    @Test
    void step5SubscribingOneServiceTwiceIsNamed() throws Exception {
        guide.assertWrong(
                5,
                ".function(notification.getAlias())",
                ".function(accounting.getAlias())",
                false,
                "customer-accounting function is subscribed 2 times");
    }

    @Test
    void step6WithAFareOf20InsteadOf50IsNamed() throws Exception {
        guide.assertWrong(6, "[\\\">=\\\", 50]", "[\\\">=\\\", 20]", false, "fare >= 20, expected fare >= 50");
    }
}
