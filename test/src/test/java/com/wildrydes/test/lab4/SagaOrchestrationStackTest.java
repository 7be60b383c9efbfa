package com.wildrydes.test.lab4;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.test.support.SynthesizedApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** What a learner deploys in lab 4, read off the synthesized template. */
class SagaOrchestrationStackTest {

    private final Template template = SynthesizedApp.template(WildRydesApp.LAB_4);

    @Test
    void theCompleteSagaAndTheStartingPointAreNamedAfterTheStack() {
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
                "StateMachineName", "wild-rydes-async-msg-4-complete",
                "TracingConfiguration", Map.of("Enabled", true),
                "LoggingConfiguration", Map.of("Level", "ALL", "IncludeExecutionData", false, "Destinations", Match.anyValue())));
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
                "StateMachineName", "wild-rydes-async-msg-4-start-here"));
    }

    @Test
    void transactionQueuesAreFilteredOnIsSuccessful() {
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "sqs", "RawMessageDelivery", true,
                "FilterPolicy", Map.of("IsSuccessful", List.of("true"))));
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "sqs", "RawMessageDelivery", true,
                "FilterPolicy", Map.of("IsSuccessful", List.of("false"))));
    }

    @Test
    void failedExecutionsAlarm() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "ExecutionsFailed",
                "Namespace", "AWS/States", "Threshold", 1));
    }

    @Test
    void theSagaMayUseTheTopicKeyToPublish() {
        template.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "PolicyName", Match.stringLikeRegexp("FareCollectionSagaStateMachineRole.*"),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Map.of("Effect", "Allow",
                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey"),
                        "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("FareCollectionSagaFareProcessingTopicKey.*"), "Arn"))))))));
    }

    @Test
    void hasTheOutputsALearnerNeeds() {
        Map<String, Map<String, Object>> outputs = template.findOutputs("*");
        for (String output : List.of("CompleteStateMachineArn", "StartHereStateMachineArn", "FaresTableName",
                "FareProcessingTopicArn", "SuccessfulTransactionsQueueUrl", "FailedTransactionsQueueUrl")) {
            assertTrue(outputs.containsKey(output), "missing output " + output + " in " + outputs.keySet());
        }
    }
}
