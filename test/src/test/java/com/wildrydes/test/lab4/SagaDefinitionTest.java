package com.wildrydes.test.lab4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.converters.LambdaErrorConverter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.constructs.saga.FareCollectionSaga;
import com.wildrydes.constructs.saga.FareCollectionSagaProps;
import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.lambdas.common.InvalidRequestException;
import com.wildrydes.lambdas.fares.AccountCreditException;
import com.wildrydes.lambdas.fares.ChargeFareHandler;
import com.wildrydes.lambdas.fares.ChargeRequest;
import com.wildrydes.lambdas.fares.CreditCustomerAccountHandler;
import com.wildrydes.lambdas.fares.CreditRequest;
import com.wildrydes.lambdas.fares.PaymentAuthorizationException;
import com.wildrydes.lambdas.fares.PaymentChargeException;
import com.wildrydes.lambdas.fares.RefundException;
import com.wildrydes.lambdas.fares.RefundFareHandler;
import com.wildrydes.lambdas.fares.RefundRequest;
import com.wildrydes.test.stepfunctions.LocalStepFunctions;
import com.wildrydes.test.stepfunctions.TemplateDefinition;
import com.wildrydes.test.support.SynthesizedApp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The synthesized state machines as Amazon States Language, and the error names their catches rely on. */
class SagaDefinitionTest {

    private final ObjectMapper json = new ObjectMapper();

