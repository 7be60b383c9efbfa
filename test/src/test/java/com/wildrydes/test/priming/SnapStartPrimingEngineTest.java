package com.wildrydes.test.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.wildrydes.lambdas.common.SnapStartPriming;
import com.wildrydes.lambdas.rfq.RfqMessaging;
import com.wildrydes.lambdas.rfq.RfqStore;
import com.wildrydes.lambdas.rides.RidePublisher;
import com.wildrydes.lambdas.rides.RideStore;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.test.engines.EngineFixtures;
import com.wildrydes.test.engines.LocalEngines;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SnapStart's priming, run through the CRaC hook with every collaborator that holds a client built
 * over clients of the local engines, changes nothing there: no item in a table, no message on a
 * topic or a queue.
 */
@ExtendWith(LocalEngines.class)
class SnapStartPrimingEngineTest {

    @Test
    void primingLeavesNoItemAndNoMessage() {
        RunningEngines engines = LocalEngines.get();
        EngineFixtures fixtures = new EngineFixtures(engines);
        String rides = fixtures.createTable("id", null);
        String bookings = fixtures.createTable("id", "responder");
        String rideTopic = fixtures.createTopic();
        String requestTopic = fixtures.createTopic();
        String completionTopic = fixtures.createTopic();
        String responseQueue = fixtures.createQueue(Map.of());
        String deadlineQueue = fixtures.createQueue(Map.of());
        List<String> queues = List.of(
                fixtures.subscribeNewQueue(rideTopic, null),
                fixtures.subscribeNewQueue(requestTopic, null),
                fixtures.subscribeNewQueue(completionTopic, null),
                responseQueue,
                deadlineQueue);

        SnapStartPriming.register(
                SnapStartPrimingEngineTest.class,
                new RideStore(engines.dynamoDb(), rides).primer(),
                new RidePublisher(engines.sns(), rideTopic).primer(),
                new RfqStore(engines.dynamoDb(), bookings, Clock.systemUTC()).primer(),
                new RfqMessaging(
                                engines.sns(),
                                engines.sqs(),
                                requestTopic,
                                responseQueue,
                                deadlineQueue,
                                completionTopic)
                        .primer());
        List<SnapStartPriming> registered = SnapStartPriming.registered();
        registered.get(registered.size() - 1).beforeCheckpoint(null);

        assertEquals(0, fixtures.itemCount(rides), "items in the rides table");
        assertEquals(0, fixtures.itemCount(bookings), "items in the bookings table");
        for (String queue : queues) {
            assertEquals(List.of(), fixtures.drain(queue, Duration.ofSeconds(1)), "messages in " + queue);
        }
    }
}
