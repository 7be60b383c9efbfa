package com.wildrydes.constructs.messaging;

import static com.wildrydes.constructs.TestStacks.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.wildrydes.constructs.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionAttributes;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;

class TopicQueueChainTest {

    private static IFunction consumer(Stack stack, int timeoutSeconds) {
        return Function.Builder.create(stack, "Consumer")
                .runtime(Runtime.NODEJS_22_X)
                .handler("index.handler")
                .code(TestStacks.inlineCode())
                .timeout(Duration.seconds(timeoutSeconds))
                .build();
    }

    private static TopicQueueChain chain(Stack stack, TopicQueueChainProps.Builder props) {
        return new TopicQueueChain(stack, "Chain", props.build());
    }

    @Test
    void defaultsFollowAwsGuidanceForLambdaEventSources() {
        Stack stack = TestStacks.newStack();
        TopicQueueChain chain = chain(
                stack,
                TopicQueueChainProps.builder().topic(TestStacks.topic(stack)).consumer(consumer(stack, 10)));
        Template template = Template.fromStack(stack);

        template.hasResourceProperties(
                "AWS::SQS::Queue",
                Map.of(
                        "VisibilityTimeout",
                        60,
                        "MessageRetentionPeriod",
                        345600,
                        "SqsManagedSseEnabled",
                        true,
                        "RedrivePolicy",
                        Map.of(
                                "maxReceiveCount",
                                5,
                                "deadLetterTargetArn",
                                Map.of(
                                        "Fn::GetAtt",
                                        List.of(Match.stringLikeRegexp("ChainDeadLetterQueue.*"), "Arn")))));
        template.hasResourceProperties(
                "AWS::Lambda::EventSourceMapping",
                Map.of(
                        "BatchSize", 10,
                        "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                        "EventSourceArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ChainQueue.*"), "Arn")),
                        "ScalingConfig", Match.absent(),
                        "MaximumBatchingWindowInSeconds", Match.absent()));
        template.hasResourceProperties(
                "AWS::SNS::Subscription",
                Map.of(
                        "Protocol",
                        "sqs",
                        "RawMessageDelivery",
                        true,
                        "RedrivePolicy",
                        Map.of(
                                "deadLetterTargetArn",
                                Map.of(
                                        "Fn::GetAtt",
                                        List.of(Match.stringLikeRegexp("ChainDeadLetterQueue.*"), "Arn")))));
        template.resourceCountIs("AWS::SQS::Queue", 2);
        assertNotNull(chain.getEventSourceMapping());
        assertEquals(
                chain.getDeadLetterQueue(), chain.getSubscription().getDeadLetterQueue(), "one place for dead letters");
    }

    @Test
    void queuePolicyLetsOnlyThisTopicSendAndRefusesPlainHttp() {
        Stack stack = TestStacks.newStack();
        chain(stack, TopicQueueChainProps.builder().topic(TestStacks.topic(stack)));
        Template.fromStack(stack)
                .hasResourceProperties(
                        "AWS::SQS::QueuePolicy",
                        Map.of(
                                "Queues", List.of(Map.of("Ref", Match.stringLikeRegexp("ChainQueue.*"))),
                                "PolicyDocument",
                                        Map.of(
                                                "Statement",
                                                List.of(
                                                        Match.objectLike(FilteredSubscriptionTest.DENY_PLAIN_HTTP),
                                                        Map.of(
                                                                "Sid",
                                                                Match.stringLikeRegexp("AllowSendFrom.*"),
                                                                "Effect",
                                                                "Allow",
                                                                "Principal",
                                                                Map.of("Service", "sns.amazonaws.com"),
                                                                "Action",
                                                                "sqs:SendMessage",
                                                                "Resource",
                                                                Map.of(
                                                                        "Fn::GetAtt",
                                                                        List.of(
                                                                                Match.stringLikeRegexp("ChainQueue.*"),
                                                                                "Arn")),
                                                                "Condition",
                                                                Map.of(
                                                                        "ArnEquals",
                                                                        Map.of(
                                                                                "aws:SourceArn",
                                                                                Map.of(
                                                                                        "Ref",
                                                                                        Match.stringLikeRegexp(
                                                                                                "Topic.*")))))))));
    }

