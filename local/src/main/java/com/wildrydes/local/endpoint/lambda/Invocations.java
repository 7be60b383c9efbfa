package com.wildrydes.local.endpoint.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.local.endpoint.AwsError;
import com.wildrydes.local.endpoint.AwsRequest;
import com.wildrydes.local.endpoint.AwsResponse;
import com.wildrydes.local.lambda.FunctionLogs;
import com.wildrydes.local.lambda.LocalFunction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Lambda's Invoke as the CLI and SDKs see it: {@code RequestResponse} answers 200 with the
 * function's payload, or its error with {@code X-Amz-Function-Error: Unhandled}; {@code Event}
 * answers 202 and runs the function in the background (once: the template's asynchronous retries
 * apply to SNS's deliveries, not to these); {@code DryRun} answers 204. With
 * {@code X-Amz-Log-Type: Tail}, {@code X-Amz-Log-Result} holds the last 4 KB of the invocation's
 * log (base64), between Lambda's START, END and REPORT lines.
 */
final class Invocations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TAIL_BYTES = 4096;

    private final ExecutorService background = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "local-lambda-event-invoke");
        thread.setDaemon(true);
        return thread;
    });

    AwsResponse invoke(Functions.Resolved resolved, AwsRequest request) {
        String payload = request.body().length == 0 ? "{}" : request.bodyText();
        try {
            JSON.readTree(payload);
        } catch (IOException e) {
            throw new AwsError(
                    400,
                    "InvalidRequestContentException",
                    "Could not parse request body into json: "
                            + e.getMessage().lines().findFirst().orElse(""));
        }
        String type = request.header("X-Amz-Invocation-Type") == null
                ? "RequestResponse"
                : request.header("X-Amz-Invocation-Type");
        LocalFunction function = resolved.function();
        String requestId = UUID.randomUUID().toString();
        switch (type) {
            case "DryRun" -> {
                return new AwsResponse(204, Map.of("x-amzn-RequestId", requestId), new byte[0]);
            }
            case "Event" -> {
                background.submit(() -> function.invoke(payload));
                return new AwsResponse(202, Map.of("x-amzn-RequestId", requestId), new byte[0]);
            }
            case "RequestResponse" -> {
                return requestResponse(resolved, payload, requestId, "Tail".equals(request.header("X-Amz-Log-Type")));
            }
            default ->
                throw new AwsError(
                        400,
                        "InvalidParameterValueException",
                        "Invalid invocation type " + type + "; expected RequestResponse, Event or DryRun");
        }
    }

    private static AwsResponse requestResponse(
            Functions.Resolved resolved, String payload, String requestId, boolean tail) {
        LocalFunction function = resolved.function();
        FunctionLogs.LogGroup logs = function.logGroup();
        long mark = logs.mark();
        long started = System.nanoTime();
        LocalFunction.Invocation invocation = function.invoke(payload);
        double millis = (System.nanoTime() - started) / 1_000_000.0;
        String body = invocation.failed() ? invocation.errorJson() : invocation.payload();
        AwsResponse response = new AwsResponse(
                200,
                Map.of(
                        "Content-Type",
                        "application/json",
                        "x-amzn-RequestId",
                        requestId,
                        "X-Amz-Executed-Version",
                        resolved.executedVersion()),
                body.getBytes(StandardCharsets.UTF_8));
        if (invocation.failed()) {
            response = response.withHeader("X-Amz-Function-Error", "Unhandled");
        }
        if (tail) {
            StringBuilder log = new StringBuilder(
                    "START RequestId: " + requestId + " Version: " + resolved.executedVersion() + "\n");
            logs.since(mark).forEach(line -> log.append(line.message()).append('\n'));
            log.append("END RequestId: ").append(requestId).append('\n');
            log.append(String.format(
                    "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\t%n",
                    requestId, millis, (long) Math.ceil(millis)));
            byte[] bytes = log.toString().getBytes(StandardCharsets.UTF_8);
            int from = Math.max(0, bytes.length - TAIL_BYTES);
            response = response.withHeader(
                    "X-Amz-Log-Result",
                    Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, from, bytes.length)));
        }
        return response;
    }
}
