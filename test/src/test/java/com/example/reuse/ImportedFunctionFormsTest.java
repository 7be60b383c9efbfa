package com.example.reuse;

import static com.example.reuse.ReusingApp.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.constructs.messaging.FilteredSubscription;
import com.wildrydes.constructs.messaging.FilteredSubscriptionProps;
import com.wildrydes.constructs.messaging.TopicQueueChain;
import com.wildrydes.constructs.messaging.TopicQueueChainProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.AliasAttributes;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Version;
import software.amazon.awscdk.services.lambda.VersionAttributes;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * The imported function forms a team has beyond a literal ARN (issue 9's cases cover those): an
 * alias imported as an object, an ARN known only at deploy time, a function in another account or
 * region. Each is invoked, configured and fed on exactly what SNS or the queue reaches, or refused
 * at synthesis when AWS could not deploy it.
 */
class ImportedFunctionFormsTest {

    private static final String PRICING = "arn:aws:lambda:eu-west-1:123456789012:function:pricing";
    private static final String OTHER_ACCOUNT = "arn:aws:lambda:eu-west-1:999999999999:function:pricing:live";
    private static final String OTHER_REGION = "arn:aws:lambda:us-east-1:123456789012:function:pricing:live";

    private static IFunction importedAlias(Stack stack) {
        return Alias.fromAliasAttributes(
                stack,
                "PricingLive",
                AliasAttributes.builder()
                        .aliasName("live")
                        .aliasVersion(Version.fromVersionAttributes(
                                stack,
                                "PricingV7",
                                VersionAttributes.builder()
                                        .lambda(Function.fromFunctionArn(stack, "PricingFunction", PRICING))
                                        .version("7")
                                        .build()))
                        .build());
    }

    @Test
    void anImportedAliasObjectIsSubscribedAndConfiguredOnThatAlias() {
        Stack stack = pinnedStack();
        ITopic orders = orders(stack);
        IFunction live = importedAlias(stack);
        new FilteredSubscription(
                stack,
                "Pricing",
                FilteredSubscriptionProps.builder().topic(orders).function(live).build());
        new TopicQueueChain(
                stack,
                "PricingChain",
                TopicQueueChainProps.builder()
                        .topic(orders)
                        .consumer(live)
                        .consumerTimeout(Duration.seconds(30))
                        .build());

        Template template = synth(stack);
        String aliasArn = PRICING + ":live";
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "lambda", "Endpoint", aliasArn));
        template.hasResourceProperties(
                "AWS::Lambda::EventInvokeConfig", Map.of("FunctionName", "pricing", "Qualifier", "live"));
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of("FunctionName", "pricing:live"));
    }

    @Test
    void anArnKnownOnlyAtDeployTimeFeedsAndConfiguresWhateverQualifierItHolds() {
        Stack stack = pinnedStack();
        CfnParameter arn = CfnParameter.Builder.create(stack, "PricingArn").build();
        IFunction pricing = Function.fromFunctionArn(stack, "Pricing", arn.getValueAsString());
        ITopic orders = orders(stack);
        new FilteredSubscription(
                stack,
                "PricingSubscription",
                FilteredSubscriptionProps.builder()
                        .topic(orders)
                        .function(pricing)
                        .build());
        new TopicQueueChain(
                stack,
                "PricingChain",
                TopicQueueChainProps.builder()
                        .topic(orders)
                        .consumer(pricing)
                        .consumerTimeout(Duration.seconds(30))
                        .build());

        Template template = synth(stack);
        Map<String, Object> ref = Map.of("Ref", "PricingArn");
        // The whole ARN: an alias or version in the parameter stays; a bare name would feed $LATEST.
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of("FunctionName", ref));
        // The qualifier the ARN holds, or $LATEST for an unqualified one: never $LATEST for an alias.
        template.hasResourceProperties(
                "AWS::Lambda::EventInvokeConfig",
                Map.of(
                        "Qualifier",
                        Map.of(
                                "Fn::Select",
                                List.of(
                                        7,
                                        Map.of(
                                                "Fn::Split",
                                                List.of(
                                                        ":",
                                                        Map.of("Fn::Join", List.of("", List.of(ref, ":$LATEST")))))))));
    }

    @Test
    void aConsumerInAnotherAccountOrRegionIsRefusedSinceItsMappingCannotBeCreatedHere() {
        for (String arn : List.of(OTHER_ACCOUNT, OTHER_REGION)) {
            RuntimeException error = synthesisError(stack -> new TopicQueueChain(
                    stack,
                    "PricingChain",
                    TopicQueueChainProps.builder()
                            .topic(orders(stack))
                            .consumer(importedFunction(stack, "Pricing", arn))
                            .consumerTimeout(Duration.seconds(30))
                            .build()));
            assertNotNull(error, "an event source mapping in this stack cannot invoke " + arn);
            String message = error.getMessage();
            assertTrue(message.contains("TeamStack/PricingChain"), message);
            assertTrue(message.contains("consumer") && message.contains(arn), message);
            assertTrue(message.contains("123456789012") && message.contains("eu-west-1"), message);
        }
    }

    @Test
    void aQueueInAnotherRegionCannotFeedAConsumer() {
        RuntimeException error = synthesisError(stack -> new TopicQueueChain(
                stack,
                "PricingChain",
                TopicQueueChainProps.builder()
                        .topic(orders(stack))
                        .queue(Queue.fromQueueArn(stack, "UsQueue", "arn:aws:sqs:us-east-1:123456789012:pricing"))
                        .consumer(ownFunction(stack, "Pricing"))
                        .build()));
        assertNotNull(error, "Lambda reads a queue of its own region only");
        String message = error.getMessage();
        assertTrue(message.contains("TeamStack/PricingChain") && message.contains("queue"), message);
        assertTrue(message.contains("us-east-1") && message.contains("eu-west-1"), message);
    }

    @Test
    void aFunctionInAnotherAccountIsSubscribedButItsOwnerConfiguresItsRetries() {
        for (String arn : List.of(OTHER_ACCOUNT, OTHER_REGION)) {
            Stack stack = pinnedStack();
            FilteredSubscription subscription = new FilteredSubscription(
                    stack,
                    "Pricing",
                    FilteredSubscriptionProps.builder()
                            .topic(orders(stack))
                            .function(importedFunction(stack, "PricingFn", arn))
                            .build());
            Template template = synth(stack);
            template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Endpoint", arn));
            // A configuration here would name a function "pricing" of this account and region: another one.
            template.resourceCountIs("AWS::Lambda::EventInvokeConfig", 0);
            assertNull(subscription.getFailedInvocationsQueue());
            assertFalse(subscription.getAlarms().isEmpty(), "the dead-letter alarm stays");
            annotations(stack)
                    .hasWarning(
                            "/TeamStack/Pricing",
                            Match.stringLikeRegexp(".*asynchronous invocation.*" + arn.replace("$", "\\$") + ".*"));
        }
    }

    @Test
    void retriesAskedForOnAFunctionInAnotherAccountAreRefused() {
        RuntimeException error = synthesisError(stack -> new FilteredSubscription(
                stack,
                "Pricing",
                FilteredSubscriptionProps.builder()
                        .topic(orders(stack))
                        .function(importedFunction(stack, "PricingFn", OTHER_ACCOUNT))
                        .retryAttempts(1)
                        .build()));
        assertNotNull(error, "retries this stack cannot configure must not be silently dropped");
        String message = error.getMessage();
        assertTrue(message.contains("TeamStack/Pricing") && message.contains("retryAttempts"), message);
        assertTrue(message.contains("999999999999"), message);
    }
}
