package com.wildrydes.test.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.lambda.LocalFunction;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.support.IamProof;
import com.wildrydes.test.support.SynthesizedApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lab 2 run locally from its synthesized template at the demo's failure rate (one in two, the
 * template's own {@code FAILURE_RATE}), through its public edges: HTTP to the local API, the
 * dead-letter queues through the SQS API, each function's log group and its concurrency (Lambda's
 * ConcurrentExecutions metric). Only the queues' visibility timeouts are shortened, by local mode's
 * documented time scale.
 */
@ExtendWith(LocalEngines.class)
class QueueChainingLocalTest {

    private static final String STACK = "wild-rydes-async-msg-2";
    private static final int RIDES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The services, by function logical ID, with their dead-letter queue's output key. */
    private static final Map<String, String> DEAD_LETTERS = new LinkedHashMap<>();

    static {
        DEAD_LETTERS.put("CustomerAccountingFunctionFA09DB28", "CustomerAccountingDeadLetterQueueUrl");
        DEAD_LETTERS.put("CustomerNotificationFunctionD73BCFC3", "CustomerNotificationDeadLetterQueueUrl");
        DEAD_LETTERS.put("ExtraordinaryRidesFunctionAD498A44", "ExtraordinaryRidesDeadLetterQueueUrl");
    }

    private static LocalLab lab;

    @BeforeAll
    static void start() {
        // 60 s visibility timeouts become 2 s; the template is unchanged.
        lab = LocalLab.start(
                SynthesizedApp.cloudAssembly(),
                STACK,
                LocalEngines.get(),
                LocalSettings.fromSystemProperties().withTimeScale(1.0 / 30));
    }

    @AfterAll
    static void stop() {
        try {
            IamProof.verify(STACK, lab);
        } finally {
            if (lab != null) {
                lab.close();
            }
        }
    }

    @Test
    void everyRideIsProcessedOnceOrDeadLetteredAndConcurrencyStaysWithinTheMappingsMaximum() throws Exception {
        Set<String> all = new HashSet<>();
        Set<String> extraordinary = new HashSet<>();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> sent = new ArrayList<>();
            for (int i = 0; i < RIDES; i++) {
                // every other ride is extraordinary, so the filtered service gets half of them
                boolean big = i % 2 == 0;
                String ride = big
                        ? "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": 256.50}"
                        : "{\"from\": \"Berlin\", \"to\": \"Potsdam\", \"duration\": 30, \"distance\": 35, \"customer\": \"cmr\", \"fare\": 45.10}";
                sent.add(senders.submit(() -> post(ride)));
            }
            for (int i = 0; i < RIDES; i++) {
                String id = sent.get(i).get();
                all.add(id);
                if (i % 2 == 0) {
                    extraordinary.add(id);
                }
            }
        } finally {
            senders.shutdown();
        }
        Map<String, Set<String>> sentTo = new LinkedHashMap<>();
        sentTo.put("CustomerAccountingFunctionFA09DB28", all);
        sentTo.put("CustomerNotificationFunctionD73BCFC3", all);
        sentTo.put("ExtraordinaryRidesFunctionAD498A44", extraordinary);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!settled(sentTo) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        for (Map.Entry<String, Set<String>> service : sentTo.entrySet()) {
            String function = service.getKey();
            List<String> processed = processedRideIds(function);
            Set<String> processedOnce = new HashSet<>(processed);
            assertEquals(processed.size(), processedOnce.size(), function + " processed a ride twice after success");
            Set<String> deadLettered = deadLetteredRideIds(DEAD_LETTERS.get(function));
            Set<String> both = new HashSet<>(processedOnce);
            both.retainAll(deadLettered);
            assertTrue(both.isEmpty(), function + ": processed and dead-lettered " + both);
            Set<String> lost = new HashSet<>(service.getValue());
            lost.removeAll(processedOnce);
            lost.removeAll(deadLettered);
            assertTrue(
                    lost.isEmpty(),
                    function + ": processed (" + processedOnce.size() + ") + dead-lettered (" + deadLettered.size()
                            + ") of " + service.getValue().size() + " sent; neither: " + lost.size());
            assertEquals(
                    service.getValue().size(),
                    processedOnce.size() + deadLettered.size(),
                    function + ": processed or dead-lettered a ride it was not sent");
            assertTrue(failures(function) > 0, function + " never failed: the demo's failure rate was not in effect");
            int peak = function(function).peakConcurrency();
            assertTrue(peak <= 5, function + " ran " + peak + " invocations at once; the mapping allows 5");
        }
    }

    private static boolean settled(Map<String, Set<String>> sentTo) {
        for (Map.Entry<String, Set<String>> service : sentTo.entrySet()) {
            String url = lab.output(DEAD_LETTERS.get(service.getKey()));
            int deadLettered = Integer.parseInt(LocalEngines.get()
                    .sqs()
                    .getQueueAttributes(
                            get -> get.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
            if (new HashSet<>(processedRideIds(service.getKey())).size() + deadLettered
                    < service.getValue().size()) {
                return false;
            }
        }
        return true;
    }

    private static String post(String body) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(lab.output("UnicornManagementServiceApiSubmitRideCompletionEndpoint")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("id").asText();
    }

    /** The ride IDs of the function's {@code processed} log lines, one per line (repeats kept). */
    private static List<String> processedRideIds(String functionLogicalId) {
        List<String> ids = new ArrayList<>();
        for (JsonNode line : logLines(functionLogicalId)) {
            if ("processed".equals(line.path("outcome").asText())) {
                ids.add(line.path("rideId").asText());
            }
        }
        return ids;
    }

    private static long failures(String functionLogicalId) {
        return logLines(functionLogicalId).stream()
                .filter(line -> "simulated-failure".equals(line.path("outcome").asText()))
                .count();
    }

    private static List<JsonNode> logLines(String functionLogicalId) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : function(functionLogicalId).logLines()) {
            try {
                // Outside Lambda the runtime's text format: "[LEVEL] {...}".
                lines.add(JSON.readTree(line.replaceFirst("^\\[[A-Z]+\\] ", "")));
            } catch (java.io.IOException notJson) {
                // a line that is not a structured event
            }
        }
        return lines;
    }

    private static Set<String> deadLetteredRideIds(String outputKey) throws Exception {
        Set<String> ids = new HashSet<>();
        String url = lab.output(outputKey);
        while (true) {
            List<Message> messages = LocalEngines.get()
                    .sqs()
                    .receiveMessage(r -> r.queueUrl(url)
                            .maxNumberOfMessages(10)
                            .visibilityTimeout(60)
                            .waitTimeSeconds(0))
                    .messages();
            if (messages.isEmpty()) {
                return ids;
            }
            for (Message message : messages) {
                ids.add(JSON.readTree(message.body()).path("id").asText());
            }
        }
    }

    private static LocalFunction function(String logicalId) {
        return lab.functions().entrySet().stream()
                .filter(f -> f.getKey().endsWith("-" + logicalId))
                .findFirst()
                .orElseThrow()
                .getValue();
    }
}
