package com.example.reuse;

import static com.example.reuse.ReusingApp.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.constructs.messaging.FilterPolicy;
import com.wildrydes.constructs.messaging.FilteredSubscription;
import com.wildrydes.constructs.messaging.FilteredSubscriptionProps;
import com.wildrydes.constructs.messaging.TopicQueueChain;
import com.wildrydes.constructs.messaging.TopicQueueChainProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * Issue 9, cases 1, 2, 3, 5, 12 and 13: the library on topics, queues and functions the team
 * already has and imports by ARN. Each case must end working, or refused at synthesis with a
 * message that says what to do; never a message lost without a word.
 */
class ImportedResourcesTest {

    private static final String BIG_ORDERS_FILTER = "{\"total\": [{\"numeric\": [\">=\", 1000]}]}";

    @Test
    void aSubscriptionOnAnImportedAliasWithoutARoleSynthesizesAndConfiguresTheAlias() {
        Stack stack = pinnedStack();
        ITopic orders = orders(stack);
        IFunction bigOrders = importedFunction(stack, "BigOrders", BIG_ORDERS_LIVE);
        new FilteredSubscription(
                stack,
                "BigOrdersSubscription",
                FilteredSubscriptionProps.builder()
                        .topic(orders)
                        .function(bigOrders)
                        .filterPolicy(FilterPolicy.onMessageAttributes(BIG_ORDERS_FILTER))
                        .build());

        Template template = synth(stack);
        // Lambda applies retries and the on-failure destination per qualifier: they must be on
        // the alias SNS invokes, not on $LATEST of another team's function.
        template.hasResourceProperties(
                "AWS::Lambda::EventInvokeConfig",
                Map.of(
                        "FunctionName",
                        "big-orders",
                        "Qualifier",
                        "live",
                        "MaximumRetryAttempts",
                        2,
                        "DestinationConfig",
                        Map.of("OnFailure", Map.of("Destination", Match.anyValue()))));
        template.resourceCountIs("AWS::Lambda::EventInvokeConfig", 1);
        template.hasResourceProperties(
                "AWS::SNS::Subscription", Map.of("Protocol", "lambda", "Endpoint", BIG_ORDERS_LIVE));
        template.hasResourceProperties(
                "AWS::Lambda::Permission",
                Map.of("FunctionName", BIG_ORDERS_LIVE, "Principal", "sns.amazonaws.com", "SourceArn", ORDERS_TOPIC));
        // The function's role is not ours to change: say what its owner must grant.
        annotations(stack)
                .hasWarning(
                        "/TeamStack/BigOrdersSubscription",
                        Match.stringLikeRegexp(".*sqs:SendMessage.*FailedInvocationsQueue.*"));
    }

    @Test
    void aChainOnAnImportedVersionFeedsThatVersion() {
        Stack stack = pinnedStack();
        IFunction invoicing = importedFunction(stack, "Invoicing", INVOICING_V7);
        new TopicQueueChain(
                stack,
                "InvoicingChain",
                TopicQueueChainProps.builder()
                        .topic(orders(stack))
                        .consumer(invoicing)
                        .consumerTimeout(Duration.seconds(30))
                        .build());

        Template template = synth(stack);
        template.hasResourceProperties(
                "AWS::Lambda::EventSourceMapping",
                Map.of("FunctionName", INVOICING_V7, "FunctionResponseTypes", List.of("ReportBatchItemFailures")));
        annotations(stack).hasWarning("/TeamStack/InvoicingChain", Match.stringLikeRegexp(".*sqs:ReceiveMessage.*"));
    }

    @Test
    void theReadmeChainOnAnImportedAliasSynthesizes() {
        Stack stack = pinnedStack();
        TopicQueueChain chain = new TopicQueueChain(
                stack,
                "BigOrdersChain",
                TopicQueueChainProps.builder()
                        .topic(orders(stack))
                        .consumer(importedFunction(stack, "BigOrders", BIG_ORDERS_LIVE))
                        .consumerTimeout(Duration.seconds(30))
                        .filterPolicy(FilterPolicy.onMessageAttributes(BIG_ORDERS_FILTER))
                        .maxConcurrency(5)
                        .build());
        assertNotNull(chain.getDeadLetterAlarm());

        synth(stack)
                .hasResourceProperties(
                        "AWS::Lambda::EventSourceMapping",
                        Map.of("FunctionName", BIG_ORDERS_LIVE, "ScalingConfig", Map.of("MaximumConcurrency", 5)));
    }

