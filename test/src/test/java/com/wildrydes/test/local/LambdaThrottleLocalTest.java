package com.wildrydes.test.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.lambda.InvocationFaults;
import com.wildrydes.local.stepfunctions.StateMachineExecution;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.support.SynthesizedApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Lambda throttles on demand, and what each caller does about them, as Lambda documents: a throttled
 * asynchronous event is kept and tried again (waits from 1 s, growing) without spending the retries
 * that a function error spends; a throttled task of the saga is Lambda.TooManyRequestsException to
 * Step Functions, which the definition retries.
 */
@ExtendWith(LocalEngines.class)
class LambdaThrottleLocalTest {

    private static final String ACCOUNTING = "CustomerAccountingFunctionFA09DB28";
    private static final String RIDE =
            "{\"from\": \"Berlin\", \"to\": \"Potsdam\", \"duration\": 30, \"distance\": 35, \"customer\": \"cmr\", \"fare\": 45.10}";

    @Test
    void aThrottledAsynchronousEventIsRetriedBeyondTheRetryAttemptsAndProcessedOnce() throws Exception {
        LocalSettings settings = LocalSettings.fromSystemProperties()
                .withAsyncRetryDelay(Duration.ofMillis(200))
                .withNamePrefix("throttled-")
                .withEnvironment(ACCOUNTING, "FAILURE_RATE", "0")
                .withEnvironment("CustomerNotificationFunctionD73BCFC3", "FAILURE_RATE", "0")
                .withEnvironment("ExtraordinaryRidesFunctionAD498A44", "FAILURE_RATE", "0");
        try (LocalLab lab = LocalLab.start(
                SynthesizedApp.cloudAssembly(), "wild-rydes-async-msg-1", LocalEngines.get(), settings)) {
            // Three throttles in a row: more than the template's 2 retry attempts for function errors.
            int throttlesBefore = InvocationFaults.fired().size();
            lab.throttleNth(ACCOUNTING, 1);
            lab.throttleNth(ACCOUNTING, 2);
            lab.throttleNth(ACCOUNTING, 3);
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            lab.output("UnicornManagementServiceApiSubmitRideCompletionEndpoint")))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(RIDE))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(201, answer.statusCode(), answer.body());

            // Waits of 1, 2 and 4 s after the throttles.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (processed(lab) < 1 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(
                    1,
                    processed(lab),
                    lab.functionByLogicalId(ACCOUNTING).logLines().toString());
            assertEquals(
                    3,
                    InvocationFaults.fired().size() - throttlesBefore,
                    InvocationFaults.fired().toString());
            List<Message> failed = LocalEngines.get()
                    .sqs()
                    .receiveMessage(
                            receive -> receive.queueUrl(lab.output("CustomerAccountingFailedInvocationsQueueUrl"))
                                    .waitTimeSeconds(1))
                    .messages();
            assertEquals(List.of(), failed, "a throttled event is no failed invocation");
        }
    }

    @Test
    void aThrottledCreditIsRetriedBySagaAndTheFareCompletes() throws Exception {
        try (LocalLab lab = LocalLab.start(
                SynthesizedApp.cloudAssembly(),
                "wild-rydes-async-msg-4",
                LocalEngines.get(),
                LocalSettings.fromSystemProperties().withNamePrefix("throttled-"))) {
            int throttlesBefore = InvocationFaults.fired().size();
            lab.throttleNth("CreditCustomerAccountFunctionBD03C89B", 1);
            String fareId = "wr_" + java.util.UUID.randomUUID().toString().replaceAll("[^a-f]", "");
            StateMachineExecution execution = lab.startExecution(
                    "CompleteStateMachineArn",
                    "{\"customerId\": \"3\", \"fareId\": \"" + fareId + "\", \"fareAmount\": \"$20.00\"}");

            assertEquals("SUCCEEDED", execution.status(), execution.toString());
            assertTrue(
                    execution.states().contains("CreditCustomerAccount"),
                    execution.states().toString());
            assertTrue(!execution.states().contains("RefundFare"), "a throttled credit is retried, not refunded");
            assertEquals(1, InvocationFaults.fired().size() - throttlesBefore, "the throttle happened");
        }
    }

    private static long processed(LocalLab lab) {
        return lab.functionByLogicalId(ACCOUNTING).logLines().stream()
                .filter(line -> line.contains("\"outcome\":\"processed\""))
                .count();
    }
}
