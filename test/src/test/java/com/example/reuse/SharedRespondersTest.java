package com.example.reuse;

import static com.example.reuse.ReusingApp.*;

import com.wildrydes.constructs.messaging.FilteredSubscription;
import com.wildrydes.constructs.messaging.FilteredSubscriptionProps;
import com.wildrydes.constructs.rfq.ScatterGatherRfq;
import com.wildrydes.constructs.rfq.ScatterGatherRfqProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;

/**
 * Issue 9, case 4: one pricing service answers two requests for quotes and also has a filtered
 * subscription of its own. Lambda allows one asynchronous invocation configuration per function
 * and qualifier, so the second and third constructs reuse the first's instead of failing the deploy.
 */
class SharedRespondersTest {

    @Test
    void oneResponderServesTwoRequestsForQuotesAndASubscription() {
        Stack stack = pinnedStack();
        Function pricing = ownFunction(stack, "Pricing");
        new FilteredSubscription(
                stack,
                "PricingAudit",
                FilteredSubscriptionProps.builder()
                        .topic(orders(stack))
                        .function(pricing)
                        .build());
        for (String id : List.of("CityRides", "AirportRides")) {
            new ScatterGatherRfq(
                    stack,
                    id,
                    ScatterGatherRfqProps.builder()
                            .code(jar(stack, id))
                            .responders(List.of(pricing))
                            .responderNames(List.of("pricing"))
                            .build());
        }
        Template template = synth(stack);
        template.resourcePropertiesCountIs(
                "AWS::Lambda::EventInvokeConfig",
                Map.of("FunctionName", Map.of("Ref", Match.stringLikeRegexp("Pricing.*"))),
                1);
        template.resourcePropertiesCountIs("AWS::SNS::Subscription", Map.of("Protocol", "lambda"), 3);
    }

    @Test
    void aResponderOwnedElsewhereCanBeLeftUnconfiguredAndIsStillAllowedToAnswer() {
        Stack stack = pinnedStack();
        IFunction partner =
                importedFunction(stack, "Partner", "arn:aws:lambda:eu-west-1:123456789012:function:partner:prod");
        new ScatterGatherRfq(
                stack,
                "Rides",
                ScatterGatherRfqProps.builder()
                        .code(jar(stack, "Rides"))
                        .responders(List.of(partner))
                        .responderNames(List.of("partner"))
                        .configureResponderAsyncInvoke(false)
                        .build());
        Template template = synth(stack);
        template.resourceCountIs("AWS::Lambda::EventInvokeConfig", 0);
        template.hasResourceProperties(
                "AWS::SNS::Subscription",
                Map.of(
                        "Protocol",
                        "lambda",
                        "Endpoint",
                        "arn:aws:lambda:eu-west-1:123456789012:function:partner:prod"));
        annotations(stack).hasWarning("/TeamStack/Rides", Match.stringLikeRegexp(".*sqs:SendMessage.*ResponseQueue.*"));
    }
}
