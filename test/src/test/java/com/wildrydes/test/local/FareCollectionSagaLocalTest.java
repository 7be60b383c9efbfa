package com.wildrydes.test.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.lambda.AwsFault;
import com.wildrydes.local.lambda.FaultPlan;
import com.wildrydes.local.stepfunctions.StateMachineExecution;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.support.IamProof;
import com.wildrydes.test.support.SynthesizedApp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Lab 4 run locally from its synthesized template, through its public edges: executions started
 * on the local saga by its output key, the Fares table and the transaction queues read through
 * the engines' AWS APIs. Each of the README's sample inputs takes the README table's path, leaves
 * its fare status and sends its notifications; no card data is stored or published.
 */
@ExtendWith(LocalEngines.class)
class FareCollectionSagaLocalTest {

    private static final String STACK = "wild-rydes-async-msg-4";
    private static final String SAGA = "CompleteStateMachineArn";
    private static final String CREDIT_FUNCTION = "CreditCustomerAccountFunctionBD03C89B";
    private static final String CARD_NUMBER = "2424 2424 2424 2424";
    private static final String EXPIRY = "12/22";
    private static final String CVV = "111";
    /** The CVV standing alone, not as part of a longer word such as a random charge ID's hex digits. */
    private static final java.util.regex.Pattern CVV_AS_A_VALUE =
            java.util.regex.Pattern.compile("(?<![0-9A-Za-z])" + CVV + "(?![0-9A-Za-z])");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalLab lab;
    private static final List<String> everythingPublished = new ArrayList<>();

