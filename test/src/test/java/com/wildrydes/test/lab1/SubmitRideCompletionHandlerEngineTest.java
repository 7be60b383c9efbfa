package com.wildrydes.test.lab1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.lambdas.rides.RidePublisher;
import com.wildrydes.lambdas.rides.RideStore;
import com.wildrydes.lambdas.rides.SubmitRideCompletionHandler;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.test.engines.EngineFixtures;
import com.wildrydes.test.engines.InjectedFailures;
import com.wildrydes.test.engines.LocalEngines;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InternalErrorException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.ThrottledException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The real submit handler with real SDK clients against dynoxide (DynamoDB) and fauxqs (SNS and
 * SQS): what lands in the table and on the topic, and what does not when the input is invalid or
 * the publish fails.
 */
@ExtendWith(LocalEngines.class)
class SubmitRideCompletionHandlerEngineTest {

    static final String WORKSHOP_RIDE =
            "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": 256.50}";

    private final ObjectMapper json = new ObjectMapper();
    private EngineFixtures fixtures;
    private String table;
    private String topicArn;
    private String subscriberQueue;

    @BeforeEach
    void createTableTopicAndSubscriber() {
        fixtures = new EngineFixtures(LocalEngines.get());
        table = fixtures.createTable("id", null);
        topicArn = fixtures.createTopic();
        subscriberQueue = fixtures.subscribeNewQueue(topicArn, null);
    }

    @Test
    void storesTheRideWithNumberTypesAndPublishesItWithBothAttributes() throws Exception {
        APIGatewayProxyResponseEvent response = handler(topicArn).handleRequest(post(WORKSHOP_RIDE), null);

        assertEquals(201, response.getStatusCode(), response.getBody());
        String id = json.readTree(response.getBody()).get("id").asText();
        assertEquals(id, UUID.fromString(id).toString(), "the id is a UUID");
        assertEquals("/rides/" + id, response.getHeaders().get("Location"));

        Map<String, AttributeValue> item = fixtures.dynamoDb()
                .getItem(get -> get.tableName(table).key(Map.of("id", AttributeValue.fromS(id))))
                .item();
        assertEquals("Berlin", item.get("from").s());
        assertEquals("Frankfurt", item.get("to").s());
        assertEquals("cmr", item.get("customer").s());
        assertEquals("420", item.get("duration").n());
        assertEquals("600", item.get("distance").n());
        assertEquals(
                0,
                new BigDecimal("256.50")
                        .compareTo(new BigDecimal(item.get("fare").n())),
                item.get("fare").n());

        List<Message> messages = fixtures.takeAll(subscriberQueue);
        assertEquals(1, messages.size(), "one message on the topic");
        JsonNode published = json.readTree(messages.get(0).body());
        assertEquals(id, published.get("id").asText());
        assertEquals(256.50, published.get("fare").asDouble());
        assertTrue(published.get("fare").isNumber() && published.get("distance").isNumber(), "numbers as JSON numbers");
        Map<String, MessageAttributeValue> attributes = messages.get(0).messageAttributes();
        assertEquals("Number", attributes.get("fare").dataType());
        assertEquals("256.50", attributes.get("fare").stringValue());
        assertEquals("Number", attributes.get("distance").dataType());
        assertEquals("600", attributes.get("distance").stringValue());
    }

    @Test
    void acceptsNumbersSentAsStringsAsTheWorkshopSampleDoes() {
        String body = "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": \"420\", \"distance\": \"600\", "
                + "\"customer\": \"cmr\", \"fare\": \"899.99\"}";
        APIGatewayProxyResponseEvent response = handler(topicArn).handleRequest(post(body), null);

        assertEquals(201, response.getStatusCode(), response.getBody());
        Map<String, AttributeValue> item =
                fixtures.dynamoDb().scan(scan -> scan.tableName(table)).items().get(0);
        assertEquals(
                0,
                new BigDecimal("899.99")
                        .compareTo(new BigDecimal(item.get("fare").n())),
                item.get("fare").n());
        assertEquals(1, fixtures.takeAll(subscriberQueue).size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "malformed JSON         | {\"from\": \"Berlin\",                                                                                                  | body",
                "not an object          | [1, 2]                                                                                                                | body",
                "missing fare           | {\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\"}           | fare",
                "empty customer         | {\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"\", \"fare\": 1} | customer",
                "non-numeric distance   | {\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": \"far\", \"customer\": \"c\", \"fare\": 1} | distance",
                "negative fare          | {\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"c\", \"fare\": -5} | fare",
                "boolean duration       | {\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": true, \"distance\": 600, \"customer\": \"c\", \"fare\": 5} | duration",
                "number as from         | {\"from\": 7, \"to\": \"Frankfurt\", \"duration\": 1, \"distance\": 600, \"customer\": \"c\", \"fare\": 5}        | from",
            })
    void rejectsInvalidInputNamingTheFieldAndLeavesTableAndTopicUntouched(String caseName, String body, String field)
            throws Exception {
        APIGatewayProxyResponseEvent response = handler(topicArn).handleRequest(post(body.strip()), null);

        assertEquals(400, response.getStatusCode(), caseName + ": " + response.getBody());
        JsonNode error = json.readTree(response.getBody());
        assertEquals(field, error.get("field").asText(), response.getBody());
        assertTrue(error.get("error").asText().length() > 5, "says what was wrong: " + response.getBody());
        assertEquals(0, fixtures.itemCount(table), "nothing written");
        assertEquals(List.of(), fixtures.takeAll(subscriberQueue), "nothing published");
    }

    /**
     * API Gateway hands a body over base64-encoded (isBase64Encoded) when its content type is one of the
     * API's binary media types; the event is read here by the Java runtime's own serializer, headers in
     * the case a client chose. The body is the bytes the client sent: a ride is a ride either way.
     */
    @Test
    void aBase64EncodedBodyIsReadAsTheBytesTheClientSent() throws Exception {
        String encoded = Base64.getEncoder().encodeToString(WORKSHOP_RIDE.getBytes(StandardCharsets.UTF_8));

        APIGatewayProxyResponseEvent response = handler(topicArn).handleRequest(restProxyEvent(encoded, true), null);

        assertEquals(201, response.getStatusCode(), response.getBody());
        String id = json.readTree(response.getBody()).get("id").asText();
        assertEquals(
                0,
                new BigDecimal("256.50")
                        .compareTo(new BigDecimal(fixtures.dynamoDb()
                                .getItem(get -> get.tableName(table).key(Map.of("id", AttributeValue.fromS(id))))
                                .item()
                                .get("fare")
                                .n())));
        assertEquals(1, fixtures.takeAll(subscriberQueue).size(), "published once");
    }

    /** What is not base64, or is base64 of bytes that are not UTF-8 text, is refused naming the body; nothing kept. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "not base64, '{\"from\": \"Berlin\"}'",
        "base64 of bytes that are not UTF-8, /v8=",
        "base64 of a lone surrogate encoded as UTF-8, 7aCA"
    })
    void aBase64BodyThatIsNoTextIsRefusedNamingTheBody(String caseName, String encoded) throws Exception {
        APIGatewayProxyResponseEvent response = handler(topicArn).handleRequest(restProxyEvent(encoded, true), null);

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("body", json.readTree(response.getBody()).get("field").asText(), response.getBody());
        assertEquals(0, fixtures.itemCount(table));
        assertEquals(List.of(), fixtures.takeAll(subscriberQueue));
    }

    @Test
    void rejectsAMissingBody() {
        APIGatewayProxyResponseEvent response =
                handler(topicArn).handleRequest(new APIGatewayProxyRequestEvent(), null);
        assertEquals(400, response.getStatusCode());
        assertEquals(0, fixtures.itemCount(table));
    }

    @Test
    void aRideForATopicThatDoesNotExistIsAPermanentFailureAndNotKept() {
        String missingTopic = topicArn + "-deleted";
        APIGatewayProxyResponseEvent response = handler(missingTopic).handleRequest(post(WORKSHOP_RIDE), null);

        assertEquals(500, response.getStatusCode(), response.getBody());
        assertNull(response.getHeaders().get("Retry-After"), "sending it again cannot help: " + response.getHeaders());
        assertEquals(0, fixtures.itemCount(table), "the stored ride was undone");
    }

    @Test
    void aThrottledWriteAnswers503WithRetryAfterAndKeepsNothing() {
        DynamoDbClient throttled = InjectedFailures.dynamoDb(
                LocalEngines.get(),
                PutItemRequest.class,
                InjectedFailures.error(
                        ProvisionedThroughputExceededException.builder(),
                        400,
                        "ProvisionedThroughputExceededException",
                        "DynamoDb"));
        APIGatewayProxyResponseEvent response =
                handler(throttled, LocalEngines.get().sns(), topicArn).handleRequest(post(WORKSHOP_RIDE), null);

        assertRetryable(response);
        assertEquals(List.of(), fixtures.takeAll(subscriberQueue), "nothing published");
    }

    @Test
    void aWriteDynamoDbRefusesAsInvalidIsPermanent500WithoutRetryAfter() {
        DynamoDbClient refusing = InjectedFailures.dynamoDb(
                LocalEngines.get(),
                PutItemRequest.class,
                InjectedFailures.error(DynamoDbException.builder(), 400, "ValidationException", "DynamoDb"));
        APIGatewayProxyResponseEvent response =
                handler(refusing, LocalEngines.get().sns(), topicArn).handleRequest(post(WORKSHOP_RIDE), null);

        assertPermanent(response);
        assertEquals(List.of(), fixtures.takeAll(subscriberQueue), "nothing published");
    }

    @Test
    void aThrottledPublishAnswers503WithRetryAfterAndUndoesTheRide() {
        // SNS names its throttling "Throttled", which the SDK's own list of throttling codes does not hold.
        SnsClient throttled = InjectedFailures.sns(
                LocalEngines.get(),
                PublishRequest.class,
                InjectedFailures.error(ThrottledException.builder(), 400, "Throttled", "Sns"));
        APIGatewayProxyResponseEvent response =
                handler(LocalEngines.get().dynamoDb(), throttled, topicArn).handleRequest(post(WORKSHOP_RIDE), null);

        assertRetryable(response);
    }

    @Test
    void aPublishSnsRefusesAsInvalidIsPermanent500AndUndoesTheRide() {
        SnsClient refusing = InjectedFailures.sns(
                LocalEngines.get(),
                PublishRequest.class,
                InjectedFailures.error(InvalidParameterException.builder(), 400, "InvalidParameter", "Sns"));
        APIGatewayProxyResponseEvent response =
                handler(LocalEngines.get().dynamoDb(), refusing, topicArn).handleRequest(post(WORKSHOP_RIDE), null);

        assertPermanent(response);
    }

    @Test
    void aPublishFailingWithA5xxAnswers503() {
        SnsClient failing = InjectedFailures.sns(
                LocalEngines.get(),
                PublishRequest.class,
                InjectedFailures.error(InternalErrorException.builder(), 500, "InternalError", "Sns"));
        APIGatewayProxyResponseEvent response =
                handler(LocalEngines.get().dynamoDb(), failing, topicArn).handleRequest(post(WORKSHOP_RIDE), null);

        assertRetryable(response);
    }

    private void assertRetryable(APIGatewayProxyResponseEvent response) {
        assertEquals(503, response.getStatusCode(), response.getBody());
        assertEquals("1", response.getHeaders().get("Retry-After"));
        assertEquals(0, fixtures.itemCount(table), "nothing kept");
    }

    private void assertPermanent(APIGatewayProxyResponseEvent response) {
        assertEquals(500, response.getStatusCode(), response.getBody());
        assertNull(response.getHeaders().get("Retry-After"), "sending it again cannot help: " + response.getHeaders());
        assertEquals(0, fixtures.itemCount(table), "nothing kept");
    }

    private SubmitRideCompletionHandler handler(DynamoDbClient dynamoDb, SnsClient sns, String topic) {
        return new SubmitRideCompletionHandler(
                new RideStore(dynamoDb, table),
                new RidePublisher(sns, topic),
                () -> UUID.randomUUID().toString());
    }

    private SubmitRideCompletionHandler handler(String topic) {
        RunningEngines engines = LocalEngines.get();
        return handler(engines.dynamoDb(), engines.sns(), topic);
    }

    /** A REST API proxy event as API Gateway sends it, read by the Java runtime's own event serializer. */
    private static APIGatewayProxyRequestEvent restProxyEvent(String body, boolean base64) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("resource", "/submit-ride-completion");
        event.put("path", "/submit-ride-completion");
        event.put("httpMethod", "POST");
        event.put("headers", Map.of("content-TYPE", "application/octet-stream", "Accept", "*/*"));
        event.put("multiValueHeaders", Map.of("content-TYPE", List.of("application/octet-stream")));
        event.put("queryStringParameters", null);
        event.put("pathParameters", null);
        event.put("requestContext", Map.of("stage", "prod", "requestId", "r-1", "httpMethod", "POST"));
        event.put("body", body);
        event.put("isBase64Encoded", base64);
        return LambdaEventSerializers.serializerFor(
                        APIGatewayProxyRequestEvent.class, SubmitRideCompletionHandlerEngineTest.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(mapper.writeValueAsBytes(event)));
    }

    private static APIGatewayProxyRequestEvent post(String body) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPath("/submit-ride-completion")
                .withBody(body);
    }
}
