package com.wildrydes.test.lab3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.lambdas.rfq.DemoResponderHandler;
import com.wildrydes.lambdas.rfq.ExpectedResponders;
import com.wildrydes.lambdas.rfq.QueryRfqHandler;
import com.wildrydes.lambdas.rfq.QuoteCollectorHandler;
import com.wildrydes.lambdas.rfq.RfqDeadlineHandler;
import com.wildrydes.lambdas.rfq.RfqMessaging;
import com.wildrydes.lambdas.rfq.RfqStore;
import com.wildrydes.lambdas.rfq.SubmitRfqHandler;
import com.wildrydes.test.engines.EngineFixtures;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.engines.SqsEventSourcePoller;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole scatter-gather with the real handlers on local engines: submit, fan out to the
 * responders (no delay, chosen availability), gather through the response queue, query, and the
 * completion event; then the deadline, a late quote, duplicates, malformed responses, unknown IDs.
 */
@ExtendWith(LocalEngines.class)
class ScatterGatherEngineTest {

    static final String REQUEST = "{\"from\": \"Frankfurt\", \"to\": \"Las Vegas\", \"customer\": \"cmr\"}";
    static final int RESPONDERS = 3;

    private final ObjectMapper json = new ObjectMapper();
    private EngineFixtures fixtures;
    private RfqStore store;
    private RfqMessaging messaging;
    private String table;
    private String responseQueue;
    private String responseDeadLetterQueue;
    private String deadlineQueue;
    private String completionQueue;
    private final List<String> responderQueues = new ArrayList<>();

    @BeforeEach
    void createTheConstructsResourcesOnTheEngines() {
        fixtures = new EngineFixtures(LocalEngines.get());
        table = fixtures.createTable("id", "responder");
        String requestTopic = fixtures.createTopic();
        String completionTopic = fixtures.createTopic();
        responseDeadLetterQueue = fixtures.createQueue(Map.of());
        responseQueue = fixtures.createQueue(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT,
                "1",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + fixtures.queueArn(responseDeadLetterQueue)
                        + "\",\"maxReceiveCount\":\"2\"}"));
        deadlineQueue = fixtures.createQueue(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"));
        completionQueue = fixtures.subscribeNewQueue(completionTopic, null);
        for (int i = 0; i < RESPONDERS; i++) {
            responderQueues.add(fixtures.subscribeNewQueue(requestTopic, null));
        }
        store = new RfqStore(fixtures.dynamoDb(), table, Clock.systemUTC());
        messaging = new RfqMessaging(
                fixtures.sns(), fixtures.sqs(), requestTopic, responseQueue, deadlineQueue, completionTopic);
    }

    @Test
    void everyResponderAnswersOnceAndTheRequestCompletesOnce() throws Exception {
        String rfqId = submit(Duration.ofSeconds(60));
        List<JsonNode> requests = scatter(1.0, 1.0, 1.0);
        for (JsonNode request : requests) {
            assertEquals(rfqId, request.get("rfq-id").asText(), "the correlation ID");
            assertEquals(responseQueue, request.get("reply-to").asText(), "the return address");
        }
        gather();

        JsonNode answer = query(rfqId, 200);
        assertEquals(rfqId, answer.get("rfq-id").asText());
        assertEquals("Frankfurt", answer.get("from").asText());
        assertEquals("Las Vegas", answer.get("to").asText());
        assertEquals("cmr", answer.get("customer").asText());
        assertEquals(
                List.of("UnicornManagementResource1", "UnicornManagementResource2", "UnicornManagementResource3"),
                responders(answer),
                "each quote exactly once");
        assertEquals(false, answer.get("open").asBoolean());
        assertEquals(3, answer.get("answered").asInt());
        assertEquals(3, answer.get("expected").asInt());

        List<Message> completions = fixtures.awaitAll(completionQueue, 1, Duration.ofSeconds(2));
        assertEquals(1, completions.size(), "the completion event is published once");
        JsonNode completion = json.readTree(completions.get(0).body());
        assertEquals(rfqId, completion.get("rfq-id").asText());
        assertEquals("all-answered", completion.get("reason").asText());
        assertEquals(3, completion.get("quotes").size());

        // A redelivered response changes nothing and completes nothing again.
        fixtures.sqs()
                .sendMessage(send -> send.queueUrl(responseQueue)
                        .messageBody("{\"responder\":\"UnicornManagementResource2\",\"rfq-id\":\"" + rfqId
                                + "\",\"quote\":1}"));
        gather();
        JsonNode afterDuplicate = query(rfqId, 200);
        assertEquals(3, afterDuplicate.get("quotes").size());
        assertEquals(3, afterDuplicate.get("answered").asInt(), "a duplicate is not counted");
        // The collector ran in this thread, and the SNS engine enqueues before it answers a publish.
        assertEquals(List.of(), fixtures.takeAll(completionQueue));
    }

