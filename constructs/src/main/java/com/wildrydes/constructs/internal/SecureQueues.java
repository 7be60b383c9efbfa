package com.wildrydes.constructs.internal;

import com.wildrydes.constructs.nag.NagSuppressionMetadata;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.sqs.QueueProps;
import software.constructs.Construct;

/** The queue defaults every construct here shares: encrypted at rest and reachable over TLS only. */
public final class SecureQueues {

    /**
     * SQS's longest retention: how long a message that nothing consumes is kept (a dead letter waiting
     * to be inspected or replayed, a notification nobody reads yet), for an alarm to be heard in time.
     */
    public static final Duration LONGEST_RETENTION = Duration.days(14);

    /** How long a dead letter waits to be inspected or replayed: SQS's maximum. */
    public static final Duration DEAD_LETTER_RETENTION = LONGEST_RETENTION;

    private SecureQueues() {}

    /** Starts queue props with SQS-managed encryption (SSE-SQS) and a TLS-only queue policy. */
    public static QueueProps.Builder secureDefaults() {
        return QueueProps.builder().encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true);
    }

    /**
     * A queue that holds messages which could not be delivered or processed, kept for the
     * longest time SQS allows so that an operator can inspect and replay them.
     */
    public static Queue deadLetterQueue(Construct scope, String id, boolean fifo) {
        Queue queue = new Queue(
                scope,
                id,
                secureDefaults()
                        .fifo(fifo ? Boolean.TRUE : null)
                        .retentionPeriod(DEAD_LETTER_RETENTION)
                        .build());
        NagSuppressionMetadata.suppress(
                queue,
                "AwsSolutions-SQS3",
                "This queue is itself a dead-letter queue: it receives what could not be delivered or processed.");
        return queue;
    }
}