    private static String definition(String logicalIdPrefix) {
        return TemplateDefinition.resolve(
                SynthesizedApp.template(WildRydesApp.LAB_4).toJSON(),
                logicalIdPrefix,
                ref -> ref.contains("Alias")
                        ? "arn:aws:lambda:us-east-1:000000000000:function:" + ref + ":live"
                        : ref.contains("Topic") ? "arn:aws:sns:us-east-1:000000000000:" + ref : ref);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FareCollectionSagaStateMachine", "StartHereStateMachine"})
    void isValidAmazonStatesLanguage(String stateMachine) throws Exception {
        assertNull(LocalStepFunctions.validationErrors(definition(stateMachine)));
    }

    @Test
    void theValidatorRefusesABrokenDefinition() throws Exception {
        String broken = definition("FareCollectionSagaStateMachine")
                .replace("\"Next\":\"ChargeFare\"", "\"Next\":\"ChargeTheFare\"");
        assertTrue(LocalStepFunctions.validationErrors(broken).contains("ChargeTheFare"));
    }

    @Test
    void theStartHereMachineIsThePassStateRegisterFare() throws Exception {
        JsonNode startHere = json.readTree(definition("StartHereStateMachine"));
        assertEquals("RegisterFare", startHere.get("StartAt").asText());
        assertEquals("Pass", startHere.at("/States/RegisterFare/Type").asText());
    }

    /**
     * The Java Lambda runtime reports a thrown exception as its fully qualified class name: the
     * runtime's own converter says so for each exception our handlers throw, and those names are
     * exactly what the synthesized catches match.
     */
    @Test
    void catchesNameTheErrorsExactlyAsTheJavaRuntimeReportsThem() throws Exception {
        List<Executable> throwing = List.of(
                () -> new ChargeFareHandler().handleRequest(new ChargeRequest("3_fail_auth", "f", "1"), null),
                () -> new ChargeFareHandler().handleRequest(new ChargeRequest("3_fail_charge", "f", "1"), null),
                () -> new ChargeFareHandler().handleRequest(new ChargeRequest("3", null, null), null),
                () -> new CreditCustomerAccountHandler().handleRequest(new CreditRequest("3_fail_credit", "c"), null),
                () -> new RefundFareHandler().handleRequest(new RefundRequest("f", "c", "3_fail_refund"), null));
        List<String> reported = new ArrayList<>();
        for (Executable call : throwing) {
            try {
                call.execute();
            } catch (Throwable thrown) {
                reported.add(LambdaErrorConverter.fromThrowable(thrown).errorType);
            }
        }
        assertEquals(
                List.of(
                        PaymentAuthorizationException.class.getName(),
                        PaymentChargeException.class.getName(),
                        InvalidRequestException.class.getName(),
                        AccountCreditException.class.getName(),
                        RefundException.class.getName()),
                reported);

        JsonNode states =
                json.readTree(definition("FareCollectionSagaStateMachine")).get("States");
        assertEquals(
                FareCollectionSagaProps.DEFAULT_PAYMENT_ERRORS,
                errorsCaughtBy(states, "ChargeFare").get(0));
        assertEquals(
                List.of("States.ALL"),
                errorsCaughtBy(states, "ChargeFare").get(1),
                "an unnamed charge error is caught too");
        assertEquals(
                "SetFareStatusChargeUnknown",
                states.at("/ChargeFare/Catch/1/Next").asText());
        // A failed credit is always compensated by the refund, a failed refund always needs an
        // operator: naming their errors could change nothing, so every error takes that one path.
        assertEquals(List.of(List.of("States.ALL")), errorsCaughtBy(states, "CreditCustomerAccount"));
        assertEquals(
                "RefundFare", states.at("/CreditCustomerAccount/Catch/0/Next").asText());
        assertEquals(List.of(List.of("States.ALL")), errorsCaughtBy(states, "RefundFare"));
        assertEquals(
                "SetFareStatusRefundFailed",
                states.at("/RefundFare/Catch/0/Next").asText());
        assertTrue(
                reported.containsAll(FareCollectionSagaProps.DEFAULT_PAYMENT_ERRORS),
                "every caught name is one the runtime reports");
    }

    @Test
    void registerFareWritesATypedItemWithoutCardDataAndRetriesOnlyTransientErrors() throws Exception {
        JsonNode register =
                json.readTree(definition("FareCollectionSagaStateMachine")).at("/States/RegisterFare");
        JsonNode item = register.at("/Parameters/Item");
        assertEquals(List.of("customerId", "fareAmount", "fareId", "fareStatus"), fieldNames(item));
        assertEquals("$.fareId", item.at("/fareId/S.$").asText());
        assertEquals(
                "attribute_not_exists(fareId)",
                register.at("/Parameters/ConditionExpression").asText());
        assertEquals(
                json.readTree("[{\"ErrorEquals\":[\"DynamoDB.ProvisionedThroughputExceededException\","
                        + "\"DynamoDB.RequestLimitExceeded\",\"DynamoDB.ServiceUnavailable\",\"DynamoDB.ThrottlingException\"],"
                        + "\"IntervalSeconds\":1,\"MaxAttempts\":2,\"BackoffRate\":2}]"),
                register.get("Retry"));
    }

    /**
     * Each task has a timeout, and each retries what can succeed a second time: a Lambda task its throttle
     * (the function did not run) and Lambda's service errors; a status update DynamoDB's throttling, server
     * errors and its own timeout (setting the same status twice is harmless); a publish SNS's and KMS's
     * throttling, server errors and its timeout. Which error names these are, and that the retries recover,
     * the offline executions show (FareCollectionSagaExecutionTest); this keeps every task covered.
     */
    @Test
    void everyTaskHasATimeoutAndRetriesWhatCanSucceedAgain() throws Exception {
        JsonNode states =
                json.readTree(definition("FareCollectionSagaStateMachine")).get("States");
        List<String> tasks = new ArrayList<>();
        states.fields().forEachRemaining(state -> {
            if (!"Task".equals(state.getValue().get("Type").asText())) {
                return;
            }
            String name = state.getKey();
            JsonNode task = state.getValue();
            tasks.add(name);
            assertTrue(task.path("TimeoutSeconds").asInt() > 0, name + " has a timeout");
            List<String> retried = new ArrayList<>();
            task.get("Retry")
                    .forEach(retrier -> retrier.get("ErrorEquals").forEach(error -> retried.add(error.asText())));
            String resource = task.get("Resource").asText();
            List<String> expected = resource.endsWith("lambda:invoke")
                    ? List.of(
                            "Lambda.TooManyRequestsException",
                            "Lambda.ServiceException",
                            "Lambda.AWSLambdaException",
                            "Lambda.SdkClientException",
                            "Lambda.ClientExecutionTimeoutException")
                    : resource.endsWith("dynamodb:updateItem")
                            ? List.of(
                                    "DynamoDB.ProvisionedThroughputExceededException",
                                    "DynamoDB.ThrottlingException",
                                    "DynamoDB.InternalServerError",
                                    "States.Timeout")
                            : resource.endsWith("sns:publish")
                                    ? List.of(
                                            "SNS.ThrottledException",
                                            "SNS.KMSThrottlingException",
                                            "SNS.InternalErrorException",
                                            "States.Timeout")
                                    : List.of(
                                            "DynamoDB.ProvisionedThroughputExceededException",
                                            "DynamoDB.ThrottlingException");
            assertTrue(retried.containsAll(expected), name + " retries " + expected + ", retries " + retried);
            assertFalse(retried.contains("States.ALL"), name + " retries only what can succeed again");
        });
        assertEquals(
                List.of(
                        "ChargeFare",
                        "CreditCustomerAccount",
                        "NotifyChargeUnknown",
                        "NotifyFailure",
                        "NotifyRefundFailure",
                        "NotifySuccess",
                        "RefundFare",
                        "RegisterFare",
                        "SetFareStatusChargeUnknown",
                        "SetFareStatusCompleted",
                        "SetFareStatusFailed",
                        "SetFareStatusRefundFailed"),
                tasks.stream().sorted().toList());
    }

    /** The unexpected-failures alarm excludes exactly the errors of the saga's Fail states, each notified. */
    @Test
    void theDesignedFailuresAreTheFailStates() throws Exception {
        JsonNode states =
                json.readTree(definition("FareCollectionSagaStateMachine")).get("States");
        List<String> failErrors = new ArrayList<>();
        states.forEach(state -> {
            if ("Fail".equals(state.get("Type").asText())) {
                failErrors.add(state.get("Error").asText());
            }
        });
        assertEquals(
                FareCollectionSaga.DESIGNED_FAILURES.stream().sorted().toList(),
                failErrors.stream().sorted().toList());
    }

    private static List<List<String>> errorsCaughtBy(JsonNode states, String state) {
        List<List<String>> catches = new ArrayList<>();
        for (JsonNode catcher : states.get(state).get("Catch")) {
            List<String> errors = new ArrayList<>();
            catcher.get("ErrorEquals").forEach(error -> errors.add(error.asText()));
            catches.add(errors);
        }
        return catches;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }
}