    @Test
    void aQuoteAfterTheDeadlineIsNotCountedAndTheDeadlineClosesTheRequestOnce() throws Exception {
        String rfqId = submit(Duration.ofSeconds(4));
        scatter(1.0, 1.0, 0.0); // the third responder is not available
        gather();
        JsonNode before = query(rfqId, 200);
        assertEquals(true, before.get("open").asBoolean());
        assertEquals(2, before.get("answered").asInt());

        // A duplicated response while the request is open changes nothing.
        fixtures.sqs()
                .sendMessage(send -> send.queueUrl(responseQueue)
                        .messageBody("{\"responder\":\"UnicornManagementResource1\",\"rfq-id\":\"" + rfqId
                                + "\",\"quote\":99}"));
        gather();
        JsonNode afterDuplicate = query(rfqId, 200);
        assertEquals(2, afterDuplicate.get("answered").asInt(), "a duplicate is not counted");
        assertEquals(2, afterDuplicate.get("quotes").size());

        awaitDeadline(rfqId);
        // Late, though the deadline message has not closed the request yet: the deadline alone refuses it.
        fixtures.sqs()
                .sendMessage(send -> send.queueUrl(responseQueue)
                        .messageBody("{\"responder\":\"UnicornManagementResource3\",\"rfq-id\":\"" + rfqId
                                + "\",\"quote\":42}"));
        gather();
        JsonNode after = query(rfqId, 200);
        assertEquals(false, after.get("open").asBoolean());
        assertEquals(2, after.get("answered").asInt(), "the late quote is not counted");
        assertEquals(List.of("UnicornManagementResource1", "UnicornManagementResource2"), responders(after));

        RfqDeadlineHandler deadlineHandler = new RfqDeadlineHandler(store, messaging);
        SqsEventSourcePoller deadlines = new SqsEventSourcePoller(
                fixtures.sqs(), deadlineQueue, event -> deadlineHandler.handleRequest(event, null));
        assertNotNull(
                pollUntilReceived(deadlines, Duration.ofSeconds(10)), "the deadline message arrives after its delay");
        List<Message> completions = fixtures.awaitAll(completionQueue, 1, Duration.ofSeconds(2));
        assertEquals(1, completions.size(), "the completion event is published once");
        JsonNode completion = json.readTree(completions.get(0).body());
        assertEquals("deadline", completion.get("reason").asText());
        assertEquals(2, completion.get("answered").asInt());
        assertEquals(3, completion.get("expected").asInt());
    }

