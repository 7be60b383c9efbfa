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
}
