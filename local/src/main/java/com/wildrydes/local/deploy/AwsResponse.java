package com.wildrydes.local.deploy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the endpoint answers: status, headers and body, in whichever protocol the service speaks. */
public record AwsResponse(int status, Map<String, String> headers, byte[] body) {

    public static AwsResponse of(int status, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new AwsResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON-protocol answer (SSM, and the other {@code X-Amz-Target} services). */
    public static AwsResponse json(int status, String body) {
        return of(status, "application/x-amz-json-1.1", body);
    }

    /** A JSON-protocol error as the SDKs read it: {@code __type} and {@code message}. */
    public static AwsResponse jsonError(int status, String code, String message) {
        return json(
                status,
                "{\"__type\":\"" + code + "\",\"message\":"
                        + com.fasterxml.jackson.databind.node.TextNode.valueOf(message) + "}");
    }

    public AwsResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new AwsResponse(status, more, body);
    }
}
