package com.wildrydes.test.lab4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.test.engines.EngineFixtures;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.stepfunctions.LambdaBridge;
import com.wildrydes.test.stepfunctions.LocalStepFunctions;
import com.wildrydes.test.stepfunctions.LocalStepFunctions.Execution;
import com.wildrydes.test.stepfunctions.TemplateDefinition;
import com.wildrydes.test.support.SynthesizedApp;
import java.time.Duration;
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
    private String definition;
    private LambdaBridge lambdas;
    private final List<String> published = new ArrayList<>();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void deployTheSynthesizedSagaOnTheLocalEngines() throws Exception {
        fixtures = new EngineFixtures(LocalEngines.get());
        Map<String, Object> template = SynthesizedApp.template(WildRydesApp.LAB_4).toJSON();
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        table = fixtures.createTable("fareId", null);
        String topicArn = fixtures.createTopic();
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            Map<String, Object> body = (Map<String, Object>) resource.getValue();
            if ("AWS::SNS::Subscription".equals(body.get("Type"))) {
                Map<String, Object> properties = (Map<String, Object>) body.get("Properties");
                String queue = fixtures.subscribeNewQueue(topicArn, json.writeValueAsString(properties.get("FilterPolicy")));
                if (resource.getKey().startsWith("FareCollectionSagaSuccessfulTransactions")) {
                    successfulQueue = queue;
                } else if (resource.getKey().startsWith("FareCollectionSagaFailedTransactions")) {
                    failedQueue = queue;
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
                    String function = (String) ((Map<String, Object>) ((Map<String, Object>) target.get("Properties"))
                            .get("FunctionName")).get("Ref");
                    handlers.put(functionName, (String) ((Map<String, Object>) ((Map<String, Object>) resources.get(function))
                            .get("Properties")).get("Handler"));
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
        assertEquals(List.of("RegisterFare", "ChargeFare", "CreditCustomerAccount", "SetFareStatusCompleted",
                "NotifySuccess", "FareCollected"), execution.states());
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

    @Test
    void failedCreditIsCompensatedByARefund() throws Exception {
        Execution execution = execute(fare("3_fail_credit", "wr_564"));

        assertEquals("FAILED", execution.status());
        assertEquals("FareCollectionFailed", execution.error());
        assertEquals(List.of("RegisterFare", "ChargeFare", "CreditCustomerAccount", "RefundFare", "SetFareStatusFailed",
                "NotifyFailure", "FareCollectionFailed"), execution.states());
        assertEquals("failed", status("wr_564"));
        JsonNode notification = single(failedQueue);
        assertEquals("failed", notification.get("fareStatus").asText());
        assertEquals("com.wildrydes.lambdas.fares.AccountCreditException", notification.get("error").asText());
        assertTrue(notification.get("cause").asText().contains("could not be credited"), notification.toString());
        assertNothingIn(successfulQueue);
        assertNoCardData();
    }

    @Test
    void aFailedRefundLeavesTheFareForAnOperatorAndSaysWhatToDo() throws Exception {
        Execution execution = execute(fare("3_fail_refund", "wr_565"));

        assertEquals("FAILED", execution.status());
        assertEquals("FareNeedsManualRefund", execution.error());
        assertEquals(List.of("RegisterFare", "ChargeFare", "CreditCustomerAccount", "RefundFare",
                "SetFareStatusRefundFailed", "NotifyRefundFailure", "FareNeedsManualRefund"), execution.states());
        assertEquals("refund_failed", status("wr_565"));
        JsonNode notification = single(failedQueue);
        assertEquals("refund_failed", notification.get("fareStatus").asText());
        assertEquals("com.wildrydes.lambdas.fares.RefundException", notification.get("error").asText());
        assertEquals("com.wildrydes.lambdas.fares.AccountCreditException", notification.get("creditError").asText());
        String chargeId = notification.get("chargeId").asText();
        assertEquals("Refund charge " + chargeId + " by hand: the customer was charged but not credited.",
                notification.get("action").asText());
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
        assertEquals(1, fixtures.drain(successfulQueue, Duration.ofSeconds(2)).size(), "one success notification");
        assertNothingIn(failedQueue);
    }

    private void assertChargeFailure(String customerId, String error) throws Exception {
        String fareId = "wr_" + UUID.randomUUID().toString().substring(0, 6);
        Execution execution = execute(fare(customerId, fareId));

        assertEquals("FAILED", execution.status());
        assertEquals("FareCollectionFailed", execution.error());
        assertEquals(List.of("RegisterFare", "ChargeFare", "SetFareStatusFailed", "NotifyFailure", "FareCollectionFailed"),
                execution.states());
        assertEquals("failed", status(fareId));
        JsonNode notification = single(failedQueue);
        assertEquals(fareId, notification.get("fareId").asText());
        assertEquals(customerId, notification.get("customerId").asText());
        assertEquals("failed", notification.get("fareStatus").asText());
        assertEquals(error, notification.get("error").asText(), "named as the Java Lambda runtime names it");
        assertNothingIn(successfulQueue);
        assertNoCardData();
    }

    private Execution execute(Map<String, Object> input) throws Exception {
        return LocalStepFunctions.run(definition, input, Map.of(
                "dynamoDbEndpoint", LocalEngines.get().dynamoDbEndpoint().toString(),
                "snsEndpoint", LocalEngines.get().snsSqsEndpoint().toString(),
                "lambdaBridge", lambdas.endpoint().toString()));
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
        return fixtures.dynamoDb().getItem(get -> get.tableName(table).key(Map.of("fareId", AttributeValue.fromS(fareId))))
                .item().get("fareStatus").s();
    }

    private JsonNode single(String queue) throws Exception {
        List<Message> messages = fixtures.await(queue, 1, Duration.ofSeconds(5));
        messages.addAll(fixtures.drain(queue, Duration.ofSeconds(1)));
        assertEquals(1, messages.size(), "one notification");
        published.add(messages.get(0).body());
        return json.readTree(messages.get(0).body());
    }

    private void assertNothingIn(String queue) {
        assertEquals(List.of(), fixtures.drain(queue, Duration.ofSeconds(1)));
    }

    /** Neither the table nor any notification holds the card number, expiry date or CVV. */
    private void assertNoCardData() {
        List<String> stored = fixtures.dynamoDb().scan(scan -> scan.tableName(table)).items().stream()
                .map(Object::toString).toList();
        for (String text : concat(stored, published)) {
            assertFalse(text.contains(CARD_NUMBER) || text.contains(EXPIRY) || text.contains("\"cvv\"")
                    || text.contains("cc=") || text.contains("cvv="), "card data in " + text);
        }
        for (Map<String, AttributeValue> item : fixtures.dynamoDb().scan(scan -> scan.tableName(table)).items()) {
            assertEquals(List.of("customerId", "fareAmount", "fareId", "fareStatus"),
                    item.keySet().stream().sorted().toList(), "only what the fare needs");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