    @Test
    void aMalformedResponseIsDeadLetteredAndNotStored() {
        String rfqId = submit(Duration.ofSeconds(60));
        fixtures.sqs()
                .sendMessage(send -> send.queueUrl(responseQueue)
                        .messageBody("{\"responder\":\"UnicornManagementResource1\",\"rfq-id\":\"" + rfqId
                                + "\",\"quote\":\"lots\"}"));
        fixtures.sqs()
                .sendMessage(send -> send.queueUrl(responseQueue)
                        .messageBody("{\"responder\":\"UnicornManagementResource1\",\"rfq-id\":\"" + UUID.randomUUID()
                                + "\",\"quote\":5}"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && !gather().isEmpty()) {
            // each failed response returns after the 1 s visibility timeout until its second receive
        }
        assertEquals(
                2,
                fixtures.awaitAll(responseDeadLetterQueue, 2, Duration.ofSeconds(2))
                        .size(),
                "both dead-lettered");
        assertEquals(0, query(rfqId, 200).get("quotes").size(), "nothing stored");
    }

    @Test
    void onlyTheExpectedRespondersCountAndEachOnceWhateverTheSpellingOfItsName() {
        String rfqId = submit(Duration.ofSeconds(60));
        // Made-up responders: not one of the three this request expects.
        for (String madeUp : List.of("Resource1", "resource1", "Resource1 ")) {
            sendQuote(rfqId, madeUp);
        }
        // One expected responder, spelled four ways: in other case, padded, in full-width letters.
        for (String sameResponder : List.of(
                "UnicornManagementResource1",
                "unicornmanagementresource1",
                " UnicornManagementResource1\\t",
                "\uFF35nicornManagementResource\uFF11")) {
            sendQuote(rfqId, sameResponder);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && !responseQueueIsEmpty()) {
            gather(); // a refused response returns after the 1 s visibility timeout until its second receive
        }

        JsonNode answer = query(rfqId, 200);
        assertEquals(
                List.of("UnicornManagementResource1"), responders(answer), "stored under its configured name, once");
        assertEquals(1, answer.get("answered").asInt());
        assertEquals(true, answer.get("open").asBoolean(), "made-up names do not complete the request");
        assertEquals(List.of(), fixtures.takeAll(completionQueue), "no completion");
        assertEquals(
                3,
                fixtures.awaitAll(responseDeadLetterQueue, 3, Duration.ofSeconds(2))
                        .size(),
                "the made-up responders' quotes are dead-lettered, not lost");
    }

    @Test
    void unknownAndMalformedIdsAndInvalidRequests() {
        query(UUID.randomUUID().toString(), 404);
        query("not-a-uuid", 400);
        APIGatewayProxyResponseEvent invalid = submitHandler(Duration.ofSeconds(60))
                .handleRequest(
                        new APIGatewayProxyRequestEvent()
                                .withBody("{\"from\": \"Frankfurt\", \"to\": \"\", \"customer\": \"cmr\"}"),
                        null);
        assertEquals(400, invalid.getStatusCode());
        assertEquals(0, fixtures.itemCount(table), "nothing stored");
        assertEquals(List.of(), fixtures.takeAll(responderQueues.get(0)), "nothing published");
    }

    private SubmitRfqHandler submitHandler(Duration deadline) {
        return new SubmitRfqHandler(
                store,
                messaging,
                RESPONDERS,
                deadline,
                Clock.systemUTC(),
                () -> UUID.randomUUID().toString());
    }

    private String submit(Duration deadline) {
        APIGatewayProxyResponseEvent response =
                submitHandler(deadline).handleRequest(new APIGatewayProxyRequestEvent().withBody(REQUEST), null);
        assertEquals(201, response.getStatusCode(), response.getBody());
        try {
            String rfqId = json.readTree(response.getBody()).get("rfq-id").asText();
            assertEquals(
                    "/query-instant-ride-rfq/" + rfqId, response.getHeaders().get("Location"));
            return rfqId;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers the request from each responder's queue to a demo responder with the given availability. */
    private List<JsonNode> scatter(double... availability) throws Exception {
        List<JsonNode> requests = new ArrayList<>();
        for (int i = 0; i < RESPONDERS; i++) {
            List<Message> delivered = fixtures.await(responderQueues.get(i), 1, Duration.ofSeconds(5));
            assertEquals(1, delivered.size(), "responder " + (i + 1) + " receives the request");
            requests.add(json.readTree(delivered.get(0).body()));
            DemoResponderHandler responder = new DemoResponderHandler(
                    "UnicornManagementResource" + (i + 1), availability[i], 0, fixtures.sqs(), () -> 0.3, millis -> {});
            responder.handleRequest(snsEvent(delivered.get(0).body()), null);
        }
        return requests;
    }

    /** Runs the collector over the response queue until a poll finds nothing; returns the failed message ids. */
    private List<String> gather() {
        QuoteCollectorHandler collector = new QuoteCollectorHandler(
                store,
                messaging,
                new ExpectedResponders(List.of(
                        "UnicornManagementResource1", "UnicornManagementResource2", "UnicornManagementResource3")));
        SqsEventSourcePoller poller =
                new SqsEventSourcePoller(fixtures.sqs(), responseQueue, event -> collector.handleRequest(event, null));
        List<String> failed = new ArrayList<>();
        for (SqsEventSourcePoller.Batch batch = poller.pollOnce(10); batch != null; batch = poller.pollOnce(10)) {
            failed.addAll(batch.failedIds());
            if (!batch.failedIds().isEmpty()) {
                break;
            }
        }
        return failed;
    }

    private void sendQuote(String rfqId, String responder) {
        fixtures.sqs()
                .sendMessage(send -> send.queueUrl(responseQueue)
                        .messageBody("{\"responder\":\"" + responder + "\",\"rfq-id\":\"" + rfqId + "\",\"quote\":7}"));
    }

    private boolean responseQueueIsEmpty() {
        Map<QueueAttributeName, String> counts = fixtures.sqs()
                .getQueueAttributes(get -> get.queueUrl(responseQueue)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return "0".equals(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                && "0".equals(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private JsonNode query(String id, int expectedStatus) {
        APIGatewayProxyResponseEvent response = new QueryRfqHandler(store, Clock.systemUTC())
                .handleRequest(new APIGatewayProxyRequestEvent().withPathParameters(Map.of("id", id)), null);
        assertEquals(expectedStatus, response.getStatusCode(), response.getBody());
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the query answers that the request is no longer open: its deadline passed. */
    private void awaitDeadline(String rfqId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (query(rfqId, 200).get("open").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the request stayed open past its deadline");
            }
            Thread.sleep(200);
        }
    }

    private static List<String> responders(JsonNode answer) {
        return StreamSupport.stream(answer.get("quotes").spliterator(), false)
                .map(quote -> quote.get("responder").asText())
                .sorted()
                .toList();
    }

    private static SNSEvent snsEvent(String message) {
        return new SNSEvent()
                .withRecords(List.of(new SNSEvent.SNSRecord()
                        .withSns(new SNSEvent.SNS()
                                .withMessageId(UUID.randomUUID().toString())
                                .withMessage(message))));
    }

    private static SqsEventSourcePoller.Batch pollUntilReceived(SqsEventSourcePoller poller, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            SqsEventSourcePoller.Batch batch = poller.pollOnce(10);
            if (batch != null) {
                return batch;
            }
        }
        return null;
    }
}
