package com.wildrydes.constructs.rfq;

import static com.wildrydes.constructs.TestStacks.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.constructs.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * A reuser attaches responders by name after creating the request for quotes, as aws-cdk-lib's
 * {@code addXxx} methods do: the subscription takes its ID from the name, the count and names the
 * functions are configured with are read at synthesis, and a name is checked when it is given.
 */
class AddResponderTest {

    private static ScatterGatherRfq rfq(Stack stack) {
        return new ScatterGatherRfq(
                stack,
                "Rfq",
                ScatterGatherRfqProps.builder().code(TestStacks.jarCode(stack)).build());
    }

    @Test
    void respondersAddedAfterConstructionAreCountedNamedSubscribedAndGranted() {
        Stack stack = TestStacks.newStack();
        ScatterGatherRfq rfq = rfq(stack);
        rfq.addResponder("Pricing", TestStacks.function(stack, "PricingFunction"));
        rfq.addResponder(
                "Surge",
                TestStacks.function(stack, "SurgeFunction"),
                ResponderOptions.builder().maxEventAge(Duration.minutes(2)).build());
        Template template = Template.fromStack(stack);

        assertEquals(2, rfq.getExpectedResponders());
        assertEquals(List.of("Pricing", "Surge"), rfq.getResponderNames());
        template.resourceCountIs("AWS::SNS::Subscription", 2);
        assertEquals(
                1,
                template.findResources("AWS::SNS::Subscription").keySet().stream()
                        .filter(id -> id.startsWith("RfqPricingSubscription"))
                        .count());
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Handler",
                        "com.wildrydes.lambdas.rfq.SubmitRfqHandler::handleRequest",
                        "Environment",
                        Map.of("Variables", Match.objectLike(Map.of("EXPECTED_RESPONDERS", "2")))));
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Handler",
                        "com.wildrydes.lambdas.rfq.QuoteCollectorHandler::handleRequest",
                        "Environment",
                        Map.of("Variables", Match.objectLike(Map.of("RESPONDER_NAMES", "[\"Pricing\",\"Surge\"]")))));
        template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Map.of("MaximumEventAgeInSeconds", 120));
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Map.of(
                        "Roles",
                        List.of(Map.of("Ref", Match.stringLikeRegexp("SurgeFunctionServiceRole.*"))),
                        "PolicyDocument",
                        Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of("Action", "sqs:SendMessage")))))));
    }

    @Test
    void propsRespondersAndAddedOnesShareOneListOfNames() {
        Stack stack = TestStacks.newStack();
        ScatterGatherRfq rfq = new ScatterGatherRfq(
                stack,
                "Rfq",
                ScatterGatherRfqProps.builder()
                        .code(TestStacks.jarCode(stack))
                        .responders(List.of(TestStacks.function(stack, "PricingFunction")))
                        .externalResponderCount(1)
                        .responderNames(List.of("Pricing", "Partner"))
                        .build());
        rfq.addResponder("Surge", TestStacks.function(stack, "SurgeFunction"));

        assertEquals(List.of("Pricing", "Partner", "Surge"), rfq.getResponderNames());
        assertEquals(3, rfq.getExpectedResponders());
        assertMessage(
                "Rfq: ScatterGatherRfq.addResponder: a responder name must differ from the others after trimming, Unicode NFKC and "
                        + "case folding, got \" partner\" (already \"Partner\")",
                () -> rfq.addResponder(" partner", TestStacks.function(stack, "Other")));
    }

    @Test
    void aResponderNameIsCheckedWhenItIsGiven() {
        Stack stack = TestStacks.newStack();
        ScatterGatherRfq rfq = rfq(stack);
        assertMessage(
                "Rfq: ScatterGatherRfq.addResponder: a responder name must not be empty, got \" \"",
                () -> rfq.addResponder(" ", TestStacks.function(stack, "A")));
        assertMessage(
                "Rfq: ScatterGatherRfq.addResponder: a responder name must not be \"-\"",
                () -> rfq.addResponder("-", TestStacks.function(stack, "B")));
        assertMessage(
                "Rfq: ScatterGatherRfq.addResponder: expected a responder function for \"Pricing\", got null",
                () -> rfq.addResponder("Pricing", null));
        assertMessage(
                "Rfq: ScatterGatherRfq.addResponder: a responder name must be a construct ID (no '/'), got \"a/b\"",
                () -> rfq.addResponder("a/b", TestStacks.function(stack, "C")));
        rfq.addResponder("Pricing", TestStacks.function(stack, "D"));
        assertMessage(
                "got \"PRICING\" (already \"Pricing\")",
                () -> rfq.addResponder("PRICING", TestStacks.function(stack, "E")));
    }

    @Test
    void aRequestForQuotesWithNoResponderAtAllIsRefusedAtSynthesis() {
        Stack stack = TestStacks.newStack();
        rfq(stack);
        RuntimeException error = assertThrows(RuntimeException.class, () -> Template.fromStack(stack));
        assertTrue(
                error.getMessage()
                        .contains("ScatterGatherRfq: expected at least one responder (responders, "
                                + "externalResponderCount or addResponder), got none"),
                error.getMessage());
    }
}
