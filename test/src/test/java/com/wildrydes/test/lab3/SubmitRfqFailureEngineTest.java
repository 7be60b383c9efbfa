package com.wildrydes.test.lab3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.wildrydes.lambdas.rfq.RfqMessaging;
import com.wildrydes.lambdas.rfq.RfqStore;
import com.wildrydes.lambdas.rfq.SubmitRfqHandler;
import com.wildrydes.test.engines.EngineFixtures;
import com.wildrydes.test.engines.InjectedFailures;
import com.wildrydes.test.engines.LocalEngines;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.KmsDisabledException;
import software.amazon.awssdk.services.sns.model.KmsThrottlingException;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * The request for quotes' submit when DynamoDB or SNS fail, with the real AWS errors injected into
 * the real SDK clients: 503 with Retry-After only when sending the request again can succeed, 500
 * without it when it cannot, and in both cases nothing kept and nothing sent to the responders.
 */
@ExtendWith(LocalEngines.class)
class SubmitRfqFailureEngineTest {

    static final String REQUEST = "{\"from\": \"Frankfurt\", \"to\": \"Las Vegas\", \"customer\": \"cmr\"}";

    private EngineFixtures fixtures;
    private String table;
    private String requestTopic;
    private String responder;
    private String deadlineQueue;

    @BeforeEach
    void createTheResources() {
        fixtures = new EngineFixtures(LocalEngines.get());
        table = fixtures.createTable("id", "responder");
        requestTopic = fixtures.createTopic();
        responder = fixtures.subscribeNewQueue(requestTopic, null);
        deadlineQueue = fixtures.createQueue(Map.of());
    }

    @Test
    void aThrottledWriteAnswers503WithRetryAfter() {
        DynamoDbClient throttled = InjectedFailures.dynamoDb(
                LocalEngines.get(),
                PutItemRequest.class,
                InjectedFailures.error(ThrottlingException.builder(), 400, "ThrottlingException", "DynamoDb"));
        assertRetryable(submit(throttled, fixtures.sns()));
    }

    @Test
    void aWriteDynamoDbRefusesAsInvalidIsPermanent() {
        DynamoDbClient refusing = InjectedFailures.dynamoDb(
                LocalEngines.get(),
                PutItemRequest.class,
                InjectedFailures.error(DynamoDbException.builder(), 400, "ValidationException", "DynamoDb"));
        assertPermanent(submit(refusing, fixtures.sns()));
    }

    @Test
    void aPublishThrottledByTheTopicsKeyAnswers503AndKeepsNothing() {
        SnsClient throttled = InjectedFailures.sns(
                LocalEngines.get(),
                PublishRequest.class,
                InjectedFailures.error(KmsThrottlingException.builder(), 400, "KMSThrottling", "Sns"));
        assertRetryable(submit(fixtures.dynamoDb(), throttled));
    }

    @Test
    void aPublishToATopicWhoseKeyIsDisabledIsPermanentAndKeepsNothing() {
        SnsClient refusing = InjectedFailures.sns(
                LocalEngines.get(),
                PublishRequest.class,
                InjectedFailures.error(KmsDisabledException.builder(), 400, "KMSDisabled", "Sns"));
        assertPermanent(submit(fixtures.dynamoDb(), refusing));
    }

    @Test
    void aPublishFailureWhoseUndoFailsTooStillAnswersAndLeavesOnlyTheUnsentRequest() {
        SnsClient throttled = InjectedFailures.sns(
                LocalEngines.get(),
                PublishRequest.class,
                InjectedFailures.error(KmsThrottlingException.builder(), 400, "KMSThrottling", "Sns"));
        DynamoDbClient undoRefused = InjectedFailures.dynamoDb(
                LocalEngines.get(),
                DeleteItemRequest.class,
                InjectedFailures.error(ThrottlingException.builder(), 400, "ThrottlingException", "DynamoDb"));

        APIGatewayProxyResponseEvent response = submit(undoRefused, throttled);

        assertEquals(503, response.getStatusCode(), "the publish failure decides the answer, not the failed undo");
        assertEquals("1", response.getHeaders().get("Retry-After"));
        assertEquals(1, fixtures.itemCount(table), "the request could not be removed: it stays, never confirmed");
        assertEquals(List.of(), fixtures.drain(responder, Duration.ofSeconds(1)), "nothing sent to the responders");
    }

    private APIGatewayProxyResponseEvent submit(DynamoDbClient dynamoDb, SnsClient sns) {
        SubmitRfqHandler handler = new SubmitRfqHandler(
                new RfqStore(dynamoDb, table, Clock.systemUTC()),
                new RfqMessaging(sns, fixtures.sqs(), requestTopic, "https://reply.example", deadlineQueue, ""),
                10,
                Duration.ofMinutes(2),
                Clock.systemUTC(),
                () -> UUID.randomUUID().toString());
        return handler.handleRequest(
                new APIGatewayProxyRequestEvent().withHttpMethod("POST").withBody(REQUEST), null);
    }

    private void assertRetryable(APIGatewayProxyResponseEvent response) {
        assertEquals(503, response.getStatusCode(), response.getBody());
        assertEquals("1", response.getHeaders().get("Retry-After"));
        assertNothingKeptOrSent();
    }

    private void assertPermanent(APIGatewayProxyResponseEvent response) {
        assertEquals(500, response.getStatusCode(), response.getBody());
        assertNull(response.getHeaders().get("Retry-After"), "sending it again cannot help: " + response.getHeaders());
        assertNothingKeptOrSent();
    }

    private void assertNothingKeptOrSent() {
        assertEquals(0, fixtures.itemCount(table), "nothing kept");
        assertEquals(List.of(), fixtures.drain(responder, Duration.ofSeconds(1)), "nothing sent to the responders");
    }
}
