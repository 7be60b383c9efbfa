package com.wildrydes.constructs.messaging;

import static com.wildrydes.constructs.TestStacks.assertMessage;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.wildrydes.constructs.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.MetricType;
import software.amazon.awscdk.services.lambda.MetricsConfig;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.sqs.QueueProps;

/**
 * The reuser's queues, or props for the queues the constructs create, passed through over the secure
 * defaults; every event source option of aws-cdk-lib's SqsEventSourceProps reaches the mapping.
 */
class QueuePassthroughTest {

    @Test
    void existingQueueAndDeadLetterQueueAreUsedAsTheyAreAndNothingIsCreatedForThem() {
        Stack stack = TestStacks.newStack();
        Queue dlq = new Queue(stack, "TheirDeadLetters");
        Queue queue = new Queue(stack, "TheirQueue");
        TopicQueueChain chain = new TopicQueueChain(
                stack,
                "Chain",
                TopicQueueChainProps.builder()
                        .topic(TestStacks.topic(stack))
                        .queue(queue)
                        .deadLetterQueue(dlq)
                        .build());
        assertSame(queue, chain.getQueue());
        assertSame(dlq, chain.getDeadLetterQueue());
        Template.fromStack(stack).resourceCountIs("AWS::SQS::Queue", 2);
    }

