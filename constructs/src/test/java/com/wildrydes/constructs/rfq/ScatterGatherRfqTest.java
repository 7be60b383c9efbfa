package com.wildrydes.constructs.rfq;

import static com.wildrydes.constructs.TestStacks.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.wildrydes.constructs.RoleActions;
import com.wildrydes.constructs.TestStacks;
import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.functions.JavaFunctionProps;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;

class ScatterGatherRfqTest {

    private static ScatterGatherRfq rfq(Stack stack, ScatterGatherRfqProps.Builder props) {
        return new ScatterGatherRfq(
                stack, "Rfq", props.code(TestStacks.jarCode(stack)).build());
    }

    /** Each refused construction in a stack of its own: the construct is in the tree before it validates. */
    private static void refuses(String expected, ScatterGatherRfqProps.Builder props) {
        assertMessage(expected, () -> rfq(TestStacks.newStack(), props));
    }

    /** Two external responders: the construct creates no responder of its own. */
    private static ScatterGatherRfqProps.Builder twoPartners() {
        return ScatterGatherRfqProps.builder()
                .externalResponderCount(2)
                .responderNames(List.of("Partner One", "Partner Two"));
    }

    @Test
    void theSubmitFunctionKnowsTheDeadlineAndHowManyAnswerAndCreatesNoResponder() {
        Stack stack = TestStacks.newStack();
        rfq(stack, twoPartners());
        Template template = Template.fromStack(stack);
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Handler",
                        "com.wildrydes.lambdas.rfq.SubmitRfqHandler::handleRequest",
                        "Environment",
                        Map.of(
                                "Variables",
                                Match.objectLike(Map.of("EXPECTED_RESPONDERS", "2", "DEADLINE_SECONDS", "120")))));
        template.resourceCountIs("AWS::Lambda::Function", 4);
        template.resourceCountIs("AWS::SNS::Subscription", 0);
    }

    @Test
    void theCollectorCountsQuotesOnlyFromTheRespondersNames() {
        Stack stack = TestStacks.newStack();
        ScatterGatherRfq rfq = rfq(stack, twoPartners());
        assertEquals(List.of("Partner One", "Partner Two"), rfq.getResponderNames());
        Template template = Template.fromStack(stack);
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Handler",
                        "com.wildrydes.lambdas.rfq.QuoteCollectorHandler::handleRequest",
                        "Environment",
                        Map.of(
                                "Variables",
                                Match.objectLike(Map.of("RESPONDER_NAMES", "[\"Partner One\",\"Partner Two\"]")))));
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Handler",
                        "com.wildrydes.lambdas.rfq.RfqDeadlineHandler::handleRequest",
                        "Environment",
                        Map.of("Variables", Match.objectLike(Map.of("RESPONDER_NAMES", Match.absent())))));
    }

    @Test
    void theTableHoldsRequestsAndQuotesByIdAndResponder() {
        Stack stack = TestStacks.newStack();
        rfq(stack, twoPartners());
        Template.fromStack(stack)
                .hasResourceProperties(
                        "AWS::DynamoDB::Table",
                        Map.of(
                                "KeySchema",
                                        List.of(
                                                Map.of("AttributeName", "id", "KeyType", "HASH"),
                                                Map.of("AttributeName", "responder", "KeyType", "RANGE")),
                                "SSESpecification", Map.of("SSEEnabled", true),
                                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)));
    }

    @Test
    void theResponseQueueOutlastsTheCollectorAndDeadLettersAfterThreeReceives() {
        Stack stack = TestStacks.newStack();
        rfq(stack, twoPartners());
        Template template = Template.fromStack(stack);
        template.hasResourceProperties(
                "AWS::SQS::Queue",
                Map.of(
                        "VisibilityTimeout",
                        60,
                        "RedrivePolicy",
                        Map.of(
                                "maxReceiveCount",
                                3,
                                "deadLetterTargetArn",
                                Map.of(
                                        "Fn::GetAtt",
                                        List.of(Match.stringLikeRegexp("RfqResponseDeadLetterQueue.*"), "Arn")))));
        template.hasResourceProperties(
                "AWS::Lambda::EventSourceMapping",
                Map.of(
                        "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                        "EventSourceArn",
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("RfqResponseQueue.*"), "Arn"))));
    }

    @Test
    void theApiValidatesTheRequestBodyAndTheQueryId() {
        Stack stack = TestStacks.newStack();
        rfq(stack, twoPartners());
        Template template = Template.fromStack(stack);
        template.hasResourceProperties(
                "AWS::ApiGateway::Method",
                Map.of(
                        "HttpMethod",
                        "POST",
                        "RequestModels",
                        Map.of("application/json", Map.of("Ref", Match.stringLikeRegexp(".*RfqRequestModel.*")))));
        template.hasResourceProperties(
                "AWS::ApiGateway::Method",
                Map.of("HttpMethod", "GET", "RequestParameters", Map.of("method.request.path.id", true)));
        template.hasResourceProperties("AWS::ApiGateway::Resource", Map.of("PathPart", "{id}"));
    }

    /** The default construct with one responder added by name, as a template to read grants from. */
    private static Template oneResponder() {
        Stack stack = TestStacks.newStack();
        Code code = TestStacks.jarCode(stack);
        ScatterGatherRfq rfq = new ScatterGatherRfq(
                stack, "Rfq", ScatterGatherRfqProps.builder().code(code).build());
        rfq.addResponder(
                "Pricing",
                new JavaFunction(
                        rfq,
                        "Pricing",
                        JavaFunctionProps.builder()
                                .code(code)
                                .handler("com.example.Pricing::handleRequest")
                                .build()));
        return Template.fromStack(stack);
    }

    /**
     * Each function may call on the table what its handler calls through RfqStore, and nothing more.
     * The collector counts a quote in a transaction of a Put and an Update; both closers re-read the
     * request with GetItem when their conditional close fails (closed already, or a retry of the
     * closer whose publish failed); the deadline function never puts an item.
     */
    @Test
    void eachFunctionMayCallOnTheTableWhatItsHandlerCallsOnly() {
        Template template = oneResponder();
        assertEquals(
                Set.of("dynamodb:PutItem", "dynamodb:DeleteItem"),
                RoleActions.allowed(template, "RfqSubmitFunctionServiceRole", "RfqRidesBookingTable"));
        assertEquals(
                Set.of("dynamodb:Query"),
                RoleActions.allowed(template, "RfqQueryFunctionServiceRole", "RfqRidesBookingTable"));
        assertEquals(
                Set.of("dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"),
                RoleActions.allowed(template, "RfqCollectorFunctionServiceRole", "RfqRidesBookingTable"));
        assertEquals(
                Set.of("dynamodb:Query", "dynamodb:GetItem", "dynamodb:UpdateItem"),
                RoleActions.allowed(template, "RfqDeadlineFunctionServiceRole", "RfqRidesBookingTable"));
    }

    /**
     * A function that sends to a queue is given its URL and only sends: neither the submit handler
     * (the deadline timer), a responder (its quote), nor Lambda (a responder's failed event, to the
     * on-failure destination) asks the queue for its URL or attributes.
     */
    @Test
    void sendersMaySendOnly() {
        Template template = oneResponder();
        assertEquals(
                Set.of("sqs:SendMessage"),
                RoleActions.allowed(template, "RfqSubmitFunctionServiceRole", "RfqDeadlineQueue"));
        assertEquals(
                Set.of("sqs:SendMessage"), RoleActions.allowed(template, "RfqPricingServiceRole", "RfqResponseQueue"));
        assertEquals(
                Set.of("sqs:SendMessage"),
                RoleActions.allowed(template, "RfqPricingServiceRole", "RfqPricingSubscriptionFailedInvocationsQueue"));
    }

    /** What Lambda's event source mapping does with the consumer's role, as AWS documents it. */
    @Test
    void consumersMayReceiveDeleteAndReadAttributesOnly() {
        Template template = oneResponder();
        Set<String> polling = Set.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
        assertEquals(polling, RoleActions.allowed(template, "RfqCollectorFunctionServiceRole", "RfqResponseQueue"));
        assertEquals(polling, RoleActions.allowed(template, "RfqDeadlineFunctionServiceRole", "RfqDeadlineQueue"));
    }

    @Test
    void suppliedRespondersAreSubscribedAndMayAnswer() {
        Stack stack = TestStacks.newStack();
        IFunction a = TestStacks.function(stack, "ResponderA");
        ScatterGatherRfq rfq = rfq(
                stack,
                ScatterGatherRfqProps.builder()
                        .responders(List.of(a))
                        .externalResponderCount(2)
                        .responderNames(List.of("ResponderA", "Partner One", "Partner Two")));
        Template template = Template.fromStack(stack);

        assertEquals(3, rfq.getExpectedResponders());
        template.resourceCountIs("AWS::SNS::Subscription", 1);
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of("EXPECTED_RESPONDERS", "3")))));
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Environment",
                        Map.of(
                                "Variables",
                                Match.objectLike(Map.of(
                                        "RESPONDER_NAMES", "[\"ResponderA\",\"Partner One\",\"Partner Two\"]")))));
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Map.of(
                        "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("ResponderAServiceRole.*"))),
                        "PolicyDocument",
                                Map.of(
                                        "Statement",
                                        Match.arrayWith(List.of(Map.of(
                                                "Effect",
                                                "Allow",
                                                "Action",
                                                "sqs:SendMessage",
                                                "Resource",
                                                Map.of(
                                                        "Fn::GetAtt",
                                                        List.of(
                                                                Match.stringLikeRegexp("RfqResponseQueue.*"),
                                                                "Arn"))))))));
    }

    @Test
    void refusesTimeoutsThatCannotWork() {
        refuses(
                "deadline must be from 1 second to 15 minutes (the longest SQS delivery delay, which times it), got 20 minutes",
                ScatterGatherRfqProps.builder().deadline(Duration.minutes(20)));
        refuses(
                "responseQueueVisibilityTimeout must be at least the collector's timeout (10 seconds, and AWS advises six times it), got 5 seconds",
                ScatterGatherRfqProps.builder().responseQueueVisibilityTimeout(Duration.seconds(5)));
    }

    @Test
    void refusesResponderSettingsThatContradictEachOther() {
        refuses(
                "responderNames must name each responder of the props once, the name its quotes carry: expected 2 names "
                        + "(0 responder functions and externalResponderCount 2), got 0",
                ScatterGatherRfqProps.builder().externalResponderCount(2));
        refuses(
                "externalResponderCount must be at least 0, got -1",
                ScatterGatherRfqProps.builder().externalResponderCount(-1));
        refuses(
                "submitRateLimit and submitBurstLimit must be at least 1, got 0 and null",
                ScatterGatherRfqProps.builder().submitRateLimit(0));
    }

    @Test
    void aHundredRespondersFitTheCollectorsEnvironment() {
        ScatterGatherRfq rfq = rfq(TestStacks.newStack(), ScatterGatherRfqProps.builder());
        for (int i = 1; i <= 100; i++) {
            rfq.addResponder(
                    "UnicornManagementResource" + i,
                    TestStacks.function((Stack) rfq.getNode().getScope(), "R" + i));
        }
        assertEquals(100, rfq.getResponderNames().size());
    }

    @Test
    void refusesResponderNamesTheCollectorCouldNotTellApartOrStore() {
        refuses(
                "ScatterGatherRfq.responderNames: a responder name must differ from the others after trimming, Unicode NFKC and case folding, got \" \uFF30ARTNER\" (already \"Partner\")",
                ScatterGatherRfqProps.builder()
                        .externalResponderCount(2)
                        .responderNames(List.of("Partner", " \uFF30ARTNER")));
        refuses(
                "ScatterGatherRfq.responderNames: a responder name must not be \"-\", which stands for the request itself in the table, got \" - \"",
                ScatterGatherRfqProps.builder().externalResponderCount(1).responderNames(List.of(" - ")));
        refuses(
                "a responder name must be at most 1024 bytes (DynamoDB's sort key limit), got one of 1025",
                ScatterGatherRfqProps.builder().externalResponderCount(1).responderNames(List.of("R".repeat(1025))));
        refuses(
                "the responder names must fit in the collector's environment (at most 3500 bytes as JSON; Lambda allows 4 KB in all), got 4013 with \"DDD",
                ScatterGatherRfqProps.builder()
                        .externalResponderCount(4)
                        .responderNames(
                                List.of("A".repeat(1000), "B".repeat(1000), "C".repeat(1000), "D".repeat(1000))));
        refuses(
                "ScatterGatherRfq.responderNames: a responder name must not be empty, got \" \"",
                ScatterGatherRfqProps.builder().externalResponderCount(2).responderNames(List.of("A", " ")));
    }

    @Test
    void eachHandlerRunsFromItsOwnPackageWhenOneIsGiven() {
        Stack stack = TestStacks.newStack();
        IBucket bucket = Bucket.fromBucketName(stack, "Packages", "packages");
        Map<String, Code> packages = new TreeMap<>();
        ScatterGatherRfqProps.HANDLER_CLASSES.forEach(
                handler -> packages.put(handler, Code.fromBucket(bucket, handler + ".jar")));
        new ScatterGatherRfq(
                stack,
                "Rfq",
                ScatterGatherRfqProps.builder()
                        .handlerCode(packages)
                        .externalResponderCount(1)
                        .responderNames(List.of("Partner"))
                        .build());
        Template template = Template.fromStack(stack);
        for (String handler : ScatterGatherRfqProps.HANDLER_CLASSES) {
            template.resourcePropertiesCountIs(
                    "AWS::Lambda::Function",
                    Map.of(
                            "Handler",
                            ScatterGatherRfq.HANDLERS + handler + "::handleRequest",
                            "Code",
                            Map.of("S3Key", handler + ".jar")),
                    1);
        }
        template.resourceCountIs("AWS::Lambda::Function", 4);
    }

    @Test
    void refusesAPackageForAHandlerItDoesNotRun() {
        assertMessage(
                "ScatterGatherRfqProps.handlerCode: no function of ScatterGatherRfq runs RideQueueHandler; expected handler"
                        + " classes among [SubmitRfqHandler, QueryRfqHandler, QuoteCollectorHandler, RfqDeadlineHandler]",
                () -> ScatterGatherRfqProps.builder()
                        .handlerCode(Map.of("RideQueueHandler", TestStacks.inlineCode()))
                        .build());
        assertMessage(
                "ScatterGatherRfqProps.code is required: expected the Code of the wild-rydes-lambdas jar, such as"
                        + " Code.fromAsset(jar) (or handlerCode for every one of [SubmitRfqHandler, QueryRfqHandler,"
                        + " QuoteCollectorHandler, RfqDeadlineHandler]), got null",
                () -> ScatterGatherRfqProps.builder()
                        .handlerCode(Map.of("QueryRfqHandler", TestStacks.inlineCode()))
                        .build());
    }
}
