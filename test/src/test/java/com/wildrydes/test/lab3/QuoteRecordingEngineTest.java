package com.wildrydes.test.lab3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.lambdas.rfq.ExpectedResponders;
import com.wildrydes.lambdas.rfq.QuoteCollectorHandler;
import com.wildrydes.lambdas.rfq.RfqMessaging;
import com.wildrydes.lambdas.rfq.RfqRequest;
import com.wildrydes.lambdas.rfq.RfqState;
import com.wildrydes.lambdas.rfq.RfqStore;
import com.wildrydes.test.engines.EngineFixtures;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.engines.SqsEventSourcePoller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * How the collector treats each way DynamoDB can cancel the transaction that stores and counts a
 * quote, on the local engines, with the conditions dynoxide cannot produce (a conflict with
 * another quote's transaction on the request item, throttling, an item-level validation error)
 * injected into the real SDK client. Only "the quote is already stored" is a duplicate and only
 * "the request is closed" is late; anything else fails the message, so that it is retried and,
 * if it never succeeds, dead-lettered: a valid quote is never dropped.
 */
@ExtendWith(LocalEngines.class)
class QuoteRecordingEngineTest {

    static final String RESPONDER = "UnicornManagementResource1";

    private EngineFixtures fixtures;
    private String table;
    private String responseQueue;
    private String responseDeadLetterQueue;
    private String completionTopic;

    @BeforeEach
    void createTheResourcesOnTheEngines() {
        fixtures = new EngineFixtures(LocalEngines.get());
        table = fixtures.createTable("id", "responder");
        completionTopic = fixtures.createTopic();
        responseDeadLetterQueue = fixtures.createQueue(Map.of());
        responseQueue = fixtures.createQueue(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT,
                "1",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + fixtures.queueArn(responseDeadLetterQueue)
                        + "\",\"maxReceiveCount\":\"2\"}"));
    }

    @Test
    void aQuoteWhoseTransactionConflictedOnTheRequestIsRetriedAndCounted() {
        assertRetriedAndCounted(new CancelledTransactions(1, "None", "TransactionConflict"));
    }

    @Test
    void aQuoteWhoseTransactionWasThrottledIsRetriedAndCounted() {
        assertRetriedAndCounted(new CancelledTransactions(1, "None", "ThrottlingError"));
        assertRetriedAndCounted(new CancelledTransactions(1, "ProvisionedThroughputExceeded", "None"));
    }

    @Test
    void aQuoteThatConflictsWhileItsRequestConditionFailedIsRetriedNotCalledLate() {
        // The request's condition failed, but the quote's own write conflicted: whether it is a
        // duplicate is unknown, so it is retried; the retry finds the request open and counts it.
        assertRetriedAndCounted(new CancelledTransactions(1, "TransactionConflict", "ConditionalCheckFailed"));
    }

    @Test
    void aQuoteThatDynamoDbRefusesAsInvalidIsDeadLetteredNotDeleted() {
        CancelledTransactions invalid = new CancelledTransactions(Integer.MAX_VALUE, "ValidationError", "None");
        String rfqId = openRequest(2);
        send(rfqId, RESPONDER);

        Collector collector = new Collector(LocalEngines.get().dynamoDb(invalid));
        collector.pollUntil(Duration.ofSeconds(10), () -> !collector.failed.isEmpty() && queueIsEmpty());
        assertEquals(
                1,
                fixtures.awaitAll(responseDeadLetterQueue, 1, Duration.ofSeconds(2))
                        .size(),
                "the response is in the dead-letter queue");
        assertEquals(0, state(rfqId).answered());
    }

    @Test
    void aDuplicateOfAQuoteOnAClosedRequestIsADuplicateAndNothingFails() {
        // Both conditions fail: the quote is stored already and the request has closed since.
        String rfqId = openRequest(2);
        send(rfqId, RESPONDER);
        Collector collector = new Collector(fixtures.dynamoDb());
        collector.pollUntil(Duration.ofSeconds(5), () -> state(rfqId).answered() == 1);
        new RfqStore(fixtures.dynamoDb(), table, Clock.systemUTC()).close(rfqId, "deadline", "test");

        send(rfqId, RESPONDER);
        collector.pollUntil(Duration.ofSeconds(3), this::queueIsEmpty);
        assertEquals(List.of(), collector.failed, "a duplicate is not a failure");
        assertEquals(1, state(rfqId).answered());
        assertEquals(List.of(), fixtures.takeAll(responseDeadLetterQueue));
    }

    @Test
    void aResponderNameOverDynamoDbsKeyLimitIsDeadLetteredNotDeleted() {
        // dynoxide cancels this transaction as DynamoDB does: [ValidationError, None], the sort
        // key being over 1024 bytes. (The construct refuses such a name at synthesis; the
        // collector is given it here to reach DynamoDB's own refusal.)
        String tooLong = "R".repeat(1100);
        String rfqId = openRequest(2);
        send(rfqId, tooLong);

        Collector collector = new Collector(fixtures.dynamoDb(), tooLong);
        collector.pollUntil(Duration.ofSeconds(10), () -> !collector.failed.isEmpty() && queueIsEmpty());
        assertEquals(
                1,
                fixtures.awaitAll(responseDeadLetterQueue, 1, Duration.ofSeconds(2))
                        .size(),
                "the response is in the dead-letter queue");
        assertEquals(0, state(rfqId).answered());
    }

    private void assertRetriedAndCounted(CancelledTransactions cancellation) {
        String rfqId = openRequest(2);
        send(rfqId, RESPONDER);

        Collector collector = new Collector(LocalEngines.get().dynamoDb(cancellation));
        collector.pollUntil(Duration.ofSeconds(10), () -> state(rfqId).answered() == 1);

        assertEquals(0, cancellation.pending(), "the injected cancellation happened");
        assertEquals(1, collector.failed.size(), "the cancelled attempt failed the message, so it came back");
        assertEquals(2, collector.countedOnReceive, "counted on the redelivery");
        RfqState state = state(rfqId);
        assertEquals(1, state.answered());
        assertEquals(
                List.of(RESPONDER),
                state.quotes().stream().map(RfqState.CountedQuote::responder).toList());
        assertTrue(!state.closed(), "one of two answered: still open");
    }

    private String openRequest(int expected) {
        String rfqId = UUID.randomUUID().toString();
        new RfqStore(fixtures.dynamoDb(), table, Clock.systemUTC())
                .createRequest(
                        new RfqRequest(rfqId, "Frankfurt", "Las Vegas", "cmr"),
                        expected,
                        Instant.now().plusSeconds(60));
        return rfqId;
    }

    private void send(String rfqId, String responder) {
        fixtures.sqs()
                .sendMessage(send -> send.queueUrl(responseQueue)
                        .messageBody(
                                "{\"responder\":\"" + responder + "\",\"rfq-id\":\"" + rfqId + "\",\"quote\":42}"));
    }

    private RfqState state(String rfqId) {
        return new RfqStore(fixtures.dynamoDb(), table, Clock.systemUTC())
                .find(rfqId)
                .orElseThrow();
    }

    private boolean queueIsEmpty() {
        Map<QueueAttributeName, String> counts = fixtures.sqs()
                .getQueueAttributes(get -> get.queueUrl(responseQueue)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return "0".equals(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                && "0".equals(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** The collector behind the response queue's event source, over the given DynamoDB client. */
    private final class Collector {

        final List<String> failed = new ArrayList<>();
        int countedOnReceive;
        private final SqsEventSourcePoller poller;

        Collector(DynamoDbClient dynamoDb) {
            this(dynamoDb, RESPONDER);
        }

        Collector(DynamoDbClient dynamoDb, String expectedResponder) {
            RfqStore store = new RfqStore(dynamoDb, table, Clock.systemUTC());
            QuoteCollectorHandler handler = new QuoteCollectorHandler(
                    store,
                    new RfqMessaging(fixtures.sns(), fixtures.sqs(), "", responseQueue, "", completionTopic),
                    new ExpectedResponders(List.of(expectedResponder, "UnicornManagementResource2")));
            this.poller = new SqsEventSourcePoller(
                    fixtures.sqs(), responseQueue, event -> handler.handleRequest(event, null));
        }

        /** Polls as Lambda's event source would until {@code done} holds or {@code wait} passes. */
        void pollUntil(Duration wait, BooleanSupplier done) {
            long deadline = System.nanoTime() + wait.toNanos();
            while (!done.getAsBoolean() && System.nanoTime() < deadline) {
                SqsEventSourcePoller.Batch batch = poller.pollOnce(10);
                if (batch == null) {
                    continue;
                }
                failed.addAll(batch.failedIds());
                for (Message message : batch.received()) {
                    if (!batch.failedIds().contains(message.messageId())) {
                        countedOnReceive = batch.receiveCountOf(message.messageId());
                    }
                }
            }
        }
    }
}
