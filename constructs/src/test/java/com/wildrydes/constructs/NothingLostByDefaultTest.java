package com.wildrydes.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.constructs.messaging.FilteredSubscription;
import com.wildrydes.constructs.messaging.FilteredSubscriptionProps;
import com.wildrydes.constructs.messaging.TopicQueueChain;
import com.wildrydes.constructs.messaging.TopicQueueChainProps;
import com.wildrydes.constructs.saga.FareCollectionSaga;
import com.wildrydes.constructs.saga.FareCollectionSagaProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.CfnAlarm;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * Nothing is lost by default: every queue the library creates has a consumer, or keeps a message as long
 * as SQS can (14 days) with an alarm on its oldest message; a dead-letter queue whose policy the library
 * cannot change is named in a warning with the statement its owner must add.
 */
class NothingLostByDefaultTest {

    private static final int FOURTEEN_DAYS = 14 * 24 * 3600;
    private static final int FOUR_DAYS = 4 * 24 * 3600;
    private static final String ORDERS = "arn:aws:sns:eu-west-1:123456789012:orders";
    private static final String AUDIT_DEAD_LETTERS = "arn:aws:sqs:eu-west-1:123456789012:audit-dead-letters";

    @Test
    void theSagasTransactionQueuesThatNothingReadsKeepMessagesFourteenDaysWithAnAgeAlarm() {
        Stack stack = TestStacks.newStack();
        FareCollectionSaga saga = new FareCollectionSaga(
                stack,
                "Saga",
                FareCollectionSagaProps.builder()
                        .chargeFunction(TestStacks.function(stack, "Charge"))
                        .creditFunction(TestStacks.function(stack, "Credit"))
                        .refundFunction(TestStacks.function(stack, "Refund"))
                        .build());
        Template template = Template.fromStack(stack);
        for (TopicQueueChain chain : List.of(saga.getSuccessfulTransactions(), saga.getFailedTransactions())) {
            String path = chain.getNode().getPath();
            assertEquals(FOURTEEN_DAYS, retentionSeconds(template, stack, chain.getQueue()), path);
            Alarm alarm = chain.getOldestMessageAlarm();
            assertNotNull(alarm, path + " has no alarm on its oldest message");
            assertOnOldestMessageOf(stack, chain.getQueue(), alarm);
            double threshold = ((CfnAlarm) alarm.getNode().getDefaultChild())
                    .getThreshold()
                    .doubleValue();
            assertTrue(
                    threshold > 24 * 3600 && threshold < FOURTEEN_DAYS,
                    path + ": the alarm must fire days before SQS drops the message, got " + threshold + " s");
        }
    }

    @Test
    void aChainWithoutAConsumerKeepsMessagesFourteenDaysAndAlarmsOnTheOldest() {
        Stack stack = TestStacks.newStack();
        TopicQueueChain unread = new TopicQueueChain(
                stack,
                "Unread",
                TopicQueueChainProps.builder().topic(TestStacks.topic(stack)).build());
        TopicQueueChain consumed = new TopicQueueChain(
                stack,
                "Consumed",
                TopicQueueChainProps.builder()
                        .topic(new Topic(stack, "Other"))
                        .consumer(TestStacks.function(stack, "Consumer"))
                        .build());
        Template template = Template.fromStack(stack);
        assertEquals(FOURTEEN_DAYS, retentionSeconds(template, stack, unread.getQueue()));
        assertNotNull(unread.getOldestMessageAlarm());
        assertOnOldestMessageOf(stack, unread.getQueue(), unread.getOldestMessageAlarm());
        assertEquals(FOUR_DAYS, retentionSeconds(template, stack, consumed.getQueue()));
    }

    @Test
    void anImportedDeadLetterQueueIsWarnedAboutWithTheStatementSnsNeeds() {
        Stack stack = pinnedStack();
        ITopic orders = Topic.fromTopicArn(stack, "Orders", ORDERS);
        new FilteredSubscription(
                stack,
                "Audit",
                FilteredSubscriptionProps.builder()
                        .topic(orders)
                        .queue(new Queue(stack, "AuditQueue"))
                        .deadLetterQueue(Queue.fromQueueArn(stack, "AuditDeadLetters", AUDIT_DEAD_LETTERS))
                        .build());
        Template.fromStack(stack);
        List<SynthesisMessage> warnings = Annotations.fromStack(stack)
                .findWarning(
                        "/TeamStack/Audit",
                        Match.stringLikeRegexp(".*sqs:SendMessage.*sns.amazonaws.com.*aws:SourceArn "
                                + ORDERS.replace(":", ".") + " on " + AUDIT_DEAD_LETTERS.replace(":", ".") + ".*"));
        assertEquals(
                1,
                warnings.size(),
                Annotations.fromStack(stack).findWarning("*", Match.anyValue()).toString());
    }

    @Test
    void aDeadLetterQueueOfTheAppGetsTheStatementOnceAndNoWarning() {
        Stack stack = pinnedStack();
        Queue deadLetters = new Queue(stack, "AuditDeadLetters");
        new FilteredSubscription(
                stack,
                "Audit",
                FilteredSubscriptionProps.builder()
                        .topic(Topic.fromTopicArn(stack, "Orders", ORDERS))
                        .queue(new Queue(stack, "AuditQueue"))
                        .deadLetterQueue(deadLetters)
                        .build());
        Template template = Template.fromStack(stack);
        String logicalId = stack.getLogicalId((CfnElement) deadLetters.getNode().getDefaultChild());
        Map<String, Map<String, Object>> policies = template.findResources(
                "AWS::SQS::QueuePolicy", Map.of("Properties", Map.of("Queues", List.of(Map.of("Ref", logicalId)))));
        assertEquals(1, policies.size(), policies.toString());
        Object statements = ((Map<?, ?>)
                        ((Map<?, ?>) policies.values().iterator().next().get("Properties")).get("PolicyDocument"))
                .get("Statement");
        assertEquals(1, ((List<?>) statements).size(), statements.toString());
        assertEquals(
                List.of(),
                Annotations.fromStack(stack).findWarning("/TeamStack/Audit", Match.stringLikeRegexp(".*own policy.*")));
    }

    private static Stack pinnedStack() {
        return new Stack(
                new App(),
                "TeamStack",
                StackProps.builder()
                        .env(Environment.builder()
                                .account("123456789012")
                                .region("eu-west-1")
                                .build())
                        .build());
    }

    private static int retentionSeconds(Template template, Stack stack, IQueue queue) {
        String logicalId = stack.getLogicalId((CfnElement) queue.getNode().getDefaultChild());
        Map<?, ?> resources = (Map<?, ?>) template.toJSON().get("Resources");
        Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) resources.get(logicalId)).get("Properties");
        return ((Number) properties.get("MessageRetentionPeriod")).intValue();
    }

    private static void assertOnOldestMessageOf(Stack stack, IQueue queue, Alarm alarm) {
        CfnAlarm cfn = (CfnAlarm) alarm.getNode().getDefaultChild();
        assertEquals("ApproximateAgeOfOldestMessage", cfn.getMetricName());
        String dimensions = String.valueOf(stack.resolve(cfn.getDimensions()));
        String queueId = stack.getLogicalId((CfnElement) queue.getNode().getDefaultChild());
        assertTrue(dimensions.contains(queueId), alarm.getNode().getPath() + " watches " + dimensions);
    }
}
