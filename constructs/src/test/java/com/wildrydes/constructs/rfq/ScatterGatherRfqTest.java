package com.wildrydes.constructs.rfq;

import static com.wildrydes.constructs.TestStacks.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.wildrydes.constructs.RoleActions;
import com.wildrydes.constructs.TestStacks;
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

    @Test
    void byDefaultTenDemoRespondersAnswerWithinTheWorkshopsTimes() {
        Stack stack = TestStacks.newStack();
        ScatterGatherRfq rfq = rfq(stack, ScatterGatherRfqProps.builder().demoResponders(true));
        Template template = Template.fromStack(stack);

        assertEquals(10, rfq.getDemoResponders().size());
        assertEquals(10, rfq.getExpectedResponders());
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Handler",
                        "com.wildrydes.lambdas.rfq.DemoResponderHandler::handleRequest",
                        "Timeout",
                        70,
                        "Environment",
                        Map.of(
                                "Variables",
                                Map.of(
                                        "RESPONDER_NAME",
                                        "UnicornManagementResource10",
                                        "AVAILABILITY",
                                        "0.5",
                                        "MAX_DELAY_SECONDS",
                                        "60"))));
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Handler",
                        "com.wildrydes.lambdas.rfq.SubmitRfqHandler::handleRequest",
                        "Environment",
                        Map.of(
                                "Variables",
                                Match.objectLike(Map.of("EXPECTED_RESPONDERS", "10", "DEADLINE_SECONDS", "120")))));
        // 10 responders on the request topic, each with its dead-letter queue
        template.resourceCountIs("AWS::SNS::Subscription", 10);
    }

    @Test
    void theCollectorCountsQuotesOnlyFromTheRespondersNames() {
        Stack stack = TestStacks.newStack();
        ScatterGatherRfq rfq =
                rfq(stack, ScatterGatherRfqProps.builder().demoResponders(true).demoResponderCount(2));
        assertEquals(List.of("UnicornManagementResource1", "UnicornManagementResource2"), rfq.getResponderNames());
        Template template = Template.fromStack(stack);
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Handler",
                        "com.wildrydes.lambdas.rfq.QuoteCollectorHandler::handleRequest",
                        "Environment",
                        Map.of(
                                "Variables",
                                Match.objectLike(Map.of(
                                        "RESPONDER_NAMES",
                                        "[\"UnicornManagementResource1\",\"UnicornManagementResource2\"]")))));
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
        rfq(stack, ScatterGatherRfqProps.builder().demoResponders(true));
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
        rfq(stack, ScatterGatherRfqProps.builder().demoResponders(true));
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
        rfq(stack, ScatterGatherRfqProps.builder().demoResponders(true));
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

    /** The default construct with one demo responder, as a template to read grants from. */
    private static Template oneResponder() {
        Stack stack = TestStacks.newStack();
        rfq(stack, ScatterGatherRfqProps.builder().demoResponders(true).demoResponderCount(1));
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
                Set.of("sqs:SendMessage"),
                RoleActions.allowed(template, "RfqUnicornManagementResource1ServiceRole", "RfqResponseQueue"));
        assertEquals(
                Set.of("sqs:SendMessage"),
                RoleActions.allowed(
                        template,
                        "RfqUnicornManagementResource1ServiceRole",
                        "RfqUnicornManagementResource1SubscriptionFailedInvocationsQueue"));
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

        assertEquals(List.of(), rfq.getDemoResponders());
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
        refuses(
                "demoResponderTimeout must exceed demoResponderMaxDelay (1 minute) to leave time to answer, got 1 minute",
                ScatterGatherRfqProps.builder().demoResponders(true).demoResponderTimeout(Duration.seconds(60)));
    }

    @Test
    void refusesResponderSettingsThatContradictEachOther() {
        refuses(
                "the demoResponder* props configure the demo responders, got them without demoResponders(true)",
                ScatterGatherRfqProps.builder().externalResponderCount(2).demoResponderCount(3));
        refuses(
                "demoResponders(true) creates the construct's own responders, got it together with responders or "
                        + "externalResponderCount",
                ScatterGatherRfqProps.builder().externalResponderCount(2).demoResponders(true));
        refuses(
                "expected at least one responder (responders, externalResponderCount, or demoResponders(true) for the "
                        + "demo ones), got 0 responder functions and externalResponderCount 0",
                ScatterGatherRfqProps.builder());
        refuses(
                "expected at least one responder (responders, externalResponderCount, or demoResponders(true) for the "
                        + "demo ones), got 0 responder functions and externalResponderCount 0",
                ScatterGatherRfqProps.builder().externalResponderCount(0));
        refuses(
                "responderNames must name each responder once, the name its quotes carry: expected 2 names "
                        + "(0 responder functions and externalResponderCount 2), got 0",
                ScatterGatherRfqProps.builder().externalResponderCount(2));
        refuses(
                "responderNames names the responders you supply, got it with demoResponders(true) "
                        + "(the demo responders are named UnicornManagementResource1 to N)",
                ScatterGatherRfqProps.builder().demoResponders(true).responderNames(List.of("A")));
        refuses(
                "demoResponderCount must be from 1 to 100, got 0",
                ScatterGatherRfqProps.builder().demoResponders(true).demoResponderCount(0));
        refuses(
                "demoResponderAvailability must be from 0 to 1, got 1.5",
                ScatterGatherRfqProps.builder().demoResponders(true).demoResponderAvailability(1.5));
        refuses(
                "demoResponderReservedConcurrency must be at least 1 (0 would stop the responders), got 0",
                ScatterGatherRfqProps.builder().demoResponders(true).demoResponderReservedConcurrency(0));
        refuses(
                "demoResponderReservedConcurrency configures the demo responders, got it without demoResponders(true)",
                ScatterGatherRfqProps.builder().externalResponderCount(1).demoResponderReservedConcurrency(5));
        refuses(
                "submitRateLimit and submitBurstLimit must be at least 1, got 0 and null",
                ScatterGatherRfqProps.builder().submitRateLimit(0));
    }

    @Test
    void theLargestDemoFitsTheCollectorsEnvironment() {
        assertEquals(
                100,
                rfq(
                                TestStacks.newStack(),
                                ScatterGatherRfqProps.builder()
                                        .demoResponders(true)
                                        .demoResponderCount(100))
                        .getResponderNames()
                        .size());
    }

    @Test
    void refusesResponderNamesTheCollectorCouldNotTellApartOrStore() {
        refuses(
                "responderNames must differ after trimming, Unicode NFKC and case folding, got \"Partner\" and \" \uFF30ARTNER\"",
                ScatterGatherRfqProps.builder()
                        .externalResponderCount(2)
                        .responderNames(List.of("Partner", " \uFF30ARTNER")));
        refuses(
                "responderNames must not be \"-\", which stands for the request itself in the table, got \" - \"",
                ScatterGatherRfqProps.builder().externalResponderCount(1).responderNames(List.of(" - ")));
        refuses(
                "a responder name must be at most 1024 bytes (DynamoDB's sort key limit), got one of 1025",
                ScatterGatherRfqProps.builder().externalResponderCount(1).responderNames(List.of("R".repeat(1025))));
        refuses(
                "the responder names must fit in the collector's environment (at most 3500 bytes as JSON; Lambda allows 4 KB in all), got 4013",
                ScatterGatherRfqProps.builder()
                        .externalResponderCount(4)
                        .responderNames(
                                List.of("A".repeat(1000), "B".repeat(1000), "C".repeat(1000), "D".repeat(1000))));
        refuses(
                "responderNames must not be empty, got [A,  ]",
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
                        .demoResponders(true)
                        .demoResponderCount(2)
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
                    handler.equals("DemoResponderHandler") ? 2 : 1);
        }
        template.resourceCountIs("AWS::Lambda::Function", 6);
    }

    @Test
    void refusesAPackageForAHandlerItDoesNotRun() {
        assertMessage(
                "ScatterGatherRfqProps.handlerCode: no function of ScatterGatherRfq runs RideQueueHandler; expected handler"
                        + " classes among [SubmitRfqHandler, QueryRfqHandler, QuoteCollectorHandler, RfqDeadlineHandler,"
                        + " DemoResponderHandler]",
                () -> ScatterGatherRfqProps.builder()
                        .handlerCode(Map.of("RideQueueHandler", TestStacks.inlineCode()))
                        .build());
        assertMessage(
                "ScatterGatherRfqProps.code is required: expected the Code of the wild-rydes-lambdas jar, such as"
                        + " Code.fromAsset(jar) (or handlerCode for every one of [SubmitRfqHandler, QueryRfqHandler,"
                        + " QuoteCollectorHandler, RfqDeadlineHandler, DemoResponderHandler]), got null",
                () -> ScatterGatherRfqProps.builder()
                        .handlerCode(Map.of("QueryRfqHandler", TestStacks.inlineCode()))
                        .build());
    }
}
