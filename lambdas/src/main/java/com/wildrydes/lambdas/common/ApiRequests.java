package com.wildrydes.lambdas.common;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads what a client sent out of an API Gateway proxy event. */
public final class ApiRequests {

    private ApiRequests() {}

    /**
     * The body as the text the client sent. API Gateway passes it base64-encoded ({@code isBase64Encoded})
     * when its content type is a binary media type: then it is decoded, and its bytes must be UTF-8 (JSON's
     * encoding), read strictly, so that no malformed byte becomes a replacement character in a stored field.
     *
     * @return the body, or null when there is none
     * @throws InvalidRequestException naming {@code body} when it is not base64 or not UTF-8 text
     */
    public static String body(APIGatewayProxyRequestEvent request) {
        if (request == null || request.getBody() == null) {
            return null;
        }
        if (!Boolean.TRUE.equals(request.getIsBase64Encoded())) {
            return request.getBody();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(request.getBody());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("body", "is marked base64-encoded but is not base64: " + e.getMessage());
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException("body", "expected UTF-8 text, got bytes that are not");
        }
    }
}
