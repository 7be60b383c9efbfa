package com.wildrydes.test.lab1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.test.support.SynthesizedApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** What a learner deploys in lab 1, read off the synthesized template. */
class FanOutFilteringStackTest {

    private final Template template = SynthesizedApp.template(WildRydesApp.LAB_1);

    @Test
    void hasTheWorkshopOutputs() {
        Map<String, Map<String, Object>> outputs = template.findOutputs("*");
        for (String output : List.of(
                "UnicornManagementServiceApiSubmitRideCompletionEndpoint",
                "SubmitRideCompletionFunctionArn",
                "CustomerAccountingFunctionArn",
                "CustomerNotificationFunctionArn",
                "ExtraordinaryRidesFunctionArn",
                "RidesTableName",
                "RideCompletionTopicArn")) {
            assertTrue(outputs.containsKey(output), "missing output " + output + " in " + outputs.keySet());
        }
    }

    @Test
    void threeSubscribersOnlyExtraordinaryRidesFiltered() {
        template.resourceCountIs("AWS::SNS::Subscription", 3);
        Map<String, Map<String, Object>> filtered = template.findResources(
                "AWS::SNS::Subscription", Map.of("Properties", Map.of("FilterPolicy", Match.anyValue())));
        assertEquals(1, filtered.size(), "only the extraordinary-rides subscription filters");
        assertTrue(filtered.keySet().iterator().next().startsWith("ExtraordinaryRides"));
    }

    @Test
    void functionsRunJavaOnArmWithSnapStart() {
        template.resourceCountIs("AWS::Lambda::Function", 4);
        template.allResourcesProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Runtime", "java25",
                        "Architectures", List.of("arm64"),
                        "SnapStart", Map.of("ApplyOn", "PublishedVersions")));
        template.resourceCountIs("AWS::Lambda::Alias", 4);
    }

    @Test
    void submitFunctionMayLogPutDeleteAndPublishOnly() {
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Map.of(
                        "PolicyName", Match.stringLikeRegexp("UnicornManagementServiceSubmitRideCompletion.*"),
                        "PolicyDocument",
                                Map.of(
                                        "Statement",
                                        List.of(
                                                Match.objectLike(Map.of(
                                                        "Action",
                                                        List.of("logs:CreateLogStream", "logs:PutLogEvents"))),
                                                Match.objectLike(Map.of(
                                                        "Action", List.of("dynamodb:DeleteItem", "dynamodb:PutItem"))),
                                                Match.objectLike(Map.of("Action", "sns:Publish")),
                                                Match.objectLike(Map.of(
                                                        "Action",
                                                        List.of("kms:Decrypt", "kms:GenerateDataKey"),
                                                        "Resource",
                                                        Map.of(
                                                                "Fn::GetAtt",
                                                                List.of(
                                                                        Match.stringLikeRegexp(
                                                                                "RideCompletionTopicKey.*"),
                                                                        "Arn"))))))));
    }

    @Test
    void topicIsEncryptedWithARotatingKeyAndRefusesPlainHttp() {
        template.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
        template.hasResourceProperties(
                "AWS::SNS::TopicPolicy",
                Map.of(
                        "PolicyDocument",
                        Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "Effect",
                                        "Deny",
                                        "Condition",
                                        Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }
}
