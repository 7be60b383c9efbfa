package com.wildrydes.test.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.RepositoryRoot;
import com.wildrydes.local.engines.EngineInstall;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.lambda.AwsFault;
import com.wildrydes.local.lambda.FaultPlan;
import com.wildrydes.test.support.SynthesizedApp;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two copies of lab 1 in one JVM at once, each on engines of its own and without a name prefix,
 * as a user's test may start them: a fault planned in one lab hits that lab's n-th call and never
 * the other's, closing one leaves the other whole, and closing a lab frees its API's port.
 */
class TwoLabsLocalTest {

    private static final String STACK = "wild-rydes-async-msg-1";
    private static final String SUBMIT = "UnicornManagementServiceSubmitRideCompletionFunction0D49CFCE";
    private static final String ENDPOINT = "UnicornManagementServiceApiSubmitRideCompletionEndpoint";
    private static final String RIDE =
            "{\"from\": \"Berlin\", \"to\": \"Potsdam\", \"duration\": 30, \"distance\": 35, \"customer\": \"cmr\", \"fare\": 45.10}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AwsFault THROTTLED = new AwsFault(
            400,
            "ProvisionedThroughputExceededException",
            "The level of configured provisioned throughput for the table was exceeded.",
            null);

    @Test
    void faultsStayInTheirOwnLabAndClosingOneLeavesTheOtherWhole() throws Exception {
        Path engines = EngineInstall.ensureInstalled();
        Path logs = RepositoryRoot.path().resolve("test/target/engine-logs/two-labs");
        LocalSettings settings = LocalSettings.fromSystemProperties();
        try (RunningEngines enginesA = new RunningEngines(engines, Files.createDirectories(logs.resolve("a")));
                RunningEngines enginesB = new RunningEngines(engines, Files.createDirectories(logs.resolve("b")));
                LocalLab b = LocalLab.start(SynthesizedApp.cloudAssembly(), STACK, enginesB, settings)) {
            LocalLab a = LocalLab.start(SynthesizedApp.cloudAssembly(), STACK, enginesA, settings);
            String aUrl = a.output(ENDPOINT);
            String bUrl = b.output(ENDPOINT);
            try {
                // The submit function's first PutItem in lab A is throttled (the function answers
                // 503); lab B's function, of the same name, meets no fault.
                a.failNth(SUBMIT, "DynamoDB", "PutItem", 1, THROTTLED);
                int firedBefore = FaultPlan.fired().size();
                assertEquals(201, post(bUrl).statusCode(), "lab B met lab A's fault");
                assertEquals(firedBefore, FaultPlan.fired().size(), "lab B met lab A's fault: " + FaultPlan.fired());
                assertEquals(503, post(aUrl).statusCode(), "lab A's first PutItem is throttled");
                assertEquals(201, post(aUrl).statusCode(), "lab A's second ride meets no fault");
                List<String> fired =
                        FaultPlan.fired().subList(firedBefore, FaultPlan.fired().size());
                assertEquals(1, fired.size(), fired.toString());
                assertTrue(
                        fired.get(0)
                                .matches("\\S+" + SUBMIT + " dynamodb PutItem #1 "
                                        + "ProvisionedThroughputExceededException"),
                        fired.toString());
                // Planned in A and never reached there: gone with A, never B's.
                a.failNth(SUBMIT, "DynamoDB", "PutItem", 2, THROTTLED);
            } finally {
                a.close();
            }
            assertThrows(ConnectException.class, () -> post(aUrl), "lab A's API still listens after close");
            for (int ride = 0; ride < 3; ride++) {
                assertEquals(201, post(bUrl).statusCode(), "lab B after lab A closed, ride " + ride);
            }
            // Lab B's function's own SDK calls are still recorded for B's IAM proof after A closed.
            long before = b.iamReport().recordedCalls();
            assertEquals(201, post(bUrl).statusCode());
            assertTrue(b.iamReport().recordedCalls() >= before + 2, "lab B's calls unrecorded after lab A closed");
            b.iamReport().assertNoDenials();
        }
    }

    private static HttpResponse<String> post(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(RIDE))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
