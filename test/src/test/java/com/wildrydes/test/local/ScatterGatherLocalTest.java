package com.wildrydes.test.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.lambda.AwsFault;
import com.wildrydes.local.lambda.FaultPlan;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.support.IamProof;
import com.wildrydes.test.support.SynthesizedApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Lab 3 run locally from its synthesized template, through its public edges: HTTP to the submit
 * and query APIs, the completion topic through a queue subscribed to it with the SNS API. The
 * responders' availability and "computing" time and the request deadline are set with local
 * mode's per-function environment settings; the template is unchanged.
 */
@ExtendWith(LocalEngines.class)
class ScatterGatherLocalTest {

    private static final String STACK = "wild-rydes-async-msg-3";
    private static final String SUBMIT = "RideBookingSubmitFunction507354A7";
    private static final String COLLECTOR = "RideBookingCollectorFunctionF7091B03";
    private static final String[] RESPONDERS = {
        "RideBookingUnicornManagementResource1Function47FF249E",
                "RideBookingUnicornManagementResource2FunctionDC407AB3",
        "RideBookingUnicornManagementResource3Function82B7C3DD",
                "RideBookingUnicornManagementResource4FunctionA03368A4",
        "RideBookingUnicornManagementResource5Function9DD252D7",
                "RideBookingUnicornManagementResource6FunctionB0BBC2D7",
        "RideBookingUnicornManagementResource7Function74D5456D",
                "RideBookingUnicornManagementResource8Function97341D1C",
        "RideBookingUnicornManagementResource9Function27F17DF5",
                "RideBookingUnicornManagementResource10Function4DB1697A"
    };
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalLab answering;
    private static LocalLab silent;
    private static String answeringCompletions;
    private static String silentCompletions;

    @BeforeAll
    static void start() {
        // On local mode's time scale (the documented wildrydes.local.timeScale, template unchanged) the
        // response and deadline queues' 60 s visibility timeouts become 2 s, for the retried quote. The
        // time scale does not change the clock the functions read, against which the deadline function
        // checks the request's deadline: the silent lab's deadline is set to 4 s (its message, delayed
        // 1 s on this scale, arrives early and is retried every 2 s until then). Where every responder
        // answers, the longest deadline SQS allows (15 min) keeps the deadline out of the race.
        LocalSettings settings = LocalSettings.fromSystemProperties().withTimeScale(1.0 / 30);
        LocalSettings everyoneAnswers =
                settings.withNamePrefix("all-").withEnvironment(SUBMIT, "DEADLINE_SECONDS", "900");
        LocalSettings nobodyAnswers = settings.withNamePrefix("none-").withEnvironment(SUBMIT, "DEADLINE_SECONDS", "4");
        for (String responder : RESPONDERS) {
            everyoneAnswers = everyoneAnswers
                    .withEnvironment(responder, "AVAILABILITY", "1")
                    .withEnvironment(responder, "MAX_DELAY_SECONDS", "1");
            nobodyAnswers = nobodyAnswers.withEnvironment(responder, "AVAILABILITY", "0");
        }
        answering = LocalLab.start(SynthesizedApp.cloudAssembly(), STACK, LocalEngines.get(), everyoneAnswers);
        silent = LocalLab.start(SynthesizedApp.cloudAssembly(), STACK, LocalEngines.get(), nobodyAnswers);
        answeringCompletions = subscribeQueue(answering, "all-completions");
        silentCompletions = subscribeQueue(silent, "none-completions");
    }

    @AfterAll
    static void stop() {
        try {
            IamProof.verify(STACK, answering);
            IamProof.verify(STACK, silent);
        } finally {
            if (answering != null) {
                answering.close();
            }
            if (silent != null) {
                silent.close();
            }
        }
    }

