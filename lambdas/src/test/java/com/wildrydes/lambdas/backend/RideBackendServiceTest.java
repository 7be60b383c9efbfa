package com.wildrydes.lambdas.backend;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.wildrydes.lambdas.common.CapturedStandardOutput;
import com.wildrydes.lambdas.common.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RideBackendServiceTest {

    static final String RIDE = "{\"id\":\"r-1\",\"fare\":256.50,\"distance\":600}";

    @RegisterExtension
    final CapturedStandardOutput out = new CapturedStandardOutput();

    @Test
    void logsOneStructuredLinePerProcessedMessage() {
        new RideBackendService("customer-accounting", new FailureInjector(0, () -> 0.0)).process("m-1", RIDE);
        List<String> lines = out.text().lines().toList();
        assertEquals(
                List.of(
                        "[INFO] {\"event\":\"ride-message\",\"service\":\"customer-accounting\","
                                + "\"messageId\":\"m-1\",\"rideId\":\"r-1\",\"fare\":256.50,\"distance\":600,\"outcome\":\"processed\"}"),
                lines);
    }

    @Test
    void aHugeValueInAMessageIsLoggedCutShortSayingHowMuchWasLeftOut() {
        // Anyone who may publish to the topic chooses these values; SNS takes messages up to 256 KB.
        String hugeId = "x".repeat(250_000);
        String hugeFare = "[" + "1,".repeat(100_000) + "1]";
        new RideBackendService("customer-accounting", new FailureInjector(0, () -> 0.0))
                .process("m-9", "{\"id\":\"" + hugeId + "\",\"fare\":" + hugeFare + ",\"distance\":600}");
        String line = out.text().strip();
        assertTrue(line.length() < 10_000, "one log line of " + line.length() + " characters");
        assertTrue(line.contains("\"messageId\":\"m-9\""), line.substring(0, 200));
        assertTrue(line.contains("(245904 more characters)"), "says how much of the id was left out");
        assertTrue(line.contains("\"distance\":600,\"outcome\":\"processed\"}"), "keeps the fields after it");
    }

    @Test
    void failsOnPurposeAtTheConfiguredRateAndSaysSo() {
        RideBackendService alwaysFails =
                new RideBackendService("extraordinary-rides", new FailureInjector(1, () -> 0.99));
        SimulatedFailureException error =
                assertThrows(SimulatedFailureException.class, () -> alwaysFails.process("m-2", RIDE));
        assertTrue(error.getMessage().contains("m-2"));
        assertTrue(out.text().contains("\"outcome\":\"simulated-failure\""));
    }

    @Test
    void rateDecidesPerMessage() {
        FailureInjector half = new FailureInjector(0.5, new java.util.Random(7)::nextDouble);
        int failures = 0;
        for (int i = 0; i < 1000; i++) {
            failures += half.shouldFail() ? 1 : 0;
        }
        assertTrue(failures > 400 && failures < 600, "about half of 1000, got " + failures);
        assertThrows(IllegalArgumentException.class, () -> new FailureInjector(1.5, () -> 0));
    }

    @Test
    void refusesAMessageThatIsNotARide() {
        RideBackendService service = new RideBackendService("customer-notification", new FailureInjector(0, () -> 0));
        InvalidRequestException error =
                assertThrows(InvalidRequestException.class, () -> service.process("m-3", "{\"fare\": 1}"));
        assertEquals("id", error.getField());
        assertThrows(InvalidRequestException.class, () -> service.process("m-4", "not json"));
    }

    @Test
    void snsHandlerProcessesEveryRecordAndPropagatesAFailure() {
        SNSEvent event = new SNSEvent().withRecords(List.of(record("m-5", RIDE), record("m-6", RIDE)));
        assertDoesNotThrow(() -> new RideNotificationHandler(
                        new RideBackendService("s", new FailureInjector(0, () -> 0)))
                .handleRequest(event, null));
        assertEquals(2, out.text().lines().count());
        assertThrows(
                SimulatedFailureException.class,
                () -> new RideNotificationHandler(new RideBackendService("s", new FailureInjector(1, () -> 0)))
                        .handleRequest(event, null));
    }

    private static SNSEvent.SNSRecord record(String messageId, String message) {
        return new SNSEvent.SNSRecord()
                .withSns(new SNSEvent.SNS().withMessageId(messageId).withMessage(message));
    }
}
