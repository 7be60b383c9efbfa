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
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
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
 * closed, a closing message that never publishes (the deadline message does), a publish SNS took
 * while the client timed out (published again as the same event: at least once, keyed on
 * {@code rfq-id}), and a deadline message that arrives before the request's deadline.
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

        assertEquals(1, failedDeliveries(closingQuote, snsFailingWith500()));
        assertEquals(0, completions(rfqId), "nothing published while SNS fails");
        assertEquals(
                List.of(),
                collector(fixtures.sns()).handleRequest(closingQuote, null).getBatchItemFailures());
        assertEquals(1, completions(rfqId), "the retry publishes, nothing was lost");
    }

    @Test
    void aRequestWhoseClosingQuoteNeverPublishedIsPublishedByItsDeadlineMessage() throws Exception {
        String rfqId = openRequest(Duration.ofMillis(300));
        // The last quote closes the request but cannot publish; say every retry of it fails the same
        // way and it is dead-lettered. The deadline message comes after the deadline.
        assertEquals(1, failedDeliveries(quoteEvent(rfqId, "m-closing"), snsFailingWith500()));
        Thread.sleep(400);

        SQSBatchResponse due = new RfqDeadlineHandler(store, messaging(fixtures.sns()))
                .handleRequest(deadlineEvent(rfqId, "m-deadline"), null);

        assertEquals(List.of(), due.getBatchItemFailures());
        assertEquals(1, completions(rfqId), "the deadline message published what the closer could not");
        assertEquals("all-answered", store.find(rfqId).orElseThrow().closedReason(), "closed once, by the last quote");
    }

    @Test
    void aPublishSnsAcceptedWhileTheClientTimedOutIsPublishedAgainAsTheSameEvent() {
        String rfqId = openRequest(Duration.ofMinutes(5));
        SQSEvent closingQuote = quoteEvent(rfqId, "m-closing");
        // SNS takes the event, but its answer comes after the client's own API call timeout: the SDK
        // throws ApiCallTimeoutException, as a publisher cut off by a slow network or its invocation's
        // end would see; nothing tells the handler that SNS has the event.
        SnsClient timingOutSns = snsAnsweringAfterItsTimeout();

        assertEquals(
                1,
                collector(timingOutSns)
                        .handleRequest(closingQuote, null)
                        .getBatchItemFailures()
                        .size(),
                "the delivery whose publish timed out fails, so SQS retries it");
        List<String> first = completionBodies(rfqId);
        assertEquals(1, first.size(), "SNS had accepted the event");

        assertEquals(
                List.of(),
                collector(fixtures.sns()).handleRequest(closingQuote, null).getBatchItemFailures());
        List<String> again = completionBodies(rfqId);

        // At least once: the retry cannot know SNS had it, and publishes it again, the very same event,
        // so that a subscriber keyed on rfq-id processes it once.
        assertEquals(first, again, "the retry's event is the same event");
        assertTrue(first.get(0).contains("\"rfq-id\":\"" + rfqId + "\""), first.get(0));
        assertEquals(
                List.of(),
                collector(fixtures.sns()).handleRequest(closingQuote, null).getBatchItemFailures());
        assertEquals(0, completions(rfqId), "once recorded, no delivery publishes it again");
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

    /** The messages of {@code event} the collector reports failed (SQS delivers them again). */
    private int failedDeliveries(SQSEvent event, SnsClient sns) {
        return collector(sns).handleRequest(event, null).getBatchItemFailures().size();
    }

    private static SnsClient snsFailingWith500() {
        return InjectedFailures.sns(
                LocalEngines.get(),
                PublishRequest.class,
                InjectedFailures.error(InternalErrorException.builder(), 500, "InternalError", "Sns"));
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

    /** The completion events' bodies published for the request since the last look (taken off the queue). */
    private List<String> completionBodies(String rfqId) {
        return fixtures.takeAll(completionQueue).stream()
                .map(message -> message.body())
                .filter(body -> body.contains(rfqId))
                .toList();
    }

    /**
     * A real SNS client on the engine with an API call timeout of 300 ms, whose Publish reaches SNS and
     * whose answer is held back 1 s: the SDK's own timeout fires after SNS accepted the message.
     */
    private static SnsClient snsAnsweringAfterItsTimeout() {
        return engineSns(ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(Duration.ofMillis(300))
                .addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
                        if (context.request() instanceof PublishRequest) {
                            holdBack(Duration.ofSeconds(1));
                        }
                    }
                })
                .build());
    }

    /** A real SNS client on the engine, with the test's configuration. */
    private static SnsClient engineSns(ClientOverrideConfiguration configuration) {
        RunningEngines engines = LocalEngines.get();
        return SnsClient.builder()
                .endpointOverride(engines.snsSqsEndpoint())
                .region(RunningEngines.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(configuration)
                .build();
    }

    /** Waits, through the SDK's interrupt at its timeout, then leaves the interrupt for the SDK to see. */
    private static void holdBack(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        boolean interrupted = false;
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(Math.max(1, (until - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A real SNS client on the engine that runs {@code before} once, as its first Publish is about to leave. */
    private static SnsClient snsRunningBeforePublish(Runnable before) {
        return engineSns(ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        if (context.request() instanceof PublishRequest) {
                            before.run();
                        }
                    }
                })
                .build());
    }
}
