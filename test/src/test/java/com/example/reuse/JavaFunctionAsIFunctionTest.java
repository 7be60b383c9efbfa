package com.example.reuse;

import static com.example.reuse.ReusingApp.*;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.functions.JavaFunctionProps;
import com.wildrydes.constructs.messaging.FilteredSubscription;
import com.wildrydes.constructs.messaging.FilteredSubscriptionProps;
import com.wildrydes.constructs.messaging.TopicQueueChain;
import com.wildrydes.constructs.messaging.TopicQueueChainProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.apigateway.LambdaRestApi;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * A JavaFunction goes wherever an IFunction does, ours or CDK's, and is always reached through
 * its live alias (SnapStart's published version); wiring the unpublished function instead stops
 * synthesis rather than silently bypassing SnapStart.
 */
class JavaFunctionAsIFunctionTest {

    private static final Map<String, Object> LIVE_ALIAS = Map.of("Ref", Match.stringLikeRegexp("^PricingLiveAlias.*"));

    private static JavaFunction pricing(Stack stack) {
        return new JavaFunction(
                stack,
                "Pricing",
                JavaFunctionProps.builder()
                        .code(jar(stack, "Pricing"))
                        .handler("com.example.Pricing::handleRequest")
                        .build());
    }

    @Test
    void everyIntegrationInvokesTheLiveAlias() {
        Stack stack = pinnedStack();
        JavaFunction pricing = pricing(stack);
        IFunction asFunction = pricing;
        new FilteredSubscription(
                stack,
                "PricingSubscription",
                FilteredSubscriptionProps.builder()
                        .topic(orders(stack))
                        .function(pricing)
                        .build());
        new TopicQueueChain(
                stack,
                "PricingChain",
                TopicQueueChainProps.builder()
                        .topic(orders2(stack))
                        .consumer(pricing)
                        .build());
        pricing.addEventSource(new SqsEventSource(new Queue(stack, "Direct")));
        new LambdaRestApi(
                stack,
                "PricingApi",
                software.amazon.awscdk.services.apigateway.LambdaRestApiProps.builder()
                        .handler(asFunction)
                        .build());

        // CloudWatch names an alias's invocations by function and alias (Resource), as CDK's Alias does.
        assertTrue(pricing.metricErrors().getDimensions().containsKey("Resource"), "the alias's metric, not $LATEST's");

        Template template = synth(stack);
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "lambda", "Endpoint", LIVE_ALIAS));
        // CDK writes an alias's qualifier as a selection from the alias's ARN: never $LATEST.
        template.hasResourceProperties(
                "AWS::Lambda::EventInvokeConfig",
                Map.of(
                        "FunctionName", Map.of("Ref", Match.stringLikeRegexp("^PricingFunction.*")),
                        "Qualifier", Match.objectLike(Map.of("Fn::Select", Match.anyValue()))));
        // The alias's name, "<function>:live", taken from its ARN.
        Map<String, Object> aliasName = Map.of(
                "Fn::Join",
                List.of(
                        "",
                        List.of(
                                Map.of("Fn::Select", List.of(6, Map.of("Fn::Split", List.of(":", LIVE_ALIAS)))),
                                ":live")));
        template.resourcePropertiesCountIs("AWS::Lambda::EventSourceMapping", Map.of("FunctionName", aliasName), 2);
        template.resourceCountIs("AWS::Lambda::EventSourceMapping", 2);
        template.allResourcesProperties("AWS::Lambda::Permission", Map.of("FunctionName", LIVE_ALIAS));
        template.resourcePropertiesCountIs(
                "AWS::IAM::Policy",
                Map.of(
                        "PolicyDocument",
                        Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(
                                        Map.of("Action", Match.arrayWith(List.of("sqs:ReceiveMessage")))))))),
                1);
    }

    @Test
    void wiringTheUnpublishedFunctionStopsSynthesis() {
        RuntimeException error = synthesisError(stack -> {
            JavaFunction pricing = pricing(stack);
            new FilteredSubscription(
                    stack,
                    "PricingSubscription",
                    FilteredSubscriptionProps.builder()
                            .topic(orders(stack))
                            .function(pricing.getFunction())
                            .build());
        });
        assertNotNull(error, "a subscription on the unpublished function must not synthesize");
        assertTrue(
                error.getMessage().contains("TeamStack/PricingSubscription")
                        && error.getMessage().contains("bypassing SnapStart"),
                error.getMessage());
    }

    @Test
    void theErrorNamesTheFunctionWhoseUnpublishedVersionIsInvoked() {
        // One check serves every JavaFunction of a stack: it must still blame the right one.
        RuntimeException error = synthesisError(stack -> {
            JavaFunction pricing = pricing(stack);
            JavaFunction billing = new JavaFunction(
                    stack,
                    "Billing",
                    JavaFunctionProps.builder()
                            .code(jar(stack, "Billing"))
                            .handler("com.example.Billing::handleRequest")
                            .build());
            new FilteredSubscription(
                    stack,
                    "PricingSubscription",
                    FilteredSubscriptionProps.builder()
                            .topic(orders(stack))
                            .function(pricing)
                            .build());
            new FilteredSubscription(
                    stack,
                    "BillingSubscription",
                    FilteredSubscriptionProps.builder()
                            .topic(orders2(stack))
                            .function(billing.getFunction())
                            .build());
        });
        assertNotNull(error, "a subscription on an unpublished function must not synthesize");
        String message = error.getMessage();
        assertTrue(
                message.contains("TeamStack/BillingSubscription")
                        && message.contains("JavaFunction TeamStack/Billing,")
                        && !message.contains("TeamStack/PricingSubscription")
                        && !message.contains("JavaFunction TeamStack/Pricing,"),
                message);
    }

    private static software.amazon.awscdk.services.sns.ITopic orders2(Stack stack) {
        return software.amazon.awscdk.services.sns.Topic.fromTopicArn(
                stack, "Shipments", "arn:aws:sns:eu-west-1:123456789012:shipments");
    }
}