    @Test
    void aRequestEveryResponderAnswersClosesOnceWithOneCompletionAndTheQueryShowsTheQuotesThoughOneConflicted()
            throws Exception {
        // DynamoDB cancels the collector's first quote transaction: a conflict on the request item.
        answering.failNth(
                COLLECTOR,
                "DynamoDB",
                "TransactWriteItems",
                1,
                AwsFault.transactionCanceled("None", "TransactionConflict"));
        String rfqId = submit(answering);

        List<JsonNode> completions = awaitCompletions(answeringCompletions, rfqId, Duration.ofSeconds(20));
        assertTrue(
                FaultPlan.fired().stream()
                        .anyMatch(f -> f.contains("TransactWriteItems") && f.contains("TransactionCanceledException")),
                "the planned conflict did not happen: " + FaultPlan.fired());
        assertEquals(1, completions.size(), completions.toString());
        JsonNode completion = completions.get(0);
        assertEquals("all-answered", completion.path("reason").asText(), completion.toString());
        assertEquals(10, completion.path("answered").asInt(), completion.toString());
        Thread.sleep(1500); // a second completion would come now, if any
        assertEquals(
                0,
                awaitCompletions(answeringCompletions, rfqId, Duration.ofMillis(500))
                        .size(),
                "a second completion event");

        JsonNode query = query(answering, rfqId);
        assertEquals(10, query.path("quotes").size(), query.toString());
        assertEquals(false, query.path("open").asBoolean(true), query.toString());
    }

    @Test
    void aRequestWithSilentRespondersClosesAtItsDeadline() throws Exception {
        long submitted = System.nanoTime();
        String rfqId = submit(silent);
        List<JsonNode> completions = awaitCompletions(silentCompletions, rfqId, Duration.ofSeconds(15));
        assertEquals(1, completions.size(), completions.toString());
        assertTrue(
                System.nanoTime() - submitted >= Duration.ofSeconds(4).toNanos(), "closed before its deadline of 4 s");
        assertEquals(
                "deadline",
                completions.get(0).path("reason").asText(),
                completions.get(0).toString());
        assertEquals(0, completions.get(0).path("answered").asInt());
        JsonNode query = query(silent, rfqId);
        assertEquals(0, query.path("quotes").size(), query.toString());
        assertEquals(false, query.path("open").asBoolean(true), query.toString());
    }

    private static String subscribeQueue(LocalLab lab, String name) {
        var engines = LocalEngines.get();
        String url = engines.sqs().createQueue(c -> c.queueName(name)).queueUrl();
        String arn = engines.sqs()
                .getQueueAttributes(g -> g.queueUrl(url).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings()
                .get("QueueArn");
        engines.sns()
                .subscribe(s -> s.topicArn(lab.output("RfqCompletionTopicArn"))
                        .protocol("sqs")
                        .endpoint(arn)
                        .attributes(java.util.Map.of("RawMessageDelivery", "true")));
        return url;
    }

    private static String submit(LocalLab lab) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(lab.output("RideBookingApiSubmitInstantRideRfqEndpoint")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"from\": \"Frankfurt\", \"to\": \"Las Vegas\", \"customer\": \"cmr\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() / 100 == 2, response.statusCode() + " " + response.body());
        return JSON.readTree(response.body()).path("rfq-id").asText();
    }

    private static JsonNode query(LocalLab lab, String rfqId) throws Exception {
        String base = lab.output("RideBookingApiQueryInstantRideRfqEndpoint");
        String url = base.substring(0, base.indexOf('{')) + rfqId;
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** The completion events for the request that arrive within {@code wait} (deleted as read). */
    private static List<JsonNode> awaitCompletions(String queueUrl, String rfqId, Duration wait) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            for (Message message : LocalEngines.get()
                    .sqs()
                    .receiveMessage(
                            r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                JsonNode event = JSON.readTree(message.body());
                if (rfqId.equals(event.path("rfq-id").asText())) {
                    found.add(event);
                }
                LocalEngines.get()
                        .sqs()
                        .deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return found;
    }
}
