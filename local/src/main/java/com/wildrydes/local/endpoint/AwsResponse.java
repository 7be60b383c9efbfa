package com.wildrydes.local.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A service's answer: status, headers and body, as the endpoint sends it back. */
public record AwsResponse(int status, Map<String, String> headers, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public AwsResponse {
        headers = Map.copyOf(headers);
    }

    /** A JSON body with that content type ({@code application/x-amz-json-1.0}, {@code application/json}...). */
    public static AwsResponse json(int status, String contentType, JsonNode body) {
        try {
            return new AwsResponse(status, Map.of("Content-Type", contentType), JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A text body ({@code text/xml}, {@code application/xml}, JSON as a string) with that content type. */
    public static AwsResponse of(int status, String contentType, String body) {
        return new AwsResponse(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    /** A body-less answer with these headers (S3's HEAD and DELETE). */
    public static AwsResponse empty(int status, Map<String, String> headers) {
        return new AwsResponse(status, headers, new byte[0]);
    }

    public static AwsResponse xml(int status, String body) {
        return new AwsResponse(status, Map.of("Content-Type", "text/xml"), body.getBytes(StandardCharsets.UTF_8));
    }

    /** The same answer with one more header. */
    public AwsResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new AwsResponse(status, more, body);
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
