package com.wildrydes.test.lab4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.test.engines.EngineFixtures;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.stepfunctions.LambdaBridge;
import com.wildrydes.test.stepfunctions.LocalStepFunctions;
import com.wildrydes.test.stepfunctions.LocalStepFunctions.Execution;
import com.wildrydes.test.stepfunctions.LocalStepFunctions.Fault;
import com.wildrydes.test.stepfunctions.TemplateDefinition;
import com.wildrydes.test.support.SynthesizedApp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The synthesized fare-collection saga executed offline, path by path: our Java handlers for the
 * Lambda tasks (errors named as the Java runtime names them), and the DynamoDB and SNS tasks as
 * real API calls against the local engines, with the parameters Step Functions would pass.
 */
@ExtendWith(LocalEngines.class)
class FareCollectionSagaExecutionTest {

    static final String CARD_NUMBER = "2424 2424 2424 2424";
    static final String EXPIRY = "12/22";
    static final String CVV = "111";

    private final ObjectMapper json = new ObjectMapper();
    private EngineFixtures fixtures;
    private String table;
    private String successfulQueue;
    private String failedQueue;
    private String operatorQueue;
    private String definition;
    private LambdaBridge lambdas;
    private final List<String> published = new ArrayList<>();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void deployTheSynthesizedSagaOnTheLocalEngines() throws Exception {
        fixtures = new EngineFixtures(LocalEngines.get());
        Map<String, Object> template =
                SynthesizedApp.template(WildRydesApp.LAB_4).toJSON();
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        table = fixtures.createTable("fareId", null);
        String topicArn = fixtures.createTopic();
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            Map<String, Object> body = (Map<String, Object>) resource.getValue();
            if ("AWS::SNS::Subscription".equals(body.get("Type"))) {
                Map<String, Object> properties = (Map<String, Object>) body.get("Properties");
                String queue =
                        fixtures.subscribeNewQueue(topicArn, json.writeValueAsString(properties.get("FilterPolicy")));
                if (resource.getKey().startsWith("FareCollectionSagaSuccessfulTransactions")) {
                    successfulQueue = queue;
                } else if (resource.getKey().startsWith("FareCollectionSagaFailedTransactions")) {
                    failedQueue = queue;
                } else if (resource.getKey().startsWith("FareCollectionSagaOperatorActions")) {
                    operatorQueue = queue;
                }
            }
        }
        Map<String, String> handlers = new HashMap<>();
        definition = TemplateDefinition.resolve(template, "FareCollectionSagaStateMachine", ref -> {
            Map<String, Object> target = (Map<String, Object>) resources.get(ref);
            String type = String.valueOf(target.get("Type"));
            switch (type) {
                case "AWS::DynamoDB::Table":
                    return table;
                case "AWS::SNS::Topic":
                    return topicArn;
                case "AWS::Lambda::Alias":
                    String functionName = "arn:aws:lambda:us-east-1:000000000000:function:" + ref + ":live";
                    String function = (String)
                            ((Map<String, Object>) ((Map<String, Object>) target.get("Properties")).get("FunctionName"))
                                    .get("Ref");
                    handlers.put(functionName, (String)
                            ((Map<String, Object>) ((Map<String, Object>) resources.get(function)).get("Properties"))
                                    .get("Handler"));
                    return functionName;
                default:
                    throw new IllegalArgumentException("The saga references " + ref + " of type " + type);
            }
        });
        lambdas = new LambdaBridge(handlers);
    }

    @AfterEach
    void stopTheBridge() {
        lambdas.close();
    }

    @Test
    void happyPathCompletesTheFareAndNotifiesSuccess() throws Exception {
        Execution execution = execute(fare("3", "wr_563"));

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
        assertEquals("completed", status("wr_563"));
        JsonNode notification = single(successfulQueue);
        assertEquals("wr_563", notification.get("fareId").asText());
        assertEquals("3", notification.get("customerId").asText());
        assertEquals("$20.00", notification.get("fareAmount").asText());
        assertEquals("completed", notification.get("fareStatus").asText());
        assertTrue(notification.get("chargeId").asText().startsWith("ch_"));
        assertNothingIn(failedQueue);
        assertNoCardData();
    }

    @Test
    void failedAuthorisationMarksTheFareFailedAndChargesNothing() throws Exception {
        assertChargeFailure("3_fail_auth", "com.wildrydes.lambdas.fares.PaymentAuthorizationException");
    }

    @Test
    void failedChargeMarksTheFareFailed() throws Exception {
        assertChargeFailure("3_fail_charge", "com.wildrydes.lambdas.fares.PaymentChargeException");
    }

    /** A negative amount, sent as the workshop sends amounts: refused by the charge, so nothing is charged or credited. */
    @Test
    void aFareOfANegativeAmountIsRefusedBeforeAnythingIsCharged() throws Exception {
        Map<String, Object> input =
                fare("3", "wr_" + UUID.randomUUID().toString().substring(0, 6));
        input.put("fareAmount", "$-20.00");
        JsonNode notification = assertChargeFailure(input, "com.wildrydes.lambdas.common.InvalidRequestException");
        assertTrue(notification.get("cause").asText().contains("fareAmount"), notification.toString());
    }

    @Test
    void failedCreditIsCompensatedByARefund() throws Exception {
        Execution execution = execute(fare("3_fail_credit", "wr_564"));

        assertEquals("FAILED", execution.status());
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
        assertEquals("failed", status("wr_564"));
        JsonNode notification = single(failedQueue);
        assertEquals("failed", notification.get("fareStatus").asText());
        assertEquals(
                "com.wildrydes.lambdas.fares.AccountCreditException",
                notification.get("error").asText());
        assertTrue(notification.get("cause").asText().contains("could not be credited"), notification.toString());
        assertNothingIn(successfulQueue);
        assertNothingIn(operatorQueue);
        assertNoCardData();
    }

    @Test
    void aFailedRefundLeavesTheFareForAnOperatorAndSaysWhatToDo() throws Exception {
        Execution execution = execute(fare("3_fail_refund", "wr_565"));

        assertEquals("FAILED", execution.status());
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
        assertEquals("refund_failed", status("wr_565"));
        JsonNode notification = single(failedQueue);
        assertEquals("refund_failed", notification.get("fareStatus").asText());
        assertEquals(
                "com.wildrydes.lambdas.fares.RefundException",
                notification.get("error").asText());
        assertEquals(
                "com.wildrydes.lambdas.fares.AccountCreditException",
                notification.get("creditError").asText());
        String chargeId = notification.get("chargeId").asText();
        assertEquals(
                "Refund charge " + chargeId + " by hand: the customer was charged but not credited.",
                notification.get("action").asText());
        assertEquals(notification, single(operatorQueue), "an operator is told, and only what needs one");
        assertNoCardData();
    }

    @Test
    void theSameFareTwiceIsChargedOnce() throws Exception {
        assertEquals("SUCCEEDED", execute(fare("3", "wr_566")).status());
        Execution second = execute(fare("3", "wr_566"));

        assertEquals("FAILED", second.status());
        assertEquals("FareAlreadyRegistered", second.error());
        assertEquals(List.of("RegisterFare", "FareAlreadyRegistered"), second.states(), "no second charge");
        assertEquals("completed", status("wr_566"));
        assertEquals(1, fixtures.takeAll(successfulQueue).size(), "one success notification");
        assertNothingIn(failedQueue);
    }

    /**
     * A charge that fails in a way the saga does not name (the gateway did not answer, the function timed
     * out or ran out of memory, the task timed out) may or may not have charged the card. The fare is
     * recorded as charge_unknown, an operator is told to reconcile it, and the execution fails with a
     * named error; the fareId is not left registered and unexplained.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "an unexpected exception of the real handler, 3_fail_unknown, , java.io.UncheckedIOException",
        "a function timeout or out-of-memory, 3, Lambda.Unknown, Lambda.Unknown",
        "the task timeout, 3, States.Timeout, States.Timeout",
        "throttled beyond its retries, 3, Lambda.TooManyRequestsException, Lambda.TooManyRequestsException"
    })
    void aChargeWithAnUnknownOutcomeIsRecordedAndAnOperatorIsTold(
            String what, String customerId, String injected, String error) throws Exception {
        String fareId = "wr_" + UUID.randomUUID().toString().substring(0, 6);
        List<Fault> faults = injected == null
                ? List.of()
                : List.of(new Fault("ChargeFare", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), injected));
        Execution execution = execute(fare(customerId, fareId), faults);

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
        assertEquals("charge_unknown", status(fareId));
        JsonNode notification = single(failedQueue);
        assertEquals(fareId, notification.get("fareId").asText());
        assertEquals(customerId, notification.get("customerId").asText());
        assertEquals("charge_unknown", notification.get("fareStatus").asText());
        assertEquals(error, notification.get("error").asText());
        assertEquals(
                "Whether fare " + fareId + " was charged is unknown: check the payment gateway, then refund "
                        + "the charge or complete the fare by hand.",
                notification.get("action").asText());
        assertEquals(notification, single(operatorQueue));
        assertNothingIn(successfulQueue);
        assertNoCardData();
    }

    @Test
    void aThrottledCreditIsRetriedNotRefunded() throws Exception {
        Execution execution = execute(
                fare("3", "wr_567"),
                List.of(new Fault("CreditCustomerAccount", List.of(1, 2), "Lambda.TooManyRequestsException")));

        assertEquals("SUCCEEDED", execution.status(), execution.toString());
        assertEquals(
                List.of(
                        "RegisterFare",
                        "ChargeFare",
                        "CreditCustomerAccount",
                        "SetFareStatusCompleted",
                        "NotifySuccess",
                        "FareCollected"),
                execution.states(),
                "no refund of a valid charge");
        assertEquals(3, execution.calls("CreditCustomerAccount"));
        assertEquals("completed", status("wr_567"));
        assertEquals("completed", single(successfulQueue).get("fareStatus").asText());
        assertNothingIn(failedQueue);
    }

    @Test
    void aThrottledChargeIsRetried() throws Exception {
        Execution execution = execute(
                fare("3", "wr_568"), List.of(new Fault("ChargeFare", List.of(1), "Lambda.TooManyRequestsException")));

        assertEquals("SUCCEEDED", execution.status(), execution.toString());
        assertEquals(2, execution.calls("ChargeFare"));
        assertEquals("completed", status("wr_568"));
    }

    /** After a successful charge and credit, a transient error must not leave the fare unrecorded or unnotified. */
    @ParameterizedTest(name = "{0} fails with {1}")
    @CsvSource({
        "SetFareStatusCompleted, DynamoDB.ProvisionedThroughputExceededException",
        "SetFareStatusCompleted, DynamoDB.InternalServerError",
        "SetFareStatusCompleted, States.Timeout",
        "NotifySuccess, SNS.ThrottledException",
        "NotifySuccess, SNS.InternalErrorException",
        "NotifySuccess, SNS.KMSThrottlingException",
        "NotifySuccess, States.Timeout"
    })
    void aTransientErrorOfABookkeepingStepIsRetried(String state, String error) throws Exception {
        String fareId = "wr_" + UUID.randomUUID().toString().substring(0, 6);
        Execution execution = execute(fare("3", fareId), List.of(new Fault(state, List.of(1, 2), error)));

        assertEquals("SUCCEEDED", execution.status(), execution.toString());
        assertEquals(3, execution.calls(state));
        assertEquals("completed", status(fareId));
        assertEquals(fareId, single(successfulQueue).get("fareId").asText());
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @CsvSource({
        "SetFareStatusRefundFailed, DynamoDB.ThrottlingException",
        "NotifyRefundFailure, SNS.ThrottledException",
        "SetFareStatusChargeUnknown, DynamoDB.RequestLimitExceeded",
        "NotifyChargeUnknown, States.Timeout"
    })
    void aTransientErrorOnAFailurePathIsRetriedAndTheOperatorStillTold(String state, String error) throws Exception {
        String customerId = state.contains("Refund") ? "3_fail_refund" : "3_fail_unknown";
        String fareId = "wr_" + UUID.randomUUID().toString().substring(0, 6);
        Execution execution = execute(fare(customerId, fareId), List.of(new Fault(state, List.of(1), error)));

        assertEquals("FAILED", execution.status());
        assertEquals(
                customerId.equals("3_fail_refund") ? "FareNeedsManualRefund" : "FareChargeOutcomeUnknown",
                execution.error(),
                execution.toString());
        assertEquals(2, execution.calls(state));
        assertEquals(customerId.equals("3_fail_refund") ? "refund_failed" : "charge_unknown", status(fareId));
        assertEquals(fareId, single(operatorQueue).get("fareId").asText());
        fixtures.takeAll(failedQueue);
    }

    private void assertChargeFailure(String customerId, String error) throws Exception {
        assertChargeFailure(
                fare(customerId, "wr_" + UUID.randomUUID().toString().substring(0, 6)), error);
    }

    private JsonNode assertChargeFailure(Map<String, Object> input, String error) throws Exception {
        String customerId = (String) input.get("customerId");
        String fareId = (String) input.get("fareId");
        Execution execution = execute(input);

        assertEquals("FAILED", execution.status());
        assertEquals("FareCollectionFailed", execution.error());
        assertEquals(
                List.of("RegisterFare", "ChargeFare", "SetFareStatusFailed", "NotifyFailure", "FareCollectionFailed"),
                execution.states());
        assertEquals("failed", status(fareId));
        JsonNode notification = single(failedQueue);
        assertEquals(fareId, notification.get("fareId").asText());
        assertEquals(customerId, notification.get("customerId").asText());
        assertEquals("failed", notification.get("fareStatus").asText());
        assertEquals(error, notification.get("error").asText(), "named as the Java Lambda runtime names it");
        assertNothingIn(successfulQueue);
        assertNothingIn(operatorQueue);
        assertNoCardData();
        return notification;
    }

    private Execution execute(Map<String, Object> input) throws Exception {
        return execute(input, List.of());
    }

    private Execution execute(Map<String, Object> input, List<Fault> faults) throws Exception {
        return LocalStepFunctions.run(
                definition,
                input,
                Map.of(
                        "dynamoDbEndpoint",
                                LocalEngines.get().dynamoDbEndpoint().toString(),
                        "snsEndpoint", LocalEngines.get().snsSqsEndpoint().toString(),
                        "lambdaBridge", lambdas.endpoint().toString()),
                faults);
    }

    private static Map<String, Object> fare(String customerId, String fareId) {
        Map<String, Object> fare = new LinkedHashMap<>();
        fare.put("customerId", customerId);
        fare.put("fareId", fareId);
        fare.put("fareAmount", "$20.00");
        fare.put("cc", CARD_NUMBER);
        fare.put("expiryDate", EXPIRY);
        fare.put("cvv", CVV);
        return fare;
    }

    private String status(String fareId) {
        return fixtures.dynamoDb()
                .getItem(get -> get.tableName(table).key(Map.of("fareId", AttributeValue.fromS(fareId))))
                .item()
                .get("fareStatus")
                .s();
    }

    private JsonNode single(String queue) throws Exception {
        assertNotNull(queue, "no such queue subscribed in the template");
        List<Message> messages = fixtures.takeAll(queue);
        assertEquals(1, messages.size(), "one notification");
        published.add(messages.get(0).body());
        return json.readTree(messages.get(0).body());
    }

    private void assertNothingIn(String queue) {
        assertNotNull(queue, "no such queue subscribed in the template");
        assertEquals(List.of(), fixtures.takeAll(queue));
    }

    /** Neither the table nor any notification holds the card number, expiry date or CVV. */
    private void assertNoCardData() {
        List<String> stored = fixtures.dynamoDb().scan(scan -> scan.tableName(table)).items().stream()
                .map(Object::toString)
                .toList();
        for (String text : concat(stored, published)) {
            assertFalse(
                    text.contains(CARD_NUMBER)
                            || text.contains(EXPIRY)
                            || text.contains("\"cvv\"")
                            || text.contains("cc=")
                            || text.contains("cvv="),
                    "card data in " + text);
        }
        for (Map<String, AttributeValue> item :
                fixtures.dynamoDb().scan(scan -> scan.tableName(table)).items()) {
            assertEquals(
                    List.of("customerId", "fareAmount", "fareId", "fareStatus"),
                    item.keySet().stream().sorted().toList(),
                    "only what the fare needs");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
