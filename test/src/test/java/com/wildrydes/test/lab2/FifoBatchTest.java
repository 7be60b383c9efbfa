package com.wildrydes.test.lab2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.wildrydes.lambdas.common.SqsBatches;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batches as Lambda delivers them from a FIFO queue (TopicQueueChain makes one for a FIFO topic),
 * read by the Java runtime's own event serializer. A message that fails holds back the later
 * messages of its group: they are reported failed without being processed, so they return to the
 * queue behind it and keep their order; other groups go on. On a standard queue every message is
 * tried. (The local SQS engine hands out one message per group per receive, so it never builds
 * such a batch; Lambda on SQS does, up to ten at once.)
 */
class FifoBatchTest {

    private final List<String> processed = new ArrayList<>();

    @Test
    void aFailureHoldsBackTheRestOfItsGroupAndOnlyItsGroup() {
        SQSBatchResponse response = SqsBatches.process(
                event(true, "A:a1", "A:a2", "B:b1", "A:a3", "B:b2"), message -> process(message.getBody(), "a1"));

        assertEquals(List.of("a1", "b1", "b2"), processed);
        assertEquals(List.of("id-a1", "id-a2", "id-a3"), failedIds(response));
    }

    @Test
    void onAStandardQueueEveryMessageIsTried() {
        SQSBatchResponse response =
                SqsBatches.process(event(false, "a1", "a2", "a3"), message -> process(message.getBody(), "a1"));

        assertEquals(List.of("a1", "a2", "a3"), processed);
        assertEquals(List.of("id-a1"), failedIds(response));
    }

    private void process(String body, String failing) {
        processed.add(body);
        if (body.equals(failing)) {
            throw new IllegalStateException("simulated failure of " + body);
        }
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    /** The event Lambda sends for a batch, as JSON; "group:body" gives a FIFO record its message group. */
    private static SQSEvent event(boolean fifo, String... messages) {
        StringBuilder records = new StringBuilder();
        int sequence = 0;
        for (String message : messages) {
            String group = fifo ? message.substring(0, message.indexOf(':')) : null;
            String body = fifo ? message.substring(message.indexOf(':') + 1) : message;
            sequence++;
            records.append(records.length() == 0 ? "" : ",").append("""
                    {"messageId": "id-%s", "receiptHandle": "rh-%s", "body": "%s",
                     "attributes": {"ApproximateReceiveCount": "1", "SentTimestamp": "1764370000000",
                       "SenderId": "AIDAEXAMPLE", "ApproximateFirstReceiveTimestamp": "1764370000001"%s},
                     "messageAttributes": {}, "md5OfBody": "0", "eventSource": "aws:sqs",
                     "eventSourceARN": "arn:aws:sqs:eu-west-1:123456789012:rides%s", "awsRegion": "eu-west-1"}
                    """.formatted(
                            body,
                            body,
                            body,
                            fifo
                                    ? ", \"MessageGroupId\": \"" + group + "\", \"MessageDeduplicationId\": \"" + body
                                            + "\", \"SequenceNumber\": \"1868" + sequence + "\""
                                    : "",
                            fifo ? ".fifo" : ""));
        }
        String json = "{\"Records\": [" + records + "]}";
        return LambdaEventSerializers.serializerFor(SQSEvent.class, FifoBatchTest.class.getClassLoader())
                .fromJson(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
