package com.wildrydes.lambdas.common;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Processes an SQS batch message by message and reports the ones that failed as batch item
 * failures: only those return to the queue (and, after the max receive count, go to its
 * dead-letter queue); the rest are deleted. Needs ReportBatchItemFailures on the event source.
 * <p>
 * From a FIFO queue (its records carry a MessageGroupId), a failed message holds back the rest of
 * its group: the group's later messages in the batch are reported failed without being processed,
 * so they return behind it and keep their order. Other groups go on, so that one group's failing
 * message does not spend the receive count of messages that never failed (Powertools' FIFO
 * processor does the same with skipGroupOnError).
 */
public final class SqsBatches {

    private static final String MESSAGE_GROUP_ID = "MessageGroupId";

    private SqsBatches() {}

    public static SQSBatchResponse process(SQSEvent event, Consumer<SQSEvent.SQSMessage> handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Set<String> heldBackGroups = new HashSet<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            String group = message.getAttributes() == null
                    ? null
                    : message.getAttributes().get(MESSAGE_GROUP_ID);
            if (group != null && heldBackGroups.contains(group)) {
                failures.add(failure(message));
                continue;
            }
            try {
                handler.accept(message);
            } catch (RuntimeException e) {
                StructuredLog.error(
                        "message-failed",
                        Map.of(
                                "messageId",
                                message.getMessageId(),
                                "error",
                                e.getClass().getSimpleName() + ": " + e.getMessage()));
                failures.add(failure(message));
                if (group != null) {
                    heldBackGroups.add(group);
                }
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private static SQSBatchResponse.BatchItemFailure failure(SQSEvent.SQSMessage message) {
        return SQSBatchResponse.BatchItemFailure.builder()
                .withItemIdentifier(message.getMessageId())
                .build();
    }
}