    @Test
    void aTopicInAnotherRegionIsRefusedWithBothRegionsNamed() {
        RuntimeException error = synthesisError(stack -> new FilteredSubscription(
                stack,
                "Remote",
                FilteredSubscriptionProps.builder()
                        .topic(Topic.fromTopicArn(stack, "UsOrders", "arn:aws:sns:us-east-1:123456789012:orders"))
                        .queue(new Queue(stack, "Local"))
                        .build()));
        assertNotNull(error, "a subscription whose dead-letter queue would be in the wrong region must not synthesize");
        String message = error.getMessage();
        assertTrue(message.contains("TeamStack/Remote"), message);
        assertTrue(message.contains("us-east-1") && message.contains("eu-west-1"), message);
    }

    @Test
    void anAgnosticStackSubscribesToATopicInAKnownRegionAsCdkDoes() {
        Stack stack = agnosticStack();
        new FilteredSubscription(
                stack,
                "Remote",
                FilteredSubscriptionProps.builder()
                        .topic(Topic.fromTopicArn(stack, "UsOrders", "arn:aws:sns:us-east-1:123456789012:orders"))
                        .queue(new Queue(stack, "Local"))
                        .build());
        synth(stack).hasResourceProperties("AWS::SNS::Subscription", Map.of("Region", "us-east-1"));
        annotations(stack).hasWarning("/PortableStack/Remote", Match.stringLikeRegexp(".*us-east-1.*"));
    }

    @Test
    void anImportedQueueIsSubscribedWithAWarningNamingThePolicyItNeeds() {
        Stack stack = pinnedStack();
        new FilteredSubscription(
                stack,
                "Audit",
                FilteredSubscriptionProps.builder()
                        .topic(orders(stack))
                        .queue(Queue.fromQueueArn(stack, "AuditQueue", "arn:aws:sqs:eu-west-1:123456789012:audit"))
                        .build());
        synth(stack).resourceCountIs("AWS::SNS::Subscription", 1);
        annotations(stack)
                .hasWarning(
                        "/TeamStack/Audit",
                        Match.stringLikeRegexp(
                                ".*sqs:SendMessage.*sns.amazonaws.com.*" + ORDERS_TOPIC.replace(":", ".") + ".*"));
    }

    @Test
    void anImportedFunctionInAnAgnosticStackIsToldWhereTheInvokePermissionMustComeFrom() {
        Stack stack = agnosticStack();
        new FilteredSubscription(
                stack,
                "BigOrdersSubscription",
                FilteredSubscriptionProps.builder()
                        .topic(Topic.fromTopicArn(stack, "Orders", ORDERS_TOPIC))
                        .function(importedFunction(stack, "BigOrders", BIG_ORDERS_LIVE))
                        .build());
        Template template = synth(stack);
        int permissions = template.findResources("AWS::Lambda::Permission").size();
        if (permissions == 0) {
            annotations(stack)
                    .hasWarning(
                            "/PortableStack/BigOrdersSubscription",
                            Match.stringLikeRegexp(".*lambda:InvokeFunction.*sameEnvironment.*"));
        } else {
            assertEquals(1, permissions);
        }
    }

    @Test
    void chainsShareTheTeamsOwnDeadLetterQueueAndItsAlarm() {
        Stack stack = pinnedStack();
        Queue shared = Queue.Builder.create(stack, "OrdersDeadLetters").build();
        ITopic orders = orders(stack);
        for (String id : List.of("Invoicing", "Shipping")) {
            TopicQueueChain chain = new TopicQueueChain(
                    stack,
                    id + "Chain",
                    TopicQueueChainProps.builder()
                            .topic(orders)
                            .deadLetterQueue(shared)
                            .build());
            assertEquals(shared, chain.getDeadLetterQueue());
        }
        Template template = synth(stack);
        template.resourceCountIs("AWS::SQS::Queue", 3);
        template.resourcePropertiesCountIs(
                "AWS::SQS::Queue",
                Map.of(
                        "RedrivePolicy",
                        Map.of(
                                "deadLetterTargetArn",
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("OrdersDeadLetters.*"), "Arn")),
                                "maxReceiveCount",
                                5)),
                2);
        template.resourcePropertiesCountIs(
                "AWS::SNS::Subscription",
                Map.of(
                        "RedrivePolicy",
                        Map.of(
                                "deadLetterTargetArn",
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("OrdersDeadLetters.*"), "Arn")))),
                2);
        template.resourcePropertiesCountIs(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "Dimensions",
                        List.of(Map.of(
                                "Name",
                                "QueueName",
                                "Value",
                                Map.of(
                                        "Fn::GetAtt",
                                        List.of(Match.stringLikeRegexp("OrdersDeadLetters.*"), "QueueName"))))),
                2);
    }
}
