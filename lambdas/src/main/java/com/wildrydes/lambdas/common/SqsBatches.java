package com.wildrydes.lambdas.common;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Processes an SQS batch message by message and reports the ones that failed as batch item
 * failures: only those return to the queue (and, after the max receive count, go to its
 * dead-letter queue); the rest are deleted. Needs ReportBatchItemFailures on the event source.
 */
public final class SqsBatches {

    private SqsBatches() {
    }

    public static SQSBatchResponse process(SQSEvent event, Consumer<SQSEvent.SQSMessage> handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                handler.accept(message);
            } catch (RuntimeException e) {
                StructuredLog.error("message-failed", Map.of("messageId", message.getMessageId(),
                        "error", e.getClass().getSimpleName() + ": " + e.getMessage()));
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