    @BeforeAll
    static void start() {
        lab = LocalLab.start(
                SynthesizedApp.cloudAssembly(),
                STACK,
                LocalEngines.get(),
                LocalSettings.fromSystemProperties().withNamePrefix("saga-"));
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            try {
                assertNoCardDataStoredOrPublished();
                IamProof.verify(STACK, lab);
            } finally {
                lab.close();
            }
        }
    }

    @Test
    void aGoodFareIsCollectedAndNotifiedAsSuccessful() throws Exception {
        String fareId = newFareId();
        StateMachineExecution execution = lab.startExecution(SAGA, fare("3", fareId));

        assertEquals("SUCCEEDED", execution.status(), execution.toString());
        assertEquals(
                List.of(
                        "RegisterFare",
                        "ChargeFare",
                        "CreditCustomerAccount",
                        "SetFareStatusCompleted",
                        "NotifySuccess",
                        "FareCollected"),
                execution.states());
        assertEquals("completed", fareStatus(fareId));
        JsonNode notification = single("SuccessfulTransactionsQueueUrl", fareId);
        assertEquals("completed", notification.get("fareStatus").asText());
        assertTrue(notification.get("chargeId").asText().startsWith("ch_"), notification.toString());
        assertNone("FailedTransactionsQueueUrl", fareId);
        assertNone("OperatorActionsQueueUrl", fareId);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "3_fail_auth, com.wildrydes.lambdas.fares.PaymentAuthorizationException",
        "3_fail_charge, com.wildrydes.lambdas.fares.PaymentChargeException"
    })
    void aDeclinedPaymentFailsTheFareAndChargesNothing(String customerId, String error) throws Exception {
        String fareId = newFareId();
        StateMachineExecution execution = lab.startExecution(SAGA, fare(customerId, fareId));

        assertEquals("FAILED", execution.status(), execution.toString());
        assertEquals("FareCollectionFailed", execution.error());
        assertEquals(
                List.of("RegisterFare", "ChargeFare", "SetFareStatusFailed", "NotifyFailure", "FareCollectionFailed"),
                execution.states());
        assertEquals("failed", fareStatus(fareId));
        JsonNode notification = single("FailedTransactionsQueueUrl", fareId);
        assertEquals("failed", notification.get("fareStatus").asText());
        assertEquals(error, notification.get("error").asText(), "named as the Java Lambda runtime names it");
        assertNone("SuccessfulTransactionsQueueUrl", fareId);
        assertNone("OperatorActionsQueueUrl", fareId);
    }

    @Test
    void aFailedCreditIsCompensatedByARefund() throws Exception {
        String fareId = newFareId();
        StateMachineExecution execution = lab.startExecution(SAGA, fare("3_fail_credit", fareId));

        assertEquals("FAILED", execution.status(), execution.toString());
        assertEquals("FareCollectionFailed", execution.error());
        assertEquals(
                List.of(
                        "RegisterFare",
                        "ChargeFare",
                        "CreditCustomerAccount",
                        "RefundFare",
                        "SetFareStatusFailed",
                        "NotifyFailure",
                        "FareCollectionFailed"),
                execution.states());
        assertEquals("failed", fareStatus(fareId));
        JsonNode notification = single("FailedTransactionsQueueUrl", fareId);
        assertEquals(
                "com.wildrydes.lambdas.fares.AccountCreditException",
                notification.get("error").asText());
        assertNone("SuccessfulTransactionsQueueUrl", fareId);
        assertNone("OperatorActionsQueueUrl", fareId);
    }

    @Test
    void aCreditThatTimedOutAfterItRanIsTriedAgainNotRefunded() throws Exception {
        // Lambda stopped the credit at its timeout just after it credited the account: the saga cannot
        // know whether it ran. The credit is idempotent per charge, so trying it again is safe, where a
        // refund would leave the customer both credited and refunded.
        String fareId = newFareId();
        lab.timeOutNth(CREDIT_FUNCTION, 1);
        StateMachineExecution execution = lab.startExecution(SAGA, fare("3", fareId));

        assertEquals("SUCCEEDED", execution.status(), execution.toString());
        assertFalse(
                execution.states().contains("RefundFare"), execution.states().toString());
        assertEquals("completed", fareStatus(fareId));
        single("SuccessfulTransactionsQueueUrl", fareId);
        assertNone("FailedTransactionsQueueUrl", fareId);
        assertNone("OperatorActionsQueueUrl", fareId);
    }

    @Test
    void aFailedRefundTellsAnOperatorWhichChargeToRefund() throws Exception {
        String fareId = newFareId();
        StateMachineExecution execution = lab.startExecution(SAGA, fare("3_fail_refund", fareId));

        assertEquals("FAILED", execution.status(), execution.toString());
        assertEquals("FareNeedsManualRefund", execution.error());
        assertEquals(
                List.of(
                        "RegisterFare",
                        "ChargeFare",
                        "CreditCustomerAccount",
                        "RefundFare",
                        "SetFareStatusRefundFailed",
                        "NotifyRefundFailure",
                        "FareNeedsManualRefund"),
                execution.states());
        assertEquals("refund_failed", fareStatus(fareId));
        JsonNode notification = single("FailedTransactionsQueueUrl", fareId);
        assertEquals("refund_failed", notification.get("fareStatus").asText());
        String chargeId = notification.get("chargeId").asText();
        assertEquals(
                "Refund charge " + chargeId + " by hand: the customer was charged but not credited.",
                notification.get("action").asText());
        assertEquals(notification, single("OperatorActionsQueueUrl", fareId));
        assertNone("SuccessfulTransactionsQueueUrl", fareId);
    }

    @Test
    void aChargeWithAnUnknownOutcomeIsRecordedForAnOperator() throws Exception {
        String fareId = newFareId();
        StateMachineExecution execution = lab.startExecution(SAGA, fare("3_fail_unknown", fareId));

        assertEquals("FAILED", execution.status(), execution.toString());
        assertEquals("FareChargeOutcomeUnknown", execution.error());
        assertEquals(
                List.of(
                        "RegisterFare",
                        "ChargeFare",
                        "SetFareStatusChargeUnknown",
                        "NotifyChargeUnknown",
                        "FareChargeOutcomeUnknown"),
                execution.states());
        assertEquals("charge_unknown", fareStatus(fareId));
        JsonNode notification = single("FailedTransactionsQueueUrl", fareId);
        assertEquals("charge_unknown", notification.get("fareStatus").asText());
        assertEquals(notification, single("OperatorActionsQueueUrl", fareId));
        assertNone("SuccessfulTransactionsQueueUrl", fareId);
    }

    @Test
    void theSameFareTwiceIsChargedOnce() throws Exception {
        String fareId = newFareId();
        assertEquals("SUCCEEDED", lab.startExecution(SAGA, fare("3", fareId)).status());
        StateMachineExecution second = lab.startExecution(SAGA, fare("3", fareId));

        assertEquals("FAILED", second.status(), second.toString());
        assertEquals("FareAlreadyRegistered", second.error());
        assertEquals(List.of("RegisterFare", "FareAlreadyRegistered"), second.states(), "no second charge");
        assertEquals("completed", fareStatus(fareId));
        single("SuccessfulTransactionsQueueUrl", fareId);
        assertNone("FailedTransactionsQueueUrl", fareId);
    }

    /**
     * A throttled fare registration (DynamoDB PutItem) and a throttled success notification (SNS
     * Publish), made to fail by the saga's own service tasks as AWS would answer them: the
     * definition's retries take both, so the fare is collected, recorded and notified once.
     */
    @Test
    void transientDynamoDbAndSnsErrorsOfTheSagasOwnTasksAreRetried() throws Exception {
        String fareId = newFareId();
        lab.failNthStateMachineCall(
                SAGA,
                "DynamoDB",
                "PutItem",
                1,
                new AwsFault(
                        400,
                        "ProvisionedThroughputExceededException",
                        "The level of configured provisioned throughput for the table was exceeded.",
                        null));
        lab.failNthStateMachineCall(SAGA, "SNS", "Publish", 1, new AwsFault(429, "Throttled", "Rate exceeded", null));

        StateMachineExecution execution = lab.startExecution(SAGA, fare("3", fareId));

        List<String> fired = FaultPlan.fired().stream()
                .filter(fault -> fault.startsWith(lab.stateMachine(SAGA).name() + " "))
                .toList();
        assertEquals(
                List.of("dynamodb PutItem", "sns Publish"),
                fired.stream()
                        .map(fault -> fault.split(" ")[1] + " " + fault.split(" ")[2])
                        .toList(),
                "both planned faults reached the saga: " + FaultPlan.fired());
        assertEquals("SUCCEEDED", execution.status(), execution.toString());
        assertEquals("completed", fareStatus(fareId));
        assertEquals(
                "completed",
                single("SuccessfulTransactionsQueueUrl", fareId)
                        .get("fareStatus")
                        .asText());
        assertNone("FailedTransactionsQueueUrl", fareId);
    }

    /** What {@code aws stepfunctions start-execution} and {@code describe-execution} send, with --endpoint-url. */
    @Test
    void anExecutionStartedThroughTheStepFunctionsApiRunsAndIsDescribed() throws Exception {
        String fareId = newFareId();
        assertNotNull(lab.stepFunctionsEndpoint(), "a local Step Functions endpoint");
        JsonNode started = stepFunctions(
                "StartExecution",
                Map.of("stateMachineArn", lab.output(SAGA), "name", fareId, "input", fare("3_fail_auth", fareId)));
        String executionArn = started.get("executionArn").asText();
        assertTrue(executionArn.endsWith(":" + fareId), executionArn);

        JsonNode described = stepFunctions("DescribeExecution", Map.of("executionArn", executionArn));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while ("RUNNING".equals(described.get("status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            described = stepFunctions("DescribeExecution", Map.of("executionArn", executionArn));
        }
        assertEquals("FAILED", described.get("status").asText(), described.toString());
        assertEquals("FareCollectionFailed", described.get("error").asText());
        assertEquals(lab.output(SAGA), described.get("stateMachineArn").asText());
        assertEquals("failed", fareStatus(fareId));
        single("FailedTransactionsQueueUrl", fareId);

        JsonNode unknown =
                stepFunctions("StartExecution", Map.of("stateMachineArn", lab.output(SAGA) + "-nope", "input", "{}"));
        assertEquals("StateMachineDoesNotExist", unknown.get("__type").asText(), unknown.toString());
    }

    private static JsonNode stepFunctions(String operation, Map<String, String> request) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(lab.stepFunctionsEndpoint())
                                .header("Content-Type", "application/x-amz-json-1.0")
                                .header("X-Amz-Target", "AWSStepFunctions." + operation)
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** A fresh fare ID of letters only, so that no digits in it can pass for the CVV in the card-data check. */
    private static String newFareId() {
        return "wr_" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    private static String fare(String customerId, String fareId) throws Exception {
        return JSON.writeValueAsString(Map.of(
                "customerId", customerId,
                "fareId", fareId,
                "fareAmount", "$20.00",
                "cc", CARD_NUMBER,
                "expiryDate", EXPIRY,
                "cvv", CVV));
    }

    private static String fareStatus(String fareId) {
        return LocalEngines.get()
                .dynamoDb()
                .getItem(get ->
                        get.tableName(lab.output("FaresTableName")).key(Map.of("fareId", AttributeValue.fromS(fareId))))
                .item()
                .get("fareStatus")
                .s();
    }

    /** The one notification about {@code fareId} in the queue of that output (any others are other tests'). */
    private static JsonNode single(String queueOutput, String fareId) throws Exception {
        List<JsonNode> about = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (about.isEmpty() && System.nanoTime() < deadline) {
            about.addAll(receive(queueOutput, fareId, 1));
        }
        about.addAll(receive(queueOutput, fareId, 0));
        assertEquals(1, about.size(), "one notification about " + fareId + " in " + queueOutput + ": " + about);
        return about.get(0);
    }

    private static void assertNone(String queueOutput, String fareId) throws Exception {
        assertEquals(List.of(), receive(queueOutput, fareId, 1), queueOutput + " about " + fareId);
    }

    private static List<JsonNode> receive(String queueOutput, String fareId, int waitSeconds) throws Exception {
        String queueUrl = lab.output(queueOutput);
        List<JsonNode> about = new ArrayList<>();
        List<Message> messages = LocalEngines.get()
                .sqs()
                .receiveMessage(receive ->
                        receive.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds))
                .messages();
        for (Message message : messages) {
            everythingPublished.add(message.body());
            LocalEngines.get()
                    .sqs()
                    .deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            JsonNode notification = JSON.readTree(message.body());
            if (fareId.equals(notification.path("fareId").asText())) {
                about.add(notification);
            }
        }
        return about;
    }

    /** Neither the Fares table nor any notification read holds the card number, expiry date or CVV. */
    private static void assertNoCardDataStoredOrPublished() {
        List<String> texts = new ArrayList<>(everythingPublished);
        LocalEngines.get()
                .dynamoDb()
                .scan(scan -> scan.tableName(lab.output("FaresTableName")))
                .items()
                .forEach(item -> texts.add(item.toString()));
        assertFalse(texts.isEmpty(), "the sagas stored and published something");
        for (String text : texts) {
            assertFalse(
                    text.contains(CARD_NUMBER)
                            || text.contains(EXPIRY)
                            || CVV_AS_A_VALUE.matcher(text).find()
                            || text.contains("expiryDate")
                            || text.contains("\"cc\"")
                            || text.contains("cvv"),
                    text);
        }
    }
}
