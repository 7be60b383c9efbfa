package com.wildrydes.test.lab2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.lambdas.rides.RidePublisher;
import com.wildrydes.lambdas.rides.RideStore;
import com.wildrydes.lambdas.rides.SubmitRideCompletionHandler;
import com.wildrydes.test.engines.EngineFixtures;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.support.SynthesizedApp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Lab 2's fan-out end to end on local engines: rides submitted through the real submit handler
 * reach the three backend queues, subscribed to the topic exactly as the synthesized lab 2
 * template subscribes them (raw delivery, the extraordinary-rides filter).
 */
@ExtendWith(LocalEngines.class)
class TopicQueueFanOutEngineTest {

    static final String EXTRAORDINARY =
            "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": 256.50}";
    static final String ORDINARY =
            "{\"from\": \"Berlin\", \"to\": \"Potsdam\", \"duration\": 30, \"distance\": 35, \"customer\": \"cmr\", \"fare\": 45.10}";

    @Test
    void everyRideReachesEveryQueueAndOnlyExtraordinaryOnesReachTheExtraordinaryRidesQueue() throws Exception {
        EngineFixtures fixtures = new EngineFixtures(LocalEngines.get());
        String topicArn = fixtures.createTopic();
        Map<String, String> queues = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> subscription :
                templateSubscriptions().entrySet()) {
            queues.put(subscription.getKey(), subscribeAsTemplated(fixtures, topicArn, subscription.getValue()));
        }
        assertEquals(3, queues.size());

        String table = fixtures.createTable("id", null);
        SubmitRideCompletionHandler submit = new SubmitRideCompletionHandler(
                new RideStore(fixtures.dynamoDb(), table),
                new RidePublisher(fixtures.sns(), topicArn),
                () -> UUID.randomUUID().toString());
        String extraordinaryId = idOf(submit, EXTRAORDINARY);
        String ordinaryId = idOf(submit, ORDINARY);

        for (Map.Entry<String, String> queue : queues.entrySet()) {
            List<String> rideIds = fixtures.drain(queue.getValue(), Duration.ofSeconds(3)).stream()
                    .map(TopicQueueFanOutEngineTest::rideId)
                    .sorted()
                    .toList();
            List<String> expected = queue.getKey().startsWith("ExtraordinaryRides")
                    ? List.of(extraordinaryId)
                    : java.util.stream.Stream.of(extraordinaryId, ordinaryId)
                            .sorted()
                            .toList();
            assertEquals(expected, rideIds, queue.getKey());
        }
    }

    /** The lab 2 subscriptions by logical ID: each one's properties as synthesized. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> templateSubscriptions() {
        Map<String, Map<String, Object>> subscriptions = new LinkedHashMap<>();
        SynthesizedApp.template(WildRydesApp.LAB_2)
                .findResources("AWS::SNS::Subscription")
                .forEach((id, resource) -> subscriptions.put(id, (Map<String, Object>) resource.get("Properties")));
        return subscriptions;
    }

    private static String subscribeAsTemplated(EngineFixtures fixtures, String topicArn, Map<String, Object> properties)
            throws Exception {
        assertEquals("sqs", properties.get("Protocol"));
        assertEquals(true, properties.get("RawMessageDelivery"));
        Object filter = properties.get("FilterPolicy");
        return fixtures.subscribeNewQueue(
                topicArn, filter == null ? null : new ObjectMapper().writeValueAsString(filter));
    }

    private static String idOf(SubmitRideCompletionHandler submit, String body) throws Exception {
        String response = submit.handleRequest(new APIGatewayProxyRequestEvent().withBody(body), null)
                .getBody();
        return new ObjectMapper().readTree(response).get("id").asText();
    }

    private static String rideId(Message message) {
        try {
            return new ObjectMapper().readTree(message.body()).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException("not a ride: " + message.body(), e);
        }
    }
}