    @Test
    void queuePropsAndEventSourcePropsArePassedThroughKeepingTheSecureDefaults() {
        Stack stack = TestStacks.newStack();
        IFunction consumer = TestStacks.function(stack, "Consumer");
        Key key = new Key(stack, "TheirKey");
        new TopicQueueChain(
                stack,
                "Chain",
                TopicQueueChainProps.builder()
                        .topic(TestStacks.topic(stack))
                        .consumer(consumer)
                        .queueProps(QueueProps.builder()
                                .queueName("orders")
                                .encryption(QueueEncryption.KMS)
                                .encryptionMasterKey(key)
                                .receiveMessageWaitTime(Duration.seconds(20))
                                .build())
                        .deadLetterQueueProps(
                                QueueProps.builder().queueName("orders-dlq").build())
                        .eventSourceProps(SqsEventSourceProps.builder()
                                .batchSize(5)
                                .enabled(false)
                                .filters(List.of(FilterCriteria.filter(
                                        Map.of("body", Map.of("kind", FilterRule.isEqual("ride"))))))
                                .metricsConfig(MetricsConfig.builder()
                                        .metrics(List.of(MetricType.EVENT_COUNT))
                                        .build())
                                // Options newer than the library's minimum aws-cdk-lib (provisioned pollers) are
                                // passed on by name too: HandWrittenWiringReasonsTest checks that for every option.
                                .maxConcurrency(10)
                                .build())
                        .build());
        Template template = Template.fromStack(stack);

        template.hasResourceProperties(
                "AWS::SQS::Queue",
                Map.of(
                        "QueueName",
                        "orders",
                        "KmsMasterKeyId",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("TheirKey.*"), "Arn")),
                        "ReceiveMessageWaitTimeSeconds",
                        20,
                        "RedrivePolicy",
                        Match.objectLike(Map.of("maxReceiveCount", 5))));
        template.hasResourceProperties(
                "AWS::SQS::Queue",
                Map.of("QueueName", "orders-dlq", "SqsManagedSseEnabled", true, "MessageRetentionPeriod", 1209600));
        // TLS only on both created queues, as without props.
        template.resourceCountIs("AWS::SQS::QueuePolicy", 2);
        template.hasResourceProperties(
                "AWS::Lambda::EventSourceMapping",
                Map.of(
                        "BatchSize", 5,
                        "Enabled", false,
                        "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                        "FilterCriteria",
                                Map.of("Filters", List.of(Map.of("Pattern", "{\"body\":{\"kind\":[\"ride\"]}}"))),
                        "MetricsConfig", Map.of("Metrics", List.of("EventCount")),
                        "ScalingConfig", Map.of("MaximumConcurrency", 10)));
    }

    @Test
    void propsThatWouldDropASecureDefaultOrBeIgnoredAreRefused() {
        Stack stack = TestStacks.newStack();
        ITopic topic = TestStacks.topic(stack);
        assertMessage(
                "TestStack/Plain: TopicQueueChain: queueProps.encryption must keep the queue encrypted with a key SNS "
                        + "and Lambda can use (SQS_MANAGED, or KMS with your key), got UNENCRYPTED",
                () -> new TopicQueueChain(
                        stack,
                        "Plain",
                        TopicQueueChainProps.builder()
                                .topic(topic)
                                .queueProps(QueueProps.builder()
                                        .encryption(QueueEncryption.UNENCRYPTED)
                                        .build())
                                .build()));
        assertMessage(
                "TopicQueueChain: deadLetterQueueProps.enforceSSL must stay true (the queue refuses plain HTTP), got false",
                () -> new TopicQueueChain(
                        stack,
                        "Http",
                        TopicQueueChainProps.builder()
                                .topic(topic)
                                .deadLetterQueueProps(
                                        QueueProps.builder().enforceSsl(false).build())
                                .build()));
        assertMessage(
                "TestStack/Both: TopicQueueChain: give queue (an existing resource, used as it is) or queueProps "
                        + "(props of a new one), got both: queueProps would be ignored",
                () -> new TopicQueueChain(
                        stack,
                        "Both",
                        TopicQueueChainProps.builder()
                                .topic(topic)
                                .queue(new Queue(stack, "Mine"))
                                .queueProps(QueueProps.builder().build())
                                .build()));
        assertMessage(
                "TestStack/Window: eventSourceProps refused by aws-cdk-lib's SqsEventSource: Maximum batch size must "
                        + "be between 1 and 10 inclusive (given 50)",
                () -> new TopicQueueChain(
                        stack,
                        "Window",
                        TopicQueueChainProps.builder()
                                .topic(topic)
                                .consumer(TestStacks.function(stack, "Fn"))
                                .eventSourceProps(SqsEventSourceProps.builder()
                                        .batchSize(50)
                                        .build())
                                .build()));
    }

    @Test
    void subscriptionQueuesTakePropsAndExistingQueuesTheSameWay() {
        Stack stack = TestStacks.newStack();
        FilteredSubscription subscription = new FilteredSubscription(
                stack,
                "Sub",
                FilteredSubscriptionProps.builder()
                        .topic(TestStacks.topic(stack))
                        .function(TestStacks.function(stack, "Fn"))
                        .deadLetterQueueProps(
                                QueueProps.builder().queueName("sub-dlq").build())
                        .failedInvocationsQueueProps(
                                QueueProps.builder().queueName("sub-failed").build())
                        .build());
        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::SQS::Queue", Map.of("QueueName", "sub-dlq", "SqsManagedSseEnabled", true));
        template.hasResourceProperties(
                "AWS::SQS::Queue", Map.of("QueueName", "sub-failed", "SqsManagedSseEnabled", true));
        assertSame(
                subscription.getFailedInvocationsQueue(), subscription.getNode().findChild("FailedInvocationsQueue"));
        assertMessage(
                "TestStack/Managed: FilteredSubscription: deadLetterQueueProps.encryption must keep the queue "
                        + "encrypted with a key SNS and Lambda can use (SQS_MANAGED, or KMS with your key), got KMS_MANAGED",
                () -> new FilteredSubscription(
                        stack,
                        "Managed",
                        FilteredSubscriptionProps.builder()
                                .topic(TestStacks.topic(new Stack(stack, "Other")))
                                .queue(new Queue(stack, "Q"))
                                .deadLetterQueueProps(QueueProps.builder()
                                        .encryption(QueueEncryption.KMS_MANAGED)
                                        .build())
                                .build()));
        assertMessage(
                "FilteredSubscription: failedInvocationsQueueProps shape the failed-invocations queue this construct "
                        + "creates, but it creates none: configureAsyncInvoke is false",
                () -> new FilteredSubscription(
                        stack,
                        "NoConfig",
                        FilteredSubscriptionProps.builder()
                                .topic(TestStacks.topic(new Stack(stack, "Third")))
                                .function(TestStacks.function(stack, "Fn2"))
                                .configureAsyncInvoke(false)
                                .failedInvocationsQueueProps(
                                        QueueProps.builder().build())
                                .build()));
    }
}
