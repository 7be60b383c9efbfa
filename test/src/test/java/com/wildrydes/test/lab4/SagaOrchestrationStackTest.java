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
        template.hasResourceProperties(
                "AWS::StepFunctions::StateMachine",
                Map.of(
                        "StateMachineName", "wild-rydes-async-msg-4-complete",
                        "TracingConfiguration", Map.of("Enabled", true),
                        "LoggingConfiguration",
                                Map.of(
                                        "Level",
                                        "ALL",
                                        "IncludeExecutionData",
                                        false,
                                        "Destinations",
                                        Match.anyValue())));
        template.hasResourceProperties(
                "AWS::StepFunctions::StateMachine", Map.of("StateMachineName", "wild-rydes-async-msg-4-start-here"));
    }

    @Test
    void transactionQueuesAreFilteredOnIsSuccessful() {
        template.hasResourceProperties(
                "AWS::SNS::Subscription",
                Map.of(
                        "Protocol",
                        "sqs",
                        "RawMessageDelivery",
                        true,
                        "FilterPolicy",
                        Map.of("IsSuccessful", List.of("true"))));
        template.hasResourceProperties(
                "AWS::SNS::Subscription",
                Map.of(
                        "Protocol",
                        "sqs",
                        "RawMessageDelivery",
                        true,
                        "FilterPolicy",
                        Map.of("IsSuccessful", List.of("false"))));
    }

    /**
     * Four of the README's five sample inputs end in a failed execution by design (a declined card, a
     * compensated credit): no alarm counts failed executions. The two transaction queues, which nothing
     * in the lab consumes, alarm only on a notification left unread 10 days, before SQS drops it at 14.
     * The alarms watch what needs an operator.
     */
    @Test
    void alarmsFireOnWhatNeedsAnOperator() {
        template.resourcePropertiesCountIs("AWS::CloudWatch::Alarm", Map.of("MetricName", "ExecutionsFailed"), 0);
        template.resourcePropertiesCountIs(
                "AWS::CloudWatch::Alarm",
                Map.of("MetricName", "ApproximateAgeOfOldestMessage", "Threshold", 10 * 24 * 3600),
                2);
        template.resourcePropertiesCountIs(
                "AWS::CloudWatch::Alarm", Map.of("MetricName", "ApproximateAgeOfOldestMessage"), 2);
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "MetricName",
                        "ApproximateNumberOfMessagesVisible",
                        "Dimensions",
                        List.of(Map.of(
                                "Name",
                                "QueueName",
                                "Value",
                                Map.of(
                                        "Fn::GetAtt",
                                        List.of(
                                                Match.stringLikeRegexp("FareCollectionSagaOperatorActionsQueue.*"),
                                                "QueueName"))))));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "Metrics",
                        Match.arrayWith(List.of(Match.objectLike(Map.of("Expression", "timedOut + aborted"))))));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "MetricName",
                        Match.stringLikeRegexp(".*-UnexpectedFailures"),
                        "Namespace",
                        "WildRydes/FareCollectionSaga"));
    }

    /** Log groups under /aws/vendedlogs/ share one entry of the account's CloudWatch Logs resource policy. */
    @Test
    void bothStateMachinesLogToVendedLogGroups() {
        for (String name : List.of("wild-rydes-async-msg-4-complete-", "wild-rydes-async-msg-4-start-here-")) {
            template.hasResourceProperties(
                    "AWS::Logs::LogGroup",
                    Map.of(
                            "LogGroupName",
                            Map.of(
                                    "Fn::Join",
                                    List.of("", Match.arrayWith(List.of("/aws/vendedlogs/states/" + name))))));
        }
    }

    @Test
    void theSagaMayUseTheTopicKeyToPublish() {
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Map.of(
                        "PolicyName", Match.stringLikeRegexp("FareCollectionSagaStateMachineRole.*"),
                        "PolicyDocument",
                                Map.of(
                                        "Statement",
                                        Match.arrayWith(List.of(Map.of(
                                                "Effect",
                                                "Allow",
                                                "Action",
                                                List.of("kms:Decrypt", "kms:GenerateDataKey"),
                                                "Resource",
                                                Map.of(
                                                        "Fn::GetAtt",
                                                        List.of(
                                                                Match.stringLikeRegexp(
                                                                        "FareCollectionSagaFareProcessingTopicKey.*"),
                                                                "Arn"))))))));
    }

    @Test
    void hasTheOutputsALearnerNeeds() {
        Map<String, Map<String, Object>> outputs = template.findOutputs("*");
        for (String output : List.of(
                "CompleteStateMachineArn",
                "StartHereStateMachineArn",
                "FaresTableName",
                "FareProcessingTopicArn",
                "SuccessfulTransactionsQueueUrl",
                "FailedTransactionsQueueUrl",
                "OperatorActionsQueueUrl")) {
            assertTrue(outputs.containsKey(output), "missing output " + output + " in " + outputs.keySet());
        }
    }
}
