package com.wildrydes.local.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * How a service's protocol writes an error, so the SDKs and the CLI parse it as AWS's: the AWS
 * JSON protocols ({@code __type} in the body), the REST-JSON one ({@code x-amzn-ErrorType}
 * header), the query protocol (an XML {@code ErrorResponse}).
 */
public enum Protocol {
    AWS_JSON_1_0("application/x-amz-json-1.0"),
    AWS_JSON_1_1("application/x-amz-json-1.1"),
    REST_JSON("application/json"),
    QUERY("text/xml");

    private final String contentType;

    Protocol(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public AwsResponse ok(ObjectNode body) {
        return AwsResponse.json(200, contentType, body);
    }

    public AwsResponse error(AwsError error) {
        String requestId = UUID.randomUUID().toString();
        if (this == QUERY) {
            return AwsResponse.xml(
                            error.status(),
                            "<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
                                    + "<Error><Type>" + (error.status() < 500 ? "Sender" : "Receiver") + "</Type>"
                                    + "<Code>" + Xml.escape(error.code()) + "</Code>"
                                    + "<Message>" + Xml.escape(error.getMessage()) + "</Message></Error>"
                                    + "<RequestId>" + requestId + "</RequestId></ErrorResponse>")
                    .withHeader("x-amzn-RequestId", requestId);
        }
        ObjectNode body = AwsResponse.object();
        if (this == REST_JSON) {
            body.put("Type", error.status() < 500 ? "User" : "Service");
            body.put("message", error.getMessage());
        } else {
            body.put("__type", error.code());
            body.put("message", error.getMessage());
        }
        return AwsResponse.json(error.status(), contentType, body)
                .withHeader("x-amzn-ErrorType", error.code())
                .withHeader("x-amzn-RequestId", requestId);
    }
}
