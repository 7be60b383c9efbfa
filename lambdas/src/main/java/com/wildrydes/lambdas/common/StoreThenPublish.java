package com.wildrydes.lambdas.common;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The submit flow both APIs share (rides in labs 1 and 2, requests for quotes in lab 3): store the
 * item, then publish it, and answer 2xx only for what is both stored and published. When the
 * publish fails, the stored item is removed again, so that no subscriber misses something the API
 * confirmed; if that removal fails too, the item stays, never confirmed to anyone, and is logged
 * as an orphan with its id. The answer is 503 with Retry-After when a retry can succeed, 500 when it
 * cannot (see {@link AwsErrors}), decided by the failure that stopped the flow, never by the undo.
 *
 * @param subject what is submitted, for the log events ({@code ride} gives {@code ride-submitted},
 *     {@code ride-not-stored} and {@code ride-not-published})
 * @param idField the id's field in the log lines, such as {@code rideId}
 * @param clientName how the answer to the client names it, such as {@code The ride}
 */
public record StoreThenPublish(String subject, String idField, String clientName) {

    /** One call to DynamoDB, SNS or SQS. */
    @FunctionalInterface
    public interface Step {
        void run();
    }

    public APIGatewayProxyResponseEvent submit(
            String id, Step store, Step publish, Step undoStore, Supplier<APIGatewayProxyResponseEvent> created) {
        try {
            store.run();
        } catch (SdkException e) {
            StructuredLog.error(
                    subject + "-not-stored",
                    Map.of(
                            idField,
                            id,
                            "error",
                            String.valueOf(e.getMessage()),
                            "retryable",
                            AwsErrors.isRetryable(e)));
            return ApiResponses.dependencyFailed(e, clientName + " could not be stored", true);
        }
        try {
            publish.run();
        } catch (SdkException e) {
            boolean undone = undo(id, undoStore, e);
            return ApiResponses.dependencyFailed(e, clientName + " could not be published", undone);
        }
        StructuredLog.info(subject + "-submitted", Map.of(idField, id));
        return created.get();
    }

    private boolean undo(String id, Step undoStore, SdkException publishFailure) {
        try {
            undoStore.run();
            StructuredLog.error(
                    subject + "-not-published",
                    Map.of(
                            idField,
                            id,
                            "error",
                            String.valueOf(publishFailure.getMessage()),
                            "retryable",
                            AwsErrors.isRetryable(publishFailure),
                            "undone",
                            true));
            return true;
        } catch (SdkException e) {
            StructuredLog.error(
                    subject + "-not-published",
                    Map.of(
                            idField,
                            id,
                            "error",
                            String.valueOf(publishFailure.getMessage()),
                            "retryable",
                            AwsErrors.isRetryable(publishFailure),
                            "undone",
                            false,
                            "undoError",
                            String.valueOf(e.getMessage())));
            return false;
        }
    }
}
