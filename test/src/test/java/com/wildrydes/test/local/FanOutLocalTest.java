package com.wildrydes.test.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.support.IamProof;
import com.wildrydes.test.support.SynthesizedApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Lab 1 run locally from its synthesized template, through its public edges: HTTP to the local
 * API, the engines' AWS APIs, and each function's invocation count (Lambda's Invocations metric).
 */
@ExtendWith(LocalEngines.class)
class FanOutLocalTest {

    private static final String STACK = "wild-rydes-async-msg-1";
    private static final String EXTRAORDINARY =
            "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": 256.50}";
    private static final String ORDINARY =
            "{\"from\": \"Berlin\", \"to\": \"Potsdam\", \"duration\": 30, \"distance\": 35, \"customer\": \"cmr\", \"fare\": 45.10}";
    private static final String INVALID =
            "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": \"free\"}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalLab lab;
    private static LocalLab failingAccounting;

    @BeforeAll
    static void start() {
        LocalSettings settings = LocalSettings.fromSystemProperties().withAsyncRetryDelay(Duration.ofMillis(200));
        lab = LocalLab.start(
                SynthesizedApp.cloudAssembly(),
                STACK,
                LocalEngines.get(),
                settings.withNamePrefix("ok-")
                        // The other outcomes of the demo's random failures are shown below; here every service
                        // succeeds.
                        .withEnvironment("CustomerAccountingFunctionFA09DB28", "FAILURE_RATE", "0")
                        .withEnvironment("CustomerNotificationFunctionD73BCFC3", "FAILURE_RATE", "0")
                        .withEnvironment("ExtraordinaryRidesFunctionAD498A44", "FAILURE_RATE", "0"));
        failingAccounting = LocalLab.start(
                SynthesizedApp.cloudAssembly(),
                STACK,
                LocalEngines.get(),
                settings.withNamePrefix("failing-")
                        .withEnvironment("CustomerAccountingFunctionFA09DB28", "FAILURE_RATE", "1"));
    }

    @AfterAll
    static void stop() {
        try {
            // Every AWS call of both runs allowed by the template's policies.
            IamProof.verify(STACK, lab);
            IamProof.verify(STACK, failingAccounting);
        } finally {
            if (lab != null) {
                lab.close();
            }
            if (failingAccounting != null) {
                failingAccounting.close();
            }
        }
    }

    @Test
    void outputsAreLocal() {
        String endpoint = lab.output("UnicornManagementServiceApiSubmitRideCompletionEndpoint");
        assertTrue(endpoint.matches("http://127\\.0\\.0\\.1:\\d+/prod/submit-ride-completion"), endpoint);
        assertTrue(
                lab.notEmulated().stream().anyMatch(resource -> resource.endsWith("(AWS::IAM::Role)")),
                lab.notEmulated().toString());
    }

    @Test
    void extraordinaryRideReachesAllThreeServicesAndOrdinaryRideTwo() throws Exception {
        HttpResponse<String> extraordinary = post(lab, EXTRAORDINARY);
        assertEquals(201, extraordinary.statusCode(), extraordinary.body());
        assertTrue(extraordinary.headers().firstValue("Location").orElse("").startsWith("/rides/"));
        awaitInvocations(lab, "CustomerAccountingFunctionFA09DB28", 1);
        awaitInvocations(lab, "CustomerNotificationFunctionD73BCFC3", 1);
        awaitInvocations(lab, "ExtraordinaryRidesFunctionAD498A44", 1);

        HttpResponse<String> ordinary = post(lab, ORDINARY);
        assertEquals(201, ordinary.statusCode(), ordinary.body());
        awaitInvocations(lab, "CustomerAccountingFunctionFA09DB28", 2);
        awaitInvocations(lab, "CustomerNotificationFunctionD73BCFC3", 2);
        Thread.sleep(1500);
        assertEquals(1, invocations(lab, "ExtraordinaryRidesFunctionAD498A44"));
        assertEquals(
                2,
                LocalEngines.get()
                        .dynamoDb()
                        .scan(s -> s.tableName(lab.output("RidesTableName")))
                        .count());
    }

    @Test
    void invalidRideGetsTheValidatorsAnswerAndNothingIsStoredOrPublished() throws Exception {
        int stored = LocalEngines.get()
                .dynamoDb()
                .scan(s -> s.tableName(lab.output("RidesTableName")))
                .count();
        int submitted = invocations(lab, "UnicornManagementServiceSubmitRideCompletionFunction0D49CFCE");
        HttpResponse<String> invalid = post(lab, INVALID);
        assertEquals(400, invalid.statusCode(), invalid.body());
        assertTrue(
                invalid.body().contains("\"field\": \"body\"") && invalid.body().contains("fare"), invalid.body());
        assertEquals(submitted, invocations(lab, "UnicornManagementServiceSubmitRideCompletionFunction0D49CFCE"));
        assertEquals(
                stored,
                LocalEngines.get()
                        .dynamoDb()
                        .scan(s -> s.tableName(lab.output("RidesTableName")))
                        .count());
    }

    /** API Gateway takes at most 10 MB (10,485,760 bytes) in a REST API request: more is refused with 413, unread. */
    @Test
    void aBodyOverApiGatewaysTenMegabytesIsRefusedWith413AndInvokesNothing() throws Exception {
        int submitted = invocations(lab, "UnicornManagementServiceSubmitRideCompletionFunction0D49CFCE");
        String padded = "{\"from\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        HttpResponse<String> tooLarge = post(lab, padded);
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertEquals("{\"message\":\"Request Too Long\"}", tooLarge.body());
        assertEquals(submitted, invocations(lab, "UnicornManagementServiceSubmitRideCompletionFunction0D49CFCE"));
        // Up to the limit the request goes on to the validator, which names the field.
        HttpResponse<String> atTheLimit = post(lab, padded.substring(0, 10 * 1024 * 1024 - 2) + "\"}");
        assertEquals(400, atTheLimit.statusCode(), atTheLimit.body().substring(0, 200));
    }

    @Test
    void aFaultPlannedOnAServiceOrOperationThatDoesNotExistIsRefusedRatherThanNeverFiring() {
        com.wildrydes.local.lambda.AwsFault throttled = new com.wildrydes.local.lambda.AwsFault(
                400, "ProvisionedThroughputExceededException", "throttled", null);
        String submit = "UnicornManagementServiceSubmitRideCompletionFunction0D49CFCE";
        IllegalArgumentException misspelled = assertThrows(
                IllegalArgumentException.class, () -> lab.failNth(submit, "DynamoDB", "PutItems", 1, throttled));
        assertTrue(misspelled.getMessage().contains("PutItems"), misspelled.getMessage());
        IllegalArgumentException service = assertThrows(
                IllegalArgumentException.class, () -> lab.failNth(submit, "Dynamo", "PutItem", 1, throttled));
        assertTrue(service.getMessage().contains("Dynamo"), service.getMessage());
    }

    @Test
    void aRideTheServiceAlwaysFailsOnLandsInItsFailedInvocationsQueueAfterTheRetries() throws Exception {
        HttpResponse<String> created = post(failingAccounting, EXTRAORDINARY);
        assertEquals(201, created.statusCode(), created.body());
        String rideId = created.headers().firstValue("Location").orElseThrow().substring("/rides/".length());
        RunningEngines engines = LocalEngines.get();
        List<Message> failed = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (failed.isEmpty() && System.nanoTime() < deadline) {
            failed.addAll(engines.sqs()
                    .receiveMessage(
                            r -> r.queueUrl(failingAccounting.output("CustomerAccountingFailedInvocationsQueueUrl"))
                                    .waitTimeSeconds(1))
                    .messages());
        }
        assertEquals(1, failed.size(), "messages in the failed-invocations queue");
        String record = failed.get(0).body();
        assertTrue(
                record.contains("\"condition\":\"RetriesExhausted\"")
                        && record.contains("\"approximateInvokeCount\":3")
                        && record.contains("SimulatedFailureException")
                        && record.contains(rideId),
                record);
        assertEquals(3, invocations(failingAccounting, "CustomerAccountingFunctionFA09DB28"));
    }

    private static HttpResponse<String> post(LocalLab target, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(target.output("UnicornManagementServiceApiSubmitRideCompletionEndpoint")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int invocations(LocalLab target, String functionLogicalId) {
        return target.functions().entrySet().stream()
                .filter(f -> f.getKey().endsWith("-" + functionLogicalId))
                .findFirst()
                .orElseThrow()
                .getValue()
                .invocationCount();
    }

    private static void awaitInvocations(LocalLab target, String functionLogicalId, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (invocations(target, functionLogicalId) < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(
                invocations(target, functionLogicalId) >= count,
                functionLogicalId + " invoked " + invocations(target, functionLogicalId) + " times, expected at least "
                        + count);
    }
}
