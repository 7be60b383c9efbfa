package com.wildrydes.test.lab2;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.test.support.SynthesizedApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** What a learner deploys in lab 2, read off the synthesized template. */
class TopicQueueChainingStackTest {

    private final Template template = SynthesizedApp.template(WildRydesApp.LAB_2);

    @Test
    void eachBackendReadsItsOwnQueueWithAtMostFiveConcurrentInvocations() {
        template.resourceCountIs("AWS::Lambda::EventSourceMapping", 3);
        template.allResourcesProperties(
                "AWS::Lambda::EventSourceMapping",
                Map.of(
                        "ScalingConfig", Map.of("MaximumConcurrency", 5),
                        "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                        "FunctionName", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(":live"))))));
        template.resourceCountIs("AWS::SNS::Subscription", 3);
        template.allResourcesProperties(
                "AWS::SNS::Subscription", Map.of("Protocol", "sqs", "RawMessageDelivery", true));
    }

    @Test
    void queuesHideAMessageSixTimesTheFunctionTimeoutAndDeadLetterItAfterFiveReceives() {
        template.resourceCountIs("AWS::SQS::Queue", 6);
        Map<String, Map<String, Object>> queues = template.findResources(
                "AWS::SQS::Queue", Map.of("Properties", Map.of("RedrivePolicy", Match.anyValue())));
        assertTrue(queues.size() == 3, "three chained queues, each with a dead-letter queue: " + queues.keySet());
        template.hasResourceProperties(
                "AWS::SQS::Queue",
                Map.of(
                        "VisibilityTimeout",
                        60,
                        "RedrivePolicy",
                        Map.of("maxReceiveCount", 5, "deadLetterTargetArn", Match.anyValue())));
    }

    @Test
    void alarmsOnDeadLettersAndBacklogForEachQueue() {
        template.resourceCountIs("AWS::CloudWatch::Alarm", 6);
    }

    @Test
    void hasTheWorkshopOutputsAndEachQueue() {
        Map<String, Map<String, Object>> outputs = template.findOutputs("*");
        for (String output : List.of(
                "UnicornManagementServiceApiSubmitRideCompletionEndpoint",
                "RidesTableName",
                "RideCompletionTopicArn",
                "SubmitRideCompletionFunctionArn",
                "CustomerAccountingFunctionArn",
                "CustomerAccountingQueueUrl",
                "CustomerAccountingDeadLetterQueueUrl",
                "CustomerNotificationFunctionArn",
                "CustomerNotificationQueueUrl",
                "CustomerNotificationDeadLetterQueueUrl",
                "ExtraordinaryRidesFunctionArn",
                "ExtraordinaryRidesQueueUrl",
                "ExtraordinaryRidesDeadLetterQueueUrl")) {
            assertTrue(outputs.containsKey(output), "missing output " + output + " in " + outputs.keySet());
        }
    }
}
