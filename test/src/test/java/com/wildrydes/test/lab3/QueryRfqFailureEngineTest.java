package com.wildrydes.test.lab3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.wildrydes.lambdas.rfq.QueryRfqHandler;
import com.wildrydes.lambdas.rfq.RfqStore;
import com.wildrydes.test.engines.EngineFixtures;
import com.wildrydes.test.engines.InjectedFailures;
import com.wildrydes.test.engines.LocalEngines;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The request for quotes' query when DynamoDB fails, with the real AWS errors injected into the real
 * SDK client: the client gets an answer in the API's error shape, 503 with Retry-After only when
 * asking again can succeed, 500 without it when it cannot; never Lambda's bare failure (API
 * Gateway's 502), which tells a client nothing about trying again.
 */
@ExtendWith(LocalEngines.class)
class QueryRfqFailureEngineTest {

    private String table;

    @BeforeEach
    void createTheTable() {
        table = new EngineFixtures(LocalEngines.get()).createTable("id", "responder");
    }

    @Test
    void aThrottledReadAnswers503WithRetryAfter() {
        APIGatewayProxyResponseEvent response = query(InjectedFailures.error(
                ProvisionedThroughputExceededException.builder(),
                400,
                "ProvisionedThroughputExceededException",
                "DynamoDb"));

        assertEquals(503, response.getStatusCode(), response.getBody());
        assertEquals("1", response.getHeaders().get("Retry-After"));
        assertTrue(response.getBody().contains("\"error\""), response.getBody());
    }

    @Test
    void aServerErrorAnswers503WithRetryAfter() {
        APIGatewayProxyResponseEvent response = query(
                InjectedFailures.error(InternalServerErrorException.builder(), 500, "InternalServerError", "DynamoDb"));

        assertEquals(503, response.getStatusCode(), response.getBody());
        assertEquals("1", response.getHeaders().get("Retry-After"));
    }

    @Test
    void aReadDynamoDbRefusesForGoodIsPermanent500WithoutRetryAfter() {
        for (AwsServiceException refused : new AwsServiceException[] {
            InjectedFailures.error(ResourceNotFoundException.builder(), 400, "ResourceNotFoundException", "DynamoDb"),
            InjectedFailures.error(DynamoDbException.builder(), 400, "AccessDeniedException", "DynamoDb")
        }) {
            APIGatewayProxyResponseEvent response = query(refused);

            assertEquals(500, response.getStatusCode(), response.getBody());
            assertNull(response.getHeaders().get("Retry-After"), "asking again cannot help: " + response.getHeaders());
            assertTrue(response.getBody().contains("\"error\""), response.getBody());
        }
    }

    private APIGatewayProxyResponseEvent query(AwsServiceException error) {
        QueryRfqHandler handler = new QueryRfqHandler(
                new RfqStore(
                        InjectedFailures.dynamoDb(LocalEngines.get(), QueryRequest.class, error),
                        table,
                        Clock.systemUTC()),
                Clock.systemUTC());
        return handler.handleRequest(
                new APIGatewayProxyRequestEvent()
                        .withHttpMethod("GET")
                        .withPathParameters(Map.of("id", UUID.randomUUID().toString())),
                null);
    }
}
