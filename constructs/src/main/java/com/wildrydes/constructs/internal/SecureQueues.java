package com.wildrydes.constructs.internal;

import com.wildrydes.constructs.nag.NagSuppressionMetadata;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.IQueue;
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
        return deadLetterQueue(scope, id, fifo, null, null);
    }

    /**
     * The reuser's dead-letter queue, or a new one (child {@code DeadLetterQueue} of {@code scope}) from
     * their {@code props}; {@code construct} names the construct in messages.
     */
    public static IQueue existingOrNewDeadLetterQueue(
            Construct scope, IQueue existing, boolean fifo, String construct, QueueProps props) {
        return existing != null
                ? existing
                : ValidatedProps.check(
                        scope,
                        () -> deadLetterQueue(
                                scope, "DeadLetterQueue", fifo, construct + ": deadLetterQueueProps", props));
    }

    /**
     * A dead-letter queue as above, with the reuser's {@code given} props (named {@code propsName} in
     * messages) passed through over the defaults; see {@link #merge}.
     */
    public static Queue deadLetterQueue(Construct scope, String id, boolean fifo, String propsName, QueueProps given) {
        Queue queue = new Queue(
                scope,
                id,
                merge(
                        propsName,
                        given,
                        fifo,
                        secureDefaults().fifo(fifo ? Boolean.TRUE : null).retentionPeriod(DEAD_LETTER_RETENTION)));
        NagSuppressionMetadata.suppress(
                queue,
                "AwsSolutions-SQS3",
                "This queue is itself a dead-letter queue: it receives what could not be delivered or processed.");
        return queue;
    }

    /**
     * The reuser's queue props, every option aws-cdk-lib offers, set over {@code ours}. What would drop a
     * secure default is refused, not passed on: no encryption, a policy that allows plain HTTP, or an
     * AWS managed key that SNS cannot use; and so is what this library sets itself: the dead-letter
     * queue (and its receive count), and FIFO or standard, which follows the topic.
     *
     * @throws IllegalArgumentException naming {@code propsName}'s prop, what was given and what is expected
     */
    public static QueueProps merge(String propsName, QueueProps given, boolean fifo, QueueProps.Builder ours) {
        if (given == null) {
            return ours.build();
        }
        if (given.getEncryption() == QueueEncryption.UNENCRYPTED
                || given.getEncryption() == QueueEncryption.KMS_MANAGED) {
            throw new IllegalArgumentException(propsName + ".encryption must keep the queue encrypted with a key SNS "
                    + "and Lambda can use (SQS_MANAGED, or KMS with your key), got " + given.getEncryption());
        }
        if (Boolean.FALSE.equals(given.getEnforceSSL())) {
            throw new IllegalArgumentException(
                    propsName + ".enforceSSL must stay true (the queue refuses plain " + "HTTP), got false");
        }
        if (given.getDeadLetterQueue() != null) {
            throw new IllegalArgumentException(propsName + ".deadLetterQueue is set by the construct, got one: give "
                    + "the construct's deadLetterQueue or deadLetterQueueProps (and maxReceiveCount) instead");
        }
        if (given.getFifo() != null && given.getFifo() != fifo) {
            throw new IllegalArgumentException(propsName + ".fifo must be " + fifo + " (a queue is FIFO when the "
                    + "topic is), got " + given.getFifo());
        }
        return StructCopy.into(QueueProps.class, given, ours).build();
    }
}
