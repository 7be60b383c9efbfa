package com.wildrydes.test.engines;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Does for a test what Lambda's SQS event source mapping with partial batch responses does: it
 * receives a batch from a real queue, hands it to the handler as an {@link SQSEvent}, deletes the
 * messages the handler did not report as failed, and leaves the failed ones to become visible
 * again after the visibility timeout (and to reach the dead-letter queue after the max receive count).
 */
public final class SqsEventSourcePoller {

    private final SqsClient sqs;
    private final String queueUrl;
    private final Function<SQSEvent, SQSBatchResponse> handler;

    public SqsEventSourcePoller(SqsClient sqs, String queueUrl, Function<SQSEvent, SQSBatchResponse> handler) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.handler = handler;
    }

    /** One receive and one invocation. Returns what the handler answered, or null if nothing was received. */
    public Batch pollOnce(int batchSize) {
        List<Message> received = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)
                        .maxNumberOfMessages(batchSize)
                        .waitTimeSeconds(1)
                        .messageSystemAttributeNames(
                                MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                                MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .messages();
        if (received.isEmpty()) {
            return null;
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(received.stream().map(SqsEventSourcePoller::toRecord).toList());
        SQSBatchResponse response = handler.apply(event);
        Set<String> failed = response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .collect(Collectors.toSet());
        for (Message message : received) {
            if (!failed.contains(message.messageId())) {
                sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return new Batch(received, failed);
    }

    private static SQSEvent.SQSMessage toRecord(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        // As Lambda's event: the receive count always, the message group on a FIFO queue only.
        Map<String, String> attributes = new HashMap<>();
        attributes.put(
                "ApproximateReceiveCount",
                message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
        if (message.attributes().containsKey(MessageSystemAttributeName.MESSAGE_GROUP_ID)) {
            attributes.put("MessageGroupId", message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID));
        }
        record.setAttributes(attributes);
        record.setEventSource("aws:sqs");
        return record;
    }

    /** What one poll received and which of those message ids the handler reported as failed. */
    public record Batch(List<Message> received, Set<String> failedIds) {

        public int receiveCountOf(String messageId) {
            return received.stream()
                    .filter(m -> m.messageId().equals(messageId))
                    .findFirst()
                    .map(m ->
                            Integer.parseInt(m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)))
                    .orElse(0);
        }
    }
}
