package com.wildrydes.test.lab3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.wildrydes.lambdas.rfq.ExpectedResponders;
import com.wildrydes.lambdas.rfq.QuoteCollectorHandler;
import com.wildrydes.lambdas.rfq.RfqDeadlineHandler;
import com.wildrydes.lambdas.rfq.RfqMessaging;
import com.wildrydes.lambdas.rfq.RfqRequest;
import com.wildrydes.lambdas.rfq.RfqStore;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.test.engines.EngineFixtures;
import com.wildrydes.test.engines.InjectedFailures;
import com.wildrydes.test.engines.LocalEngines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InternalErrorException;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Lab 3's promise of one completion event per request, from the handlers' SQS events on the
 * engines: two deliveries of one closing message at once (SQS is at-least-once: a message can be
 * delivered again while its first delivery still runs), a publish that fails after the request
 * closed, and a deadline message that arrives before the request's deadline.
 */
@ExtendWith(LocalEngines.class)
class CompletionOnceEngineTest {

    private static final String RESPONDER = "UnicornManagementResource1";

    private EngineFixtures fixtures;
    private String table;
    private String completionTopic;
    private String completionQueue;
    private RfqStore store;

    @BeforeEach
    void createTheTableAndTheCompletionTopic() {
        fixtures = new EngineFixtures(LocalEngines.get());
        table = fixtures.createTable("id", "responder");
        completionTopic = fixtures.createTopic();
        completionQueue = fixtures.subscribeNewQueue(completionTopic, null);
        store = new RfqStore(fixtures.dynamoDb(), table, Clock.systemUTC());
    }

    @Test
    void twoDeliveriesOfTheClosingQuoteAtOnceCloseTheRequestAndPublishTheCompletionOnce() {
        String rfqId = openRequest(Duration.ofMinutes(5));
        SQSEvent closingQuote = quoteEvent(rfqId, "m-closing");
        QuoteCollectorHandler second = collector(fixtures.sns());
        AtomicReference<SQSBatchResponse> secondResponse = new AtomicReference<>();
        // The second delivery runs in full while the first is about to publish: after the first closed.
        QuoteCollectorHandler first = collector(snsRunningBeforePublish(
                () -> secondResponse.compareAndSet(null, second.handleRequest(closingQuote, null))));

        SQSBatchResponse firstResponse = first.handleRequest(closingQuote, null);

        assertEquals(List.of(), firstResponse.getBatchItemFailures(), "the first delivery succeeds");
        assertEquals(1, completions(rfqId), "one completion event for two deliveries at once");
        // The second delivery failed (the publish was claimed): SQS delivers it again; by then it is done.
        assertEquals(1, secondResponse.get().getBatchItemFailures().size(), "the second delivery is retried");
        assertEquals(List.of(), second.handleRequest(closingQuote, null).getBatchItemFailures());
        assertEquals(0, completions(rfqId), "the retry publishes nothing again");
    }

    @Test
    void aCloserWhosePublishFailedPublishesOnItsRetryAndOnlyThen() {
        String rfqId = openRequest(Duration.ofMinutes(5));
        SQSEvent closingQuote = quoteEvent(rfqId, "m-closing");
        SnsClient failingSns = InjectedFailures.sns(
                LocalEngines.get(),
                PublishRequest.class,
                InjectedFailures.error(InternalErrorException.builder(), 500, "InternalError", "Sns"));

        assertEquals(
                1,
                collector(failingSns)
                        .handleRequest(closingQuote, null)
                        .getBatchItemFailures()
                        .size());
        assertEquals(0, completions(rfqId), "nothing published while SNS fails");
        assertEquals(
                List.of(),
                collector(fixtures.sns()).handleRequest(closingQuote, null).getBatchItemFailures());
        assertEquals(1, completions(rfqId), "the retry publishes, nothing was lost");
    }

    @Test
    void aDeadlineMessageBeforeTheDeadlineLeavesTheRequestOpenAndIsRetried() {
        String rfqId = openRequest(Duration.ofMinutes(5));
        RfqDeadlineHandler deadline = new RfqDeadlineHandler(store, messaging(fixtures.sns()));

        SQSBatchResponse early = deadline.handleRequest(deadlineEvent(rfqId, "m-early"), null);

        assertEquals(1, early.getBatchItemFailures().size(), "an early deadline message fails, so SQS retries it");
        assertEquals(false, store.find(rfqId).orElseThrow().closed(), "the request stays open");
        assertEquals(0, completions(rfqId), "no completion before the deadline");
    }

    @Test
    void aDeadlineMessageAfterTheDeadlineClosesTheRequestOnce() throws Exception {
        String rfqId = openRequest(Duration.ofMillis(300));
        Thread.sleep(400);
        RfqDeadlineHandler deadline = new RfqDeadlineHandler(store, messaging(fixtures.sns()));

        assertEquals(
                List.of(),
                deadline.handleRequest(deadlineEvent(rfqId, "m-due"), null).getBatchItemFailures());
        assertEquals(
                List.of(),
                deadline.handleRequest(deadlineEvent(rfqId, "m-due"), null).getBatchItemFailures());

        assertTrue(store.find(rfqId).orElseThrow().closed());
        assertEquals(1, completions(rfqId));
    }

    private String openRequest(Duration deadline) {
        String rfqId = UUID.randomUUID().toString();
        store.createRequest(
                new RfqRequest(rfqId, "Frankfurt", "Las Vegas", "cmr"),
                1,
                Instant.now().plus(deadline));
        return rfqId;
    }

    private QuoteCollectorHandler collector(SnsClient sns) {
        return new QuoteCollectorHandler(store, messaging(sns), new ExpectedResponders(List.of(RESPONDER)));
    }

    private RfqMessaging messaging(SnsClient sns) {
        return new RfqMessaging(sns, fixtures.sqs(), "unused", "unused", "unused", completionTopic);
    }

    /** The completion events published for the request since the last look (taken off the queue). */
    private int completions(String rfqId) {
        return (int) fixtures.takeAll(completionQueue).stream()
                .filter(message -> message.body().contains(rfqId))
                .count();
    }

    private static SQSEvent quoteEvent(String rfqId, String messageId) {
        return event(messageId, "{\"responder\":\"" + RESPONDER + "\",\"rfq-id\":\"" + rfqId + "\",\"quote\":7}");
    }

    private static SQSEvent deadlineEvent(String rfqId, String messageId) {
        return event(messageId, "{\"rfq-id\":\"" + rfqId + "\"}");
    }

    private static SQSEvent event(String messageId, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(messageId);
        message.setBody(body);
        message.setAttributes(Map.of());
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    /** A real SNS client on the engine that runs {@code before} once, as its first Publish is about to leave. */
    private static SnsClient snsRunningBeforePublish(Runnable before) {
        RunningEngines engines = LocalEngines.get();
        return SnsClient.builder()
                .endpointOverride(engines.snsSqsEndpoint())
                .region(RunningEngines.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(new ExecutionInterceptor() {
                            @Override
                            public void beforeTransmission(
                                    Context.BeforeTransmission context, ExecutionAttributes attributes) {
                                if (context.request() instanceof PublishRequest) {
                                    before.run();
                                }
                            }
                        })
                        .build())
                .build();
    }
}
