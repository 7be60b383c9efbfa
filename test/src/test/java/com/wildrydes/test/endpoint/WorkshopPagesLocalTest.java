package com.wildrydes.test.endpoint;

import static com.wildrydes.test.endpoint.LocalWorkshop.LAB1;
import static com.wildrydes.test.endpoint.LocalWorkshop.LAB2;
import static com.wildrydes.test.endpoint.LocalWorkshop.LAB3;
import static com.wildrydes.test.endpoint.LocalWorkshop.LAB4;
import static com.wildrydes.test.endpoint.LocalWorkshop.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.test.engines.LocalEngines;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The original workshop's commands, page by page, through the SDK for Java v2's own clients
 * against local mode's one endpoint (its URL, dummy credentials, the region): each lab's
 * {@code describe-stacks} output look-up, its {@code curl} commands on the URL it gives, the
 * functions' log groups, {@code lambda invoke} with an SNS test event and lab 4's payment events,
 * and lab 4's executions as the console shows them.
 */
@ExtendWith({LocalEngines.class, LocalWorkshop.class})
class WorkshopPagesLocalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EXTRAORDINARY =
            "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": 256.50}";
    /** The fare of the original's SNS test event: below the extraordinary-rides filter's 50. */
    private static final String FARE_20 =
            "{\"from\": \"Berlin\", \"to\": \"Potsdam\", \"duration\": 60, \"distance\": 50, \"customer\": \"cmr\", \"fare\": 20}";

    private final CloudFormationClient cloudFormation = client(CloudFormationClient.builder());
    private final CloudWatchLogsClient logs = client(CloudWatchLogsClient.builder());
    private final LambdaClient lambda = client(LambdaClient.builder());
    private final SfnClient stepFunctions = client(SfnClient.builder());

    /** {@code aws cloudformation describe-stacks --stack-name S --query "Stacks[0].Outputs[?OutputKey=='K'].OutputValue" --output text}. */
    private String output(String stack, String key) {
        return cloudFormation.describeStacks(request -> request.stackName(stack)).stacks().get(0).outputs().stream()
                .filter(output -> output.outputKey().equals(key))
                .map(Output::outputValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError(stack + " has no output " + key));
    }

    @Test
    void labOneRideFansOutTheFilterKeepsAFare20RideFromExtraordinaryRidesAndTheLogsShowIt() throws Exception {
        String url = output(LAB1, "UnicornManagementServiceApiSubmitRideCompletionEndpoint");
        assertTrue(url.startsWith("http://127.0.0.1:"), url);
        String extraordinary = rideId(post(url, EXTRAORDINARY));
        String ordinary = rideId(post(url, FARE_20));

        String accounting = "/aws/lambda/" + LAB1 + "-CustomerAccountingFunction";
        String extraordinaryRides = "/aws/lambda/" + LAB1 + "-ExtraordinaryRidesFunction";
        assertEquals(
                List.of(
                        "/aws/lambda/" + LAB1 + "-CustomerAccountingFunction",
                        "/aws/lambda/" + LAB1 + "-CustomerNotificationFunction",
                        "/aws/lambda/" + LAB1 + "-ExtraordinaryRidesFunction",
                        "/aws/lambda/" + LAB1 + "-SubmitRideCompletionFunction"),
                logs
                        .describeLogGroups(request -> request.logGroupNamePrefix("/aws/lambda/" + LAB1))
                        .logGroups()
                        .stream()
                        .map(group -> group.logGroupName())
                        .toList());
        awaitTrue(
                () -> processed(accounting, ordinary)
                        && processed(accounting, extraordinary)
                        && processed(extraordinaryRides, extraordinary),
                "both rides processed by accounting, the big one by extraordinary rides");
        assertTrue(!processed(extraordinaryRides, ordinary), "the fare-20 ride reached extraordinary rides");

        // The log stream and its events, as the console's log group page reads them.
        String stream = logs.describeLogStreams(request -> request.logGroupName(accounting))
                .logStreams()
                .get(0)
                .logStreamName();
        List<String> messages = logs
                .getLogEvents(request ->
                        request.logGroupName(accounting).logStreamName(stream).startFromHead(true))
                .events()
                .stream()
                .map(OutputLogEvent::message)
                .toList();
        assertTrue(messages.stream().anyMatch(message -> message.contains(extraordinary)), messages.toString());
    }

    @Test
    void labOneInvokeWithAnSnsTestEventRunsTheFunctionAndTailsItsLogAsLambdaDoes() throws Exception {
        String function = output(LAB1, "CustomerAccountingFunction");
        // The README's `aws lambda invoke ... --payload fileb://docs/lab1/sns_event.json --log-type Tail`.
        String event = java.nio.file.Files.readString(
                com.wildrydes.local.RepositoryRoot.path().resolve("docs/lab1/sns_event.json"));
        InvokeResponse answer = lambda.invoke(request ->
                request.functionName(function).logType(LogType.TAIL).payload(SdkBytes.fromUtf8String(event)));
        assertEquals(200, answer.statusCode());
        assertNull(answer.functionError(), answer.payload().asUtf8String());
        assertEquals("1", answer.executedVersion(), "the live alias runs the published version");
        String tail = new String(Base64.getDecoder().decode(answer.logResult()), StandardCharsets.UTF_8);
        assertTrue(tail.startsWith("START RequestId: "), tail);
        assertTrue(
                tail.contains("\"rideId\":\"console-test-ride\"") && tail.contains("\"outcome\":\"processed\""), tail);
        assertTrue(tail.contains("REPORT RequestId: "), tail);

        // The original's test event carries "example message", not a ride: a function error, reported as Lambda does.
        InvokeResponse failed = lambda.invoke(request ->
                request.functionName(function).payload(SdkBytes.fromUtf8String(snsEvent("example message"))));
        assertEquals(200, failed.statusCode());
        assertEquals("Unhandled", failed.functionError());
        JsonNode error = JSON.readTree(failed.payload().asUtf8String());
        assertEquals(
                "com.wildrydes.lambdas.common.InvalidRequestException",
                error.path("errorType").asText(),
                error.toString());

        // By name, by ARN, qualified by alias: the same function.
        String name = function.substring(
                function.lastIndexOf(":function:") + ":function:".length(), function.lastIndexOf(':'));
        assertEquals(
                function,
                lambda.getAlias(request -> request.functionName(name).name("live"))
                        .aliasArn());
        assertEquals(
                202,
                lambda.invoke(request -> request.functionName(name)
                                .qualifier("live")
                                .invocationType("Event")
                                .payload(SdkBytes.fromUtf8String(event)))
                        .statusCode());
        assertEquals(
                204,
                lambda.invoke(request -> request.functionName(name).invocationType("DryRun"))
                        .statusCode());
        assertTrue(lambda.listFunctions().functions().stream()
                .anyMatch(f -> f.functionName().equals(name)));
        assertTrue(lambda.getFunction(request -> request.functionName(function))
                .configuration()
                .runtimeAsString()
                .startsWith("java"));
    }

    @Test
    void labTwoQueuesTakeTheRidesAndTheQueueUrlsOfTheOutputsWorkThroughTheEndpoint() throws Exception {
        String url = output(LAB2, "UnicornManagementServiceApiSubmitRideCompletionEndpoint");
        String ride = rideId(post(url, EXTRAORDINARY));
        for (String backend : List.of("CustomerAccounting", "CustomerNotification", "ExtraordinaryRides")) {
            String group = "/aws/lambda/" + LAB2 + "-" + backend + "Function";
            awaitTrue(() -> processed(group, ride), backend + " processed the ride");
        }
        try (SqsClient sqs = client(SqsClient.builder())) {
            String queue = output(LAB2, "CustomerAccountingDeadLetterQueueUrl");
            assertEquals(
                    "0",
                    sqs.getQueueAttributes(request -> request.queueUrl(queue)
                                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                            .attributesAsStrings()
                            .get("ApproximateNumberOfMessages"));
        }
        List<StackResourceSummary> resources = cloudFormation
                .listStackResources(request -> request.stackName(LAB2))
                .stackResourceSummaries();
        StackResourceSummary queue = resources.stream()
                .filter(resource -> resource.logicalResourceId().equals("CustomerAccountingChainQueue39011621"))
                .findFirst()
                .orElseThrow();
        assertEquals("AWS::SQS::Queue", queue.resourceType());
        assertEquals(output(LAB2, "CustomerAccountingQueueUrl"), queue.physicalResourceId());
        assertEquals("CREATE_COMPLETE", queue.resourceStatusAsString());
    }

    @Test
    void labThreeQueryEndpointCutAtTheBraceAnswersWithTheQuotesAsTheyArrive() throws Exception {
        String submit = output(LAB3, "RideBookingApiSubmitInstantRideRfqEndpoint");
        String query = output(LAB3, "RideBookingApiQueryInstantRideRfqEndpoint");
        // | cut -d'{' -f 1
        query = query.substring(0, query.indexOf('{'));
        HttpResponse<String> submitted =
                post(submit, "{\"from\": \"Frankfurt\", \"to\": \"Las Vegas\", \"customer\": \"cmr\"}");
        assertEquals(201, submitted.statusCode(), submitted.body());
        String rfq = JSON.readTree(submitted.body()).path("rfq-id").asText();
        String queryUrl = query + rfq;
        awaitTrue(() -> quotes(queryUrl) > 0, "quotes arrive at " + queryUrl);
        JsonNode answer = JSON.readTree(get(queryUrl).body());
        assertEquals(rfq, answer.path("rfq-id").asText());
        assertEquals("Las Vegas", answer.path("to").asText());
    }

    /**
     * The history lists each state when the interpreter reported it, as the execution ran (not all
     * at its start or end): the states in order of time, the last entered later than the first,
     * all between the execution's start and end.
     */
    private void statesAtTheTimesTheyHappened(String executionArn) {
        List<software.amazon.awssdk.services.sfn.model.HistoryEvent> history = stepFunctions
                .getExecutionHistory(request -> request.executionArn(executionArn))
                .events();
        List<java.time.Instant> times = history.stream()
                .map(software.amazon.awssdk.services.sfn.model.HistoryEvent::timestamp)
                .toList();
        assertEquals(times.stream().sorted().toList(), times, "events in order of time: " + history);
        List<java.time.Instant> entered = history.stream()
                .filter(event -> event.typeAsString().endsWith("StateEntered"))
                .map(software.amazon.awssdk.services.sfn.model.HistoryEvent::timestamp)
                .toList();
        assertTrue(
                entered.get(entered.size() - 1).isAfter(entered.get(0)),
                "the last state entered later than the first: " + history);
        assertTrue(entered.get(entered.size() - 1).isAfter(times.get(0)), "states entered after the start: " + history);
    }

    @Test
    void labFourExecutionsTakeTheirPathsAndShowInHistoryListsAndTheStateMachinesLogGroup() throws Exception {
        String saga = output(LAB4, "CompleteStateMachineArn");
        String succeeded = stepFunctions
                .startExecution(request -> request.stateMachineArn(saga).input(payment("3")))
                .executionArn();
        String declined = stepFunctions
                .startExecution(request -> request.stateMachineArn(saga).input(payment("3_fail_auth")))
                .executionArn();
        awaitTrue(
                () -> !status(succeeded).equals(ExecutionStatus.RUNNING)
                        && !status(declined).equals(ExecutionStatus.RUNNING),
                "both executions end");
        assertEquals(ExecutionStatus.SUCCEEDED, status(succeeded));
        assertEquals(ExecutionStatus.FAILED, status(declined));
        List<HistoryEventType> events =
                stepFunctions.getExecutionHistory(request -> request.executionArn(succeeded)).events().stream()
                        .map(event -> event.type())
                        .toList();
        assertEquals(HistoryEventType.EXECUTION_STARTED, events.get(0));
        assertEquals(HistoryEventType.EXECUTION_SUCCEEDED, events.get(events.size() - 1));
        assertTrue(events.contains(HistoryEventType.TASK_STATE_ENTERED), events.toString());
        statesAtTheTimesTheyHappened(succeeded);
        assertTrue(stepFunctions.listExecutions(request -> request.stateMachineArn(saga)).executions().stream()
                .map(execution -> execution.executionArn())
                .toList()
                .containsAll(List.of(succeeded, declined)));
        assertEquals(
                "ACTIVE",
                stepFunctions
                        .describeStateMachine(request -> request.stateMachineArn(saga))
                        .statusAsString());

        String group = logs.describeLogGroups(
                        request -> request.logGroupNamePrefix("/aws/vendedlogs/states/" + LAB4 + "-complete-"))
                .logGroups()
                .get(0)
                .logGroupName();
        List<String> lines = logs
                .filterLogEvents(
                        request -> request.logGroupName(group).filterPattern("{ $.type = \"ExecutionSucceeded\" }"))
                .events()
                .stream()
                .map(FilteredLogEvent::message)
                .toList();
        assertTrue(lines.stream().anyMatch(line -> line.contains(succeeded)), lines.toString());

        // The payment functions' console test events.
        String charge = output(LAB4, "ChargeFareFunctionArn");
        InvokeResponse charged =
                lambda.invoke(request -> request.functionName(charge).payload(SdkBytes.fromUtf8String(payment("3"))));
        assertNull(charged.functionError(), charged.payload().asUtf8String());
        assertTrue(JSON.readTree(charged.payload().asUtf8String())
                .path("chargeId")
                .asText()
                .startsWith("ch_"));
        InvokeResponse refused = lambda.invoke(
                request -> request.functionName(charge).payload(SdkBytes.fromUtf8String(payment("3_fail_auth"))));
        assertEquals("Unhandled", refused.functionError());
        assertTrue(
                JSON.readTree(refused.payload().asUtf8String())
                        .path("errorType")
                        .asText()
                        .endsWith("PaymentAuthorizationException"),
                refused.payload().asUtf8String());
    }

    private ExecutionStatus status(String execution) {
        return stepFunctions
                .describeExecution(request -> request.executionArn(execution))
                .status();
    }

    private static String payment(String customer) {
        return "{\"customerId\": \"" + customer + "\", \"fareId\": \"wr_" + System.nanoTime()
                + "\", \"fareAmount\": \"$20.00\", \"cc\": \"2424 2424 2424 2424\", \"expiryDate\": \"12/22\", \"cvv\": \"111\"}";
    }

    /** An SNS event as the Lambda console's SNS template makes it, with the original's fare-20 attributes. */
    private static String snsEvent(String message) {
        return """
                {"Records": [{"EventSource": "aws:sns", "EventVersion": "1.0",
                  "EventSubscriptionArn": "arn:aws:sns:us-east-1:000000000000:ExampleTopic:1",
                  "Sns": {"Type": "Notification", "MessageId": "3f1c0f4e-0000-4000-8000-000000000001",
                    "TopicArn": "arn:aws:sns:us-east-1:000000000000:ExampleTopic", "Subject": "example subject",
                    "Message": %s, "Timestamp": "1970-01-01T00:00:00.000Z", "SignatureVersion": "1",
                    "Signature": "EXAMPLE", "SigningCertUrl": "EXAMPLE", "UnsubscribeUrl": "EXAMPLE",
                    "MessageAttributes": {"fare": {"Type": "Number", "Value": "20"},
                                          "distance": {"Type": "Number", "Value": "50"}}}}]}""".formatted(JSON.valueToTree(message).toString());
    }

    /** {@code aws logs filter-log-events --filter-pattern '{ $.outcome = "processed" }'} plus the ride's id as a term. */
    private boolean processed(String group, String rideId) {
        return !logs
                        .filterLogEvents(
                                request -> request.logGroupName(group).filterPattern("{ $.outcome = \"processed\" }"))
                        .events()
                        .stream()
                        .filter(event -> event.message().contains(rideId))
                        .toList()
                        .isEmpty()
                && !logs.filterLogEvents(request -> request.logGroupName(group).filterPattern("\"" + rideId + "\""))
                        .events()
                        .isEmpty();
    }

    private int quotes(String url) {
        try {
            return JSON.readTree(get(url).body()).path("quotes").size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String rideId(HttpResponse<String> response) throws Exception {
        assertEquals(201, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("id").asText();
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited 90 s in vain: " + what);
            Thread.sleep(200);
        }
    }
}
