package com.wildrydes.constructs.messaging;

import static com.wildrydes.constructs.TestStacks.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.wildrydes.constructs.RoleActions;
import com.wildrydes.constructs.TestStacks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;

class FilteredSubscriptionTest {

    static final Map<String, Object> DENY_PLAIN_HTTP = Map.of(
            "Effect", "Deny",
            "Action", "sqs:*",
            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));

    @Test
    void functionSubscriberGetsDeadLetterQueueAndOnFailureDestination() {
        Stack stack = TestStacks.newStack();
        ITopic topic = TestStacks.topic(stack);
        FilteredSubscription subscription = new FilteredSubscription(
                stack,
                "Accounting",
                FilteredSubscriptionProps.builder()
                        .topic(topic)
                        .function(TestStacks.function(stack, "Fn"))
                        .build());
        Template template = Template.fromStack(stack);

        template.hasResourceProperties(
                "AWS::SNS::Subscription",
                Map.of(
                        "Protocol",
                        "lambda",
                        "RedrivePolicy",
                        Map.of(
                                "deadLetterTargetArn",
                                Map.of(
                                        "Fn::GetAtt",
                                        List.of(Match.stringLikeRegexp("AccountingDeadLetterQueue.*"), "Arn")))));
        template.hasResourceProperties(
                "AWS::Lambda::EventInvokeConfig",
                Map.of(
                        "MaximumRetryAttempts", 2,
                        "MaximumEventAgeInSeconds", 21600,
                        "DestinationConfig",
                                Map.of(
                                        "OnFailure",
                                        Map.of(
                                                "Destination",
                                                Map.of(
                                                        "Fn::GetAtt",
                                                        List.of(
                                                                Match.stringLikeRegexp(
                                                                        "AccountingFailedInvocationsQueue.*"),
                                                                "Arn"))))));
        template.hasResourceProperties(
                "AWS::Lambda::Permission",
                Map.of(
                        "Principal", "sns.amazonaws.com",
                        "Action", "lambda:InvokeFunction",
                        "SourceArn", Map.of("Ref", Match.stringLikeRegexp("Topic.*"))));
        // Lambda sends the failed event's record with the function's role: SendMessage, nothing more.
        assertEquals(
                Set.of("sqs:SendMessage"),
                RoleActions.allowed(template, "FnServiceRole", "AccountingFailedInvocationsQueue"));
        assertNotNull(subscription.getFailedInvocationsQueue());
        assertNotNull(subscription.getDeadLetterQueue());
    }

    @Test
    void everyQueueItCreatesIsEncryptedKeptFourteenDaysAndRefusesPlainHttp() {
        Stack stack = TestStacks.newStack();
        new FilteredSubscription(
                stack,
                "Sub",
                FilteredSubscriptionProps.builder()
                        .topic(TestStacks.topic(stack))
                        .function(TestStacks.function(stack, "Fn"))
                        .build());
        Template template = Template.fromStack(stack);

        template.resourceCountIs("AWS::SQS::Queue", 2);
        template.allResourcesProperties(
                "AWS::SQS::Queue", Map.of("SqsManagedSseEnabled", true, "MessageRetentionPeriod", 1209600));
        template.resourceCountIs("AWS::SQS::QueuePolicy", 2);
        template.allResourcesProperties(
                "AWS::SQS::QueuePolicy",
                Map.of(
                        "PolicyDocument",
                        Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(DENY_PLAIN_HTTP))))));
    }

    @Test
    void queueSubscriberGetsRawDeliveryAndAPolicyForThisTopicOnly() {
        Stack stack = TestStacks.newStack();
        Queue queue = new Queue(stack, "Queue");
        new FilteredSubscription(
                stack,
                "Sub",
                FilteredSubscriptionProps.builder()
                        .topic(TestStacks.topic(stack))
                        .queue(queue)
                        .filterPolicy(FilterPolicy.onMessageBody("{\"fare\": [{\"numeric\": [\">=\", 50]}]}"))
                        .build());
        Template template = Template.fromStack(stack);

        template.hasResourceProperties(
                "AWS::SNS::Subscription",
                Map.of(
                        "Protocol",
                        "sqs",
                        "RawMessageDelivery",
                        true,
                        "FilterPolicyScope",
                        "MessageBody",
                        "FilterPolicy",
                        Map.of("fare", List.of(Map.of("numeric", List.of(">=", 50))))));
        template.hasResourceProperties(
                "AWS::SQS::QueuePolicy",
                Map.of(
                        "Queues", List.of(Map.of("Ref", Match.stringLikeRegexp("Queue.*"))),
                        "PolicyDocument",
                                Map.of(
                                        "Statement",
                                        List.of(Map.of(
                                                "Sid", Match.stringLikeRegexp("AllowSendFrom.*"),
                                                "Effect", "Allow",
                                                "Principal", Map.of("Service", "sns.amazonaws.com"),
                                                "Action", "sqs:SendMessage",
                                                "Resource",
                                                        Map.of(
                                                                "Fn::GetAtt",
                                                                List.of(Match.stringLikeRegexp("Queue.*"), "Arn")),
                                                "Condition",
                                                        Map.of(
                                                                "ArnEquals",
                                                                Map.of(
                                                                        "aws:SourceArn",
                                                                        Map.of(
                                                                                "Ref",
                                                                                Match.stringLikeRegexp(
                                                                                        "Topic.*")))))))));
        template.resourceCountIs("AWS::Lambda::EventInvokeConfig", 0);
    }

    @Test
    void usesTheDeadLetterQueueItIsGiven() {
        Stack stack = TestStacks.newStack();
        Queue dlq = new Queue(stack, "MyDlq");
        FilteredSubscription subscription = new FilteredSubscription(
                stack,
                "Sub",
                FilteredSubscriptionProps.builder()
                        .topic(TestStacks.topic(stack))
                        .queue(new Queue(stack, "Queue"))
                        .deadLetterQueue(dlq)
                        .build());
        assertEquals(dlq, subscription.getDeadLetterQueue());
        assertNull(subscription.getFailedInvocationsQueue());
        Template.fromStack(stack).resourceCountIs("AWS::SQS::Queue", 2);
        assertNull(subscription.getDeadLetterAlarm(), "a given dead-letter queue is its owner's to watch");
        Template.fromStack(stack).resourceCountIs("AWS::CloudWatch::Alarm", 0);
    }

    @Test
    void alarmsOnTheFirstMessageInEachQueueItCreates() {
        Stack stack = TestStacks.newStack();
        FilteredSubscription subscription = new FilteredSubscription(
                stack,
                "Sub",
                FilteredSubscriptionProps.builder()
                        .topic(TestStacks.topic(stack))
                        .function(TestStacks.function(stack, "Fn"))
                        .build());
        Template template = Template.fromStack(stack);
        assertEquals(2, subscription.getAlarms().size());
        for (String queue : List.of("SubDeadLetterQueue", "SubFailedInvocationsQueue")) {
            template.hasResourceProperties(
                    "AWS::CloudWatch::Alarm",
                    Map.of(
                            "MetricName",
                            "ApproximateNumberOfMessagesVisible",
                            "Statistic",
                            "Maximum",
                            "Period",
                            60,
                            "Threshold",
                            0,
                            "ComparisonOperator",
                            "GreaterThanThreshold",
                            "Dimensions",
                            List.of(Map.of(
                                    "Name",
                                    "QueueName",
                                    "Value",
                                    Map.of(
                                            "Fn::GetAtt",
                                            List.of(Match.stringLikeRegexp("^" + queue + ".*"), "QueueName"))))));
        }
    }

    @Test
    void leavesAsyncInvokeAloneWhenAskedTo() {
        Stack stack = TestStacks.newStack();
        new FilteredSubscription(
                stack,
                "Sub",
                FilteredSubscriptionProps.builder()
                        .topic(TestStacks.topic(stack))
                        .function(TestStacks.function(stack, "Fn"))
                        .configureAsyncInvoke(false)
                        .build());
        Template.fromStack(stack).resourceCountIs("AWS::Lambda::EventInvokeConfig", 0);
    }

    @Test
    void refusesNeitherOrBothSubscribers() {
        Stack stack = TestStacks.newStack();
        ITopic topic = TestStacks.topic(stack);
        assertMessage(
                "expected a function or a queue, got neither",
                () -> new FilteredSubscription(
                        stack,
                        "A",
                        FilteredSubscriptionProps.builder().topic(topic).build()));
        assertMessage(
                "expected a function or a queue, got both",
                () -> new FilteredSubscription(
                        stack,
                        "B",
                        FilteredSubscriptionProps.builder()
                                .topic(topic)
                                .queue(new Queue(stack, "Q"))
                                .function(TestStacks.function(stack, "Fn"))
                                .build()));
    }

    @Test
    void refusesPropsThatDoNotApplyToTheSubscriber() {
        Stack stack = TestStacks.newStack();
        ITopic topic = TestStacks.topic(stack);
        assertMessage(
                "apply to a function subscriber only",
                () -> new FilteredSubscription(
                        stack,
                        "A",
                        FilteredSubscriptionProps.builder()
                                .topic(topic)
                                .queue(new Queue(stack, "Q"))
                                .retryAttempts(1)
                                .build()));
        assertMessage(
                "rawMessageDelivery applies to a queue subscriber only",
                () -> new FilteredSubscription(
                        stack,
                        "B",
                        FilteredSubscriptionProps.builder()
                                .topic(topic)
                                .function(TestStacks.function(stack, "Fn"))
                                .rawMessageDelivery(true)
                                .build()));
    }

    @Test
    void refusesRetriesAndEventAgesLambdaDoesNotAllow() {
        Stack stack = TestStacks.newStack();
        ITopic topic = TestStacks.topic(stack);
        assertMessage(
                "retryAttempts must be 0, 1 or 2 (Lambda's range), got 3",
                () -> new FilteredSubscription(
                        stack,
                        "A",
                        FilteredSubscriptionProps.builder()
                                .topic(topic)
                                .function(TestStacks.function(stack, "F1"))
                                .retryAttempts(3)
                                .build()));
        assertMessage(
                "maxEventAge must be from 1 minute to 6 hours (Lambda's range), got 7 hours",
                () -> new FilteredSubscription(
                        stack,
                        "B",
                        FilteredSubscriptionProps.builder()
                                .topic(topic)
                                .function(TestStacks.function(stack, "F2"))
                                .maxEventAge(Duration.hours(7))
                                .build()));
    }

    @Test
    void refusesAFunctionOnAFifoTopic() {
        Stack stack = TestStacks.newStack();
        Topic fifo = Topic.Builder.create(stack, "Fifo")
                .fifo(true)
                .topicName("rides.fifo")
                .build();
        assertMessage(
                "a FIFO topic delivers only to SQS queues",
                () -> new FilteredSubscription(
                        stack,
                        "A",
                        FilteredSubscriptionProps.builder()
                                .topic(fifo)
                                .function(TestStacks.function(stack, "Fn"))
                                .build()));
    }
}
