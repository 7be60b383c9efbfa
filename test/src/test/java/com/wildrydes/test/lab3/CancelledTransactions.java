package com.wildrydes.test.lab3;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Makes the real DynamoDB client's next {@code times} TransactWriteItems calls fail as DynamoDB
 * cancels a transaction: a {@link TransactionCanceledException} with one reason per item, in the
 * order of the transaction's items ("None" for an item that did not fail). Thrown before the
 * request is sent, as a cancelled transaction writes nothing. dynoxide serialises writes and
 * never reports a conflict or throttling, so this is how a test meets them.
 */
final class CancelledTransactions implements ExecutionInterceptor {

    private final List<String> reasonCodes;
    private final AtomicInteger remaining;

    CancelledTransactions(int times, String... reasonCodes) {
        this.reasonCodes = List.of(reasonCodes);
        this.remaining = new AtomicInteger(times);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof TransactWriteItemsRequest && remaining.getAndDecrement() > 0) {
            throw TransactionCanceledException.builder()
                    .message("Transaction cancelled, please refer cancellation reasons for specific reasons "
                            + reasonCodes)
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .serviceName("DynamoDb")
                            .errorCode("TransactionCanceledException")
                            .build())
                    .cancellationReasons(reasonCodes.stream()
                            .map(code -> CancellationReason.builder().code(code).build())
                            .toList())
                    .build();
        }
    }

    /** How many of the planned cancellations have not happened yet. */
    int pending() {
        return Math.max(0, remaining.get());
    }
}
