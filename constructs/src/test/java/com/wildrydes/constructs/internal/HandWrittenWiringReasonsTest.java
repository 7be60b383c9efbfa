package com.wildrydes.constructs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.constructs.TestStacks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.EventSourceMappingProps;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionAttributes;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscription;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Each wiring this library still writes by hand instead of using aws-cdk-lib's integration class
 * has its reason in a one-line comment; each test here synthesizes that aws-cdk-lib class in the
 * situation and asserts the behaviour that forced the hand-written wiring. When an aws-cdk-lib
 * release changes that behaviour, the test fails: switch to the class then.
 */
class HandWrittenWiringReasonsTest {

    @Test
    void sqsEventSourceGrantsMoreThanLambdasPollerUsesSoQueueConsumersMapsTheQueueItself() {
        Stack stack = TestStacks.newStack();
        IFunction consumer = TestStacks.function(stack, "Consumer");
        consumer.addEventSource(new SqsEventSource(new Queue(stack, "Queue")));
        List<String> actions = policyActions(stack);
        assertTrue(
                actions.contains("sqs:ChangeMessageVisibility") || actions.contains("sqs:GetQueueUrl"),
                "SqsEventSource grants only what Lambda's poller uses now (" + actions + "): QueueConsumers.connect "
                        + "can use it and drop its own EventSourceMapping and QueueGrants.poll");
    }

    @Test
    void sqsEventSourceFeedsTheBareFunctionOfAnImportedAliasArnSoQueueConsumersNamesTheAlias() {
        Stack stack = TestStacks.newStack();
        IFunction alias = Function.fromFunctionAttributes(
                stack,
                "Pricing",
                FunctionAttributes.builder()
                        .functionArn("arn:aws:lambda:us-east-1:111111111111:function:pricing:live")
                        .role(Role.Builder.create(stack, "Role")
                                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                                .build())
                        .sameEnvironment(true)
                        .build());
        alias.addEventSource(new SqsEventSource(new Queue(stack, "Queue")));
        Object functionName =
                Template.fromStack(stack).findResources("AWS::Lambda::EventSourceMapping").values().stream()
                        .map(r -> ((Map<?, ?>) ((Map<?, ?>) r).get("Properties")).get("FunctionName"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                "pricing",
                functionName,
                "aws-cdk-lib now names the alias of an imported qualified ARN: QueueConsumers.connect need not "
                        + "override FunctionName");
    }

    @Test
    void everyOptionOfSqsEventSourcePropsReachesTheHandWrittenMapping() {
        // The mapping is built with EventSourceMappingProps: an option aws-cdk-lib adds to SqsEventSourceProps
        // without a counterpart there would be refused by StructCopy at synthesis; this names it first.
        List<String> missing = new ArrayList<>();
        for (java.lang.reflect.Method getter : SqsEventSourceProps.class.getMethods()) {
            if (getter.getName().startsWith("get") && getter.getParameterCount() == 0) {
                String option = Character.toLowerCase(getter.getName().charAt(3))
                        + getter.getName().substring(4);
                boolean mapped = java.util.Arrays.stream(EventSourceMappingProps.Builder.class.getMethods())
                        .anyMatch(m -> m.getName().equals(option)
                                && m.getParameterCount() == 1
                                && m.getParameterTypes()[0].isAssignableFrom(getter.getReturnType()));
                if (!mapped) {
                    missing.add(option);
                }
            }
        }
        assertTrue(missing.isEmpty(), "SqsEventSourceProps options QueueConsumers.connect cannot pass on: " + missing);
    }

    @Test
    void sqsDestinationGrantsMoreThanSendMessageSoAsyncInvokeConfigsWritesTheDestination() {
        Stack stack = TestStacks.newStack();
        IFunction fn = TestStacks.function(stack, "Fn");
        fn.configureAsyncInvoke(EventInvokeConfigOptions.builder()
                .onFailure(new SqsDestination(new Queue(stack, "Failed")))
                .build());
        List<String> actions = policyActions(stack);
        assertTrue(
                actions.contains("sqs:GetQueueAttributes") || actions.contains("sqs:GetQueueUrl"),
                "SqsDestination grants only sqs:SendMessage now (" + actions + "): AsyncInvokeConfigs can use it");
    }

    @Test
    void lambdaSubscriptionNamesItsSubscriptionByTheTopicsOwnIdSoOneFunctionOnTwoSuchTopicsIsRefused() {
        Stack stack = TestStacks.newStack();
        IFunction responder = TestStacks.function(stack, "Responder");
        // Two requests for quotes, each with its own topic of the same construct ID, one shared responder.
        new Topic(new Construct(stack, "RfqA"), "RequestTopic").addSubscription(new LambdaSubscription(responder));
        Topic second = new Topic(new Construct(stack, "RfqB"), "RequestTopic");
        RuntimeException refused =
                assertThrows(RuntimeException.class, () -> second.addSubscription(new LambdaSubscription(responder)));
        assertTrue(refused.getMessage().contains("already exists"), refused.getMessage());
    }

    @Test
    void sqsSubscriptionLetsAnyTopicUseTheQueuesKeyWithoutAFeatureFlagSoFilteredSubscriptionWritesThePolicy() {
        Stack stack = TestStacks.newStack();
        Queue queue = Queue.Builder.create(stack, "Queue")
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(new Key(stack, "Key"))
                .build();
        new Topic(stack, "Topic").addSubscription(new SqsSubscription(queue));
        List<Object> snsKeyStatements = new ArrayList<>();
        Template.fromStack(stack).findResources("AWS::KMS::Key").values().forEach(key -> {
            Map<?, ?> policy = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) key).get("Properties")).get("KeyPolicy");
            for (Object statement : (List<?>) policy.get("Statement")) {
                if (String.valueOf(statement).contains("sns.amazonaws.com")) {
                    snsKeyStatements.add(statement);
                }
            }
        });
        assertFalse(snsKeyStatements.isEmpty(), "SqsSubscription no longer adds a key statement for SNS");
        assertTrue(
                snsKeyStatements.stream().noneMatch(s -> ((Map<?, ?>) s).containsKey("Condition")),
                "SqsSubscription scopes its key statement to the topic without a feature flag now (" + snsKeyStatements
                        + "): FilteredSubscription can use it for queues");
    }

    private static List<String> policyActions(Stack stack) {
        List<String> actions = new ArrayList<>();
        Template.fromStack(stack).findResources("AWS::IAM::Policy").values().forEach(policy -> {
            Map<?, ?> document = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) policy).get("Properties")).get("PolicyDocument");
            for (Object statement : (List<?>) document.get("Statement")) {
                Object action = ((Map<?, ?>) statement).get("Action");
                if (action instanceof List<?> list) {
                    list.forEach(a -> actions.add(String.valueOf(a)));
                } else {
                    actions.add(String.valueOf(action));
                }
            }
        });
        return actions;
    }
}