    @Test
    void consumerMayReceiveAndDeleteFromItsQueueOnly() {
        Stack stack = TestStacks.newStack();
        chain(
                stack,
                TopicQueueChainProps.builder().topic(TestStacks.topic(stack)).consumer(consumer(stack, 10)));
        Template.fromStack(stack)
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        Map.of(
                                "PolicyDocument",
                                Map.of(
                                        "Statement",
                                        List.of(Map.of(
                                                "Effect",
                                                "Allow",
                                                "Action",
                                                List.of(
                                                        "sqs:ReceiveMessage",
                                                        "sqs:DeleteMessage",
                                                        "sqs:GetQueueAttributes"),
                                                "Resource",
                                                Map.of(
                                                        "Fn::GetAtt",
                                                        List.of(Match.stringLikeRegexp("ChainQueue.*"), "Arn")))))));
    }

    @Test
    void withoutAConsumerItIsTheBufferOnly() {
        Stack stack = TestStacks.newStack();
        TopicQueueChain chain = chain(stack, TopicQueueChainProps.builder().topic(TestStacks.topic(stack)));
        Template template = Template.fromStack(stack);
        template.resourceCountIs("AWS::Lambda::EventSourceMapping", 0);
        template.hasResourceProperties(
                "AWS::SQS::Queue", Map.of("VisibilityTimeout", 30, "RedrivePolicy", Match.anyValue()));
        assertNull(chain.getEventSourceMapping());
    }

    @Test
    void takesEveryProp() {
        Stack stack = TestStacks.newStack();
        chain(
                stack,
                TopicQueueChainProps.builder()
                        .topic(TestStacks.topic(stack))
                        .consumer(consumer(stack, 10))
                        .visibilityTimeout(Duration.minutes(2))
                        .retentionPeriod(Duration.days(7))
                        .maxReceiveCount(3)
                        .batchSize(100)
                        .maxBatchingWindow(Duration.seconds(5))
                        .maxConcurrency(5)
                        .rawMessageDelivery(false)
                        .oldestMessageAlarmAge(Duration.minutes(3))
                        .filterPolicy(FilterPolicy.onMessageAttributes("{\"fare\": [{\"numeric\": [\">=\", 50]}]}")));
        Template template = Template.fromStack(stack);
        template.hasResourceProperties(
                "AWS::SQS::Queue",
                Map.of(
                        "VisibilityTimeout",
                        120,
                        "MessageRetentionPeriod",
                        604800,
                        "RedrivePolicy",
                        Map.of("maxReceiveCount", 3, "deadLetterTargetArn", Match.anyValue())));
        template.hasResourceProperties(
                "AWS::Lambda::EventSourceMapping",
                Map.of(
                        "BatchSize",
                        100,
                        "MaximumBatchingWindowInSeconds",
                        5,
                        "ScalingConfig",
                        Map.of("MaximumConcurrency", 5)));
        template.hasResourceProperties(
                "AWS::SNS::Subscription",
                Map.of(
                        "RawMessageDelivery",
                        false,
                        "FilterPolicy",
                        Map.of("fare", List.of(Map.of("numeric", List.of(">=", 50))))));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "MetricName",
                        "ApproximateAgeOfOldestMessage",
                        "Threshold",
                        180,
                        "ComparisonOperator",
                        "GreaterThanOrEqualToThreshold"));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "MetricName",
                        "ApproximateNumberOfMessagesVisible",
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
                                        List.of(Match.stringLikeRegexp("ChainDeadLetterQueue.*"), "QueueName"))))));
    }

    @Test
    void visibilityTimeoutIncludesTheBatchingWindow() {
        Stack stack = TestStacks.newStack();
        chain(
                stack,
                TopicQueueChainProps.builder()
                        .topic(TestStacks.topic(stack))
                        .consumer(consumer(stack, 10))
                        .maxBatchingWindow(Duration.seconds(20)));
        Template.fromStack(stack).hasResourceProperties("AWS::SQS::Queue", Map.of("VisibilityTimeout", 80));
    }

    @Test
    void subscribesAnExistingQueueAsItIs() {
        Stack stack = TestStacks.newStack();
        Queue existing = new Queue(stack, "Existing");
        TopicQueueChain chain = chain(
                stack,
                TopicQueueChainProps.builder().topic(TestStacks.topic(stack)).queue(existing));
        assertEquals(existing, chain.getQueue());
        Template.fromStack(stack)
                .resourceCountIs("AWS::SQS::Queue", 2); // the existing one and the SNS dead-letter queue
    }

    @Test
    void fifoTopicChainsToAFifoQueue() {
        Stack stack = TestStacks.newStack();
        Topic fifo = Topic.Builder.create(stack, "Fifo")
                .fifo(true)
                .topicName("rides.fifo")
                .build();
        chain(stack, TopicQueueChainProps.builder().topic(fifo));
        Template.fromStack(stack).allResourcesProperties("AWS::SQS::Queue", Map.of("FifoQueue", true));
    }

    @Test
    void aQueueThatAPersonReadsNeedsNoBacklogAlarm() {
        Stack stack = TestStacks.newStack();
        TopicQueueChain chain = chain(
                stack,
                TopicQueueChainProps.builder().topic(TestStacks.topic(stack)).oldestMessageAlarm(false));
        Template template = Template.fromStack(stack);
        template.resourcePropertiesCountIs(
                "AWS::CloudWatch::Alarm", Map.of("MetricName", "ApproximateAgeOfOldestMessage"), 0);
        template.resourcePropertiesCountIs(
                "AWS::CloudWatch::Alarm", Map.of("MetricName", "ApproximateNumberOfMessagesVisible"), 1);
        assertNull(chain.getOldestMessageAlarm());
        assertNotNull(chain.getDeadLetterAlarm());
        assertMessage(
                "oldestMessageAlarmAge 5 minutes given with oldestMessageAlarm false: expected an age only for an "
                        + "alarm that exists",
                () -> {
                    Stack other = TestStacks.newStack();
                    chain(
                            other,
                            TopicQueueChainProps.builder()
                                    .topic(TestStacks.topic(other))
                                    .oldestMessageAlarm(false)
                                    .oldestMessageAlarmAge(Duration.minutes(5)));
                });
    }

    @Test
    void refusesAnExistingQueueTogetherWithQueueSettings() {
        Stack stack = TestStacks.newStack();
        assertMessage(
                "give an existing queue or the settings of a new one (visibilityTimeout, retentionPeriod, "
                        + "maxReceiveCount), got both",
                () -> chain(
                        stack,
                        TopicQueueChainProps.builder()
                                .topic(TestStacks.topic(stack))
                                .queue(new Queue(stack, "Q"))
                                .maxReceiveCount(3)));
    }

    @Test
    void refusesAVisibilityTimeoutShorterThanTheConsumersTimeout() {
        Stack stack = TestStacks.newStack();
        assertMessage(
                "visibilityTimeout must be at least the consumer's timeout (30 seconds, and AWS advises six times it), "
                        + "got 20 seconds",
                () -> chain(
                        stack,
                        TopicQueueChainProps.builder()
                                .topic(TestStacks.topic(stack))
                                .consumer(consumer(stack, 30))
                                .visibilityTimeout(Duration.seconds(20))));
    }

    @Test
    void refusesFifoMismatches() {
        Stack stack = TestStacks.newStack();
        ITopic standard = TestStacks.topic(stack);
        Queue fifoQueue = Queue.Builder.create(stack, "FifoQueue").fifo(true).build();
        assertMessage(
                "a standard topic chains to a standard queue, got a FIFO queue",
                () -> chain(
                        stack, TopicQueueChainProps.builder().topic(standard).queue(fifoQueue)));
        Topic fifoTopic = Topic.Builder.create(stack, "FifoTopic")
                .fifo(true)
                .topicName("t.fifo")
                .build();
        assertMessage(
                "a FIFO topic chains to a FIFO queue, got a standard queue",
                () -> new TopicQueueChain(
                        stack,
                        "Other",
                        TopicQueueChainProps.builder()
                                .topic(fifoTopic)
                                .queue(new Queue(stack, "StandardQueue"))
                                .build()));
    }

    @Test
    void refusesConsumerSettingsWithoutAConsumerAndOutOfRangeValues() {
        Stack stack = TestStacks.newStack();
        ITopic topic = TestStacks.topic(stack);
        assertMessage(
                "configure a consumer, got them without one",
                () -> new TopicQueueChain(
                        stack,
                        "A",
                        TopicQueueChainProps.builder().topic(topic).batchSize(5).build()));
        IFunction fn = consumer(stack, 10);
        assertMessage(
                "batchSize must be from 1 to 10000 for a standard queue, got 0",
                () -> new TopicQueueChain(
                        stack,
                        "B",
                        TopicQueueChainProps.builder()
                                .topic(topic)
                                .consumer(fn)
                                .batchSize(0)
                                .build()));
        assertMessage(
                "a batchSize over 10 needs a maxBatchingWindow, got batchSize 50 without one",
                () -> new TopicQueueChain(
                        stack,
                        "C",
                        TopicQueueChainProps.builder()
                                .topic(topic)
                                .consumer(fn)
                                .batchSize(50)
                                .build()));
        assertMessage(
                "maxConcurrency must be from 2 to 1000 (Lambda's range), got 1",
                () -> new TopicQueueChain(
                        stack,
                        "D",
                        TopicQueueChainProps.builder()
                                .topic(topic)
                                .consumer(fn)
                                .maxConcurrency(1)
                                .build()));
        assertMessage(
                "maxReceiveCount must be from 1 to 1000 (SQS's range), got 0",
                () -> new TopicQueueChain(
                        stack,
                        "E",
                        TopicQueueChainProps.builder()
                                .topic(topic)
                                .maxReceiveCount(0)
                                .build()));
    }

    @Test
    void asksForTheTimeoutOfAnImportedConsumer() {
        Stack stack = TestStacks.newStack();
        ITopic topic = TestStacks.topic(stack);
        IFunction imported = Function.fromFunctionAttributes(
                stack,
                "Imported",
                FunctionAttributes.builder()
                        .functionArn("arn:aws:lambda:eu-west-1:123456789012:function:f")
                        .role(Role.fromRoleArn(stack, "ImportedRole", "arn:aws:iam::123456789012:role/f"))
                        .sameEnvironment(true)
                        .build());
        assertMessage(
                "give consumerTimeout or visibilityTimeout",
                () -> chain(stack, TopicQueueChainProps.builder().topic(topic).consumer(imported)));
        new TopicQueueChain(
                stack,
                "Ok",
                TopicQueueChainProps.builder()
                        .topic(topic)
                        .consumer(imported)
                        .consumerTimeout(Duration.seconds(15))
                        .build());
    }
}
