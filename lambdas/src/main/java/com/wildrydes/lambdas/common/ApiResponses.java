package com.wildrydes.lambdas.common;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/** API Gateway proxy responses with JSON bodies. */
public final class ApiResponses {

    private static final Map<String, String> JSON_CONTENT = Map.of("Content-Type", "application/json");

    private ApiResponses() {}

    public static APIGatewayProxyResponseEvent created(String location, Map<String, ?> body) {
        Map<String, String> headers = new LinkedHashMap<>(JSON_CONTENT);
        headers.put("Location", location);
        return respond(201, headers, body);
    }

    public static APIGatewayProxyResponseEvent ok(Map<String, ?> body) {
        return respond(200, JSON_CONTENT, body);
    }

    /** 400 naming the field that was wrong and what was wrong with it. */
    public static APIGatewayProxyResponseEvent badRequest(InvalidRequestException e) {
        return respond(400, JSON_CONTENT, Map.of("error", e.getProblem(), "field", e.getField()));
    }

    public static APIGatewayProxyResponseEvent notFound(String message) {
        return respond(404, JSON_CONTENT, Map.of("error", message));
    }

    /** 503: a dependency failed in a way a retry can fix; the request may be sent again. */
    public static APIGatewayProxyResponseEvent unavailable(String message) {
        Map<String, String> headers = new LinkedHashMap<>(JSON_CONTENT);
        headers.put("Retry-After", "1");
        return respond(503, headers, Map.of("error", message));
    }

    /**
     * 500: a dependency refused the request in a way that sending it again will not change (a
     * configuration fault, not the client's). No Retry-After.
     */
    public static APIGatewayProxyResponseEvent failed(String message) {
        return respond(500, JSON_CONTENT, Map.of("error", message));
    }

    /**
     * 503 with Retry-After when {@link AwsErrors#isRetryable} says a retry can succeed, else 500.
     * {@code nothingKept} says whether the client can rely on nothing of the request being stored.
     */
    public static APIGatewayProxyResponseEvent dependencyFailed(
            SdkException e, String whatFailed, boolean nothingKept) {
        String kept = nothingKept ? "; nothing was kept." : "; it was not confirmed and will not be sent.";
        return AwsErrors.isRetryable(e)
                ? unavailable(whatFailed + kept + " Send it again.")
                : failed(whatFailed + kept
                        + " The fault is the service's, not the request's: sending it again will not help.");
    }

    /**
     * For a read, which changes nothing: 503 with Retry-After when {@link AwsErrors#isRetryable} says
     * asking again can succeed, else 500.
     */
    public static APIGatewayProxyResponseEvent readFailed(SdkException e, String whatFailed) {
        return AwsErrors.isRetryable(e)
                ? unavailable(whatFailed + ". Ask again.")
                : failed(whatFailed + ". The fault is the service's, not the request's: asking again will not help.");
    }

    private static APIGatewayProxyResponseEvent respond(int status, Map<String, String> headers, Map<String, ?> body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(Json.write(body));
    }
}
