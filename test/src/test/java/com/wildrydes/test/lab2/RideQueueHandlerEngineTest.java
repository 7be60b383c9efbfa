package com.wildrydes.test.lab2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.wildrydes.lambdas.backend.FailureInjector;
import com.wildrydes.lambdas.backend.RideBackendService;
import com.wildrydes.lambdas.backend.RideQueueHandler;
import com.wildrydes.test.engines.EngineFixtures;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.engines.SqsEventSourcePoller;
import com.wildrydes.test.engines.SqsEventSourcePoller.Batch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lab 2's queue handler, the real code, against a real local SQS engine (fauxqs), with the queue
 * set up as TopicQueueChain sets it up: a redrive policy to a dead-letter queue.
 */
@ExtendWith(LocalEngines.class)
class RideQueueHandlerEngineTest {

    static final int MAX_RECEIVE_COUNT = 3;
    static final String RIDE = "{\"id\":\"r-%d\",\"fare\":256.50,\"distance\":600}";

    private EngineFixtures fixtures;
    private SqsClient sqs;
    private String queue;
    private String deadLetterQueue;

    @BeforeEach
    void createQueueWithDeadLetterQueue() {
        fixtures = new EngineFixtures(LocalEngines.get());
        sqs = fixtures.sqs();
        deadLetterQueue = fixtures.createQueue(Map.of());
        queue = fixtures.createQueue(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT,
                "1",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + fixtures.queueArn(deadLetterQueue) + "\",\"maxReceiveCount\":\""
                        + MAX_RECEIVE_COUNT + "\"}"));
    }

    @Test
    void processedMessagesAreDeleted() {
        for (int i = 0; i < 3; i++) {
            send(String.format(RIDE, i));
        }
        Batch batch = poller(0).pollOnce(10);

        assertEquals(3, batch.received().size());
        assertEquals(Set.of(), batch.failedIds());
        assertEquals(List.of(), fixtures.drain(queue, Duration.ofSeconds(2)), "nothing comes back");
        assertEquals(List.of(), fixtures.drain(deadLetterQueue, Duration.ofSeconds(1)));
    }

    @Test
    void aBatchWithOneBadMessageReportsExactlyThatOne() {
        send(String.format(RIDE, 1));
        String bad = send("{\"not\": \"a ride\"}");
        send(String.format(RIDE, 2));

        Batch batch = poller(0).pollOnce(10);

        assertEquals(3, batch.received().size());
        assertEquals(Set.of(bad), batch.failedIds());
        Batch again = awaitNextBatch(poller(0));
        assertEquals(1, again.received().size(), "only the failed message returns");
        assertEquals(bad, again.received().get(0).messageId());
    }

    @Test
    void aMessageThatAlwaysFailsReturnsAfterTheVisibilityTimeoutThenLandsInTheDeadLetterQueue() {
        String id = send(String.format(RIDE, 9));
        SqsEventSourcePoller alwaysFailing = poller(1);

        for (int receive = 1; receive <= MAX_RECEIVE_COUNT; receive++) {
            Batch batch = awaitNextBatch(alwaysFailing);
            assertEquals(Set.of(id), batch.failedIds());
            assertEquals(receive, batch.receiveCountOf(id), "received again after the visibility timeout");
        }
        assertNull(
                pollFor(alwaysFailing, Duration.ofSeconds(3)),
                "gone from the queue after " + MAX_RECEIVE_COUNT + " receives");
        List<software.amazon.awssdk.services.sqs.model.Message> dead =
                fixtures.drain(deadLetterQueue, Duration.ofSeconds(2));
        assertEquals(1, dead.size(), "in the dead-letter queue");
        assertEquals(String.format(RIDE, 9), dead.get(0).body(), "unchanged");
    }

    private SqsEventSourcePoller poller(double failureRate) {
        RideQueueHandler handler = new RideQueueHandler(
                new RideBackendService("customer-accounting", new FailureInjector(failureRate, () -> 0.5)));
        return new SqsEventSourcePoller(sqs, queue, event -> handler.handleRequest(event, null));
    }

    private String send(String body) {
        return sqs.sendMessage(send -> send.queueUrl(queue).messageBody(body)).messageId();
    }

    private static Batch awaitNextBatch(SqsEventSourcePoller poller) {
        Batch batch = pollFor(poller, Duration.ofSeconds(10));
        assertNotNull(batch, "a message became visible again");
        return batch;
    }

    private static Batch pollFor(SqsEventSourcePoller poller, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Batch batch = poller.pollOnce(10);
            if (batch != null) {
                return batch;
            }
        }
        return null;
    }
}
