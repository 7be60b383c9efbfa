package com.wildrydes.test.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.wildrydes.test.support.Labs;
import com.wildrydes.test.support.SynthesizedApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * An operator hears of what needs one: every place a message can end up unprocessed (a
 * dead-letter queue, a failed-invocations queue) has an alarm, and every alarm of every lab
 * notifies the lab's alarm topic.
 */
class AlarmCoverageTest {

    private static final Map<String, Object> ALARM_TOPIC =
            Map.of("Ref", Match.stringLikeRegexp("^AlarmTopic[0-9A-F]{8}$"));

    static Stream<String> stacks() {
        return Labs.stackNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void everyDeadLetterAndFailedInvocationsQueueHasAnAlarm(String stackName) {
        Template template = SynthesizedApp.template(stackName);
        Set<String> watched = new TreeSet<>();
        for (Map<String, Object> alarm :
                template.findResources("AWS::CloudWatch::Alarm").values()) {
            for (Object dimension : list(properties(alarm).get("Dimensions"))) {
                Object value = map(dimension).get("Value");
                if ("QueueName".equals(map(dimension).get("Name")) && value instanceof Map<?, ?> getAtt) {
                    watched.add(String.valueOf(list(getAtt.get("Fn::GetAtt")).get(0)));
                }
            }
        }
        Set<String> unprocessed = deadLetterQueues(template);
        assertFalse(unprocessed.isEmpty(), stackName + " has no dead-letter queues");
        List<String> unwatched = new ArrayList<>(unprocessed);
        unwatched.removeAll(watched);
        assertEquals(List.of(), unwatched, stackName + ": dead-letter or failed-invocations queues without an alarm");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void everyAlarmNotifiesTheLabsAlarmTopic(String stackName) {
        Template template = SynthesizedApp.template(stackName);
        assertFalse(template.findResources("AWS::CloudWatch::Alarm").isEmpty(), stackName + " has no alarms");
        template.allResourcesProperties("AWS::CloudWatch::Alarm", Map.of("AlarmActions", List.of(ALARM_TOPIC)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void theAlarmTopicIsEncryptedTlsOnlyAndCloudWatchMayUseItsKey(String stackName) {
        Template template = SynthesizedApp.template(stackName);
        template.hasResourceProperties(
                "AWS::SNS::Topic",
                Map.of(
                        "KmsMasterKeyId",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^AlarmTopicKey.*"), "Arn"))));
        template.hasResourceProperties(
                "AWS::SNS::TopicPolicy",
                Map.of(
                        "Topics", List.of(ALARM_TOPIC),
                        "PolicyDocument",
                                Map.of(
                                        "Statement",
                                        Match.arrayWith(List.of(
                                                Match.objectLike(Map.of(
                                                        "Effect",
                                                        "Deny",
                                                        "Condition",
                                                        Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
                                                Match.objectLike(Map.of(
                                                        "Effect",
                                                        "Allow",
                                                        "Action",
                                                        "sns:Publish",
                                                        "Principal",
                                                        Map.of("Service", "cloudwatch.amazonaws.com"),
                                                        "Condition",
                                                        Map.of(
                                                                "StringEquals",
                                                                Map.of(
                                                                        "aws:SourceAccount",
                                                                        Map.of("Ref", "AWS::AccountId"))))))))));
        template.hasResourceProperties(
                "AWS::KMS::Key",
                Map.of(
                        "EnableKeyRotation",
                        true,
                        "KeyPolicy",
                        Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "Effect",
                                        "Allow",
                                        "Action",
                                        List.of("kms:Decrypt", "kms:GenerateDataKey"),
                                        "Principal",
                                        Map.of("Service", "cloudwatch.amazonaws.com"),
                                        "Condition",
                                        Map.of(
                                                "StringEquals",
                                                Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"))))))))));
        template.hasOutput("AlarmTopicArn", Map.of("Value", ALARM_TOPIC));
    }

    /** Queues that receive what was not processed: redrive targets, subscription DLQs, Lambda on-failure destinations. */
    private static Set<String> deadLetterQueues(Template template) {
        Set<String> queues = new TreeSet<>();
        for (String type : List.of("AWS::SQS::Queue", "AWS::SNS::Subscription")) {
            for (Map<String, Object> resource : template.findResources(type).values()) {
                Object redrive = properties(resource).get("RedrivePolicy");
                if (redrive != null) {
                    queues.add(getAttTarget(map(redrive).get("deadLetterTargetArn")));
                }
            }
        }
        for (Map<String, Object> config :
                template.findResources("AWS::Lambda::EventInvokeConfig").values()) {
            Object onFailure = map(map(properties(config).get("DestinationConfig"))
                            .get("OnFailure"))
                    .get("Destination");
            queues.add(getAttTarget(onFailure));
        }
        return queues;
    }

    private static String getAttTarget(Object getAtt) {
        return String.valueOf(list(map(getAtt).get("Fn::GetAtt")).get(0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
