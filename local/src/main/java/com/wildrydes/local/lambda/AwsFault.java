package com.wildrydes.local.lambda;

/**
 * An AWS error answer, as the service would send it: HTTP status, error code (for example
 * {@code TransactionCanceledException}, {@code ThrottlingException}, {@code Throttling}) and
 * message, and for JSON-protocol services extra members of the error body (for example DynamoDB's
 * {@code "CancellationReasons":[...]}, written as JSON without the braces). The function's own SDK
 * client reads the answer, so the handler meets the very exception type and code AWS would give it.
 */
public record AwsFault(int status, String code, String message, String extraJsonMembers) {

    public AwsFault {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an AWS error answer has a 4xx or 5xx status, got " + status);
        }
    }

    /** DynamoDB cancelling a transaction, with one reason code per item of the transaction, in order. */
    public static AwsFault transactionCanceled(String... reasonCodes) {
        StringBuilder reasons = new StringBuilder();
        for (String code : reasonCodes) {
            reasons.append(reasons.isEmpty() ? "" : ",")
                    .append("{\"Code\":\"")
                    .append(code)
                    .append('"')
                    .append(code.equals("None") ? "" : ",\"Message\":\"" + code + "\"")
                    .append('}');
        }
        return new AwsFault(
                400,
                "TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons" + " for specific reasons "
                        + java.util.Arrays.toString(reasonCodes),
                "\"CancellationReasons\":[" + reasons + "]");
    }

    /**
     * The answer the service sends, in the protocol of a request with that content type: the JSON
     * protocols' {@code {"__type": code, "message": ...}} (DynamoDB, SQS) or the query protocol's XML
     * {@code ErrorResponse} (SNS).
     */
    public Answer answer(String requestContentType) {
        String requestId = java.util.UUID.randomUUID().toString();
        String type = status < 500 ? "Sender" : "Receiver";
        if (requestContentType != null && requestContentType.contains("json")) {
            String body = "{\"__type\":\"" + code + "\",\"message\":" + jsonString(message)
                    + (extraJsonMembers == null ? "" : "," + extraJsonMembers) + "}";
            return new Answer(
                    status,
                    java.util.Map.of(
                            "Content-Type", requestContentType,
                            "x-amzn-RequestId", requestId,
                            "x-amzn-query-error", code + ";" + type),
                    body);
        }
        String body = "<ErrorResponse><Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>"
                + message.replace("&", "&amp;").replace("<", "&lt;") + "</Message></Error><RequestId>" + requestId
                + "</RequestId></ErrorResponse>";
        return new Answer(status, java.util.Map.of("Content-Type", "text/xml", "x-amzn-RequestId", requestId), body);
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** An HTTP answer: status, headers and body. */
    public record Answer(int status, java.util.Map<String, String> headers, String body) {}
}
