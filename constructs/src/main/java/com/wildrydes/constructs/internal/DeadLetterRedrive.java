package com.wildrydes.constructs.internal;

import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * What SQS's dead-letter queue redrive ({@code StartMessageMoveTask}) needs of the principal that
 * starts it, as the SQS developer guide lists it: on the dead-letter queue, the three move-task
 * actions and what the move does there (receive, delete, read the attributes); on the queue the
 * messages go to, send. The queues here use SSE-SQS, so no KMS grant is needed.
 */
public final class DeadLetterRedrive {

    private DeadLetterRedrive() {}

    /** Grants {@code grantee} the redrive of {@code deadLetterQueue}'s messages into {@code destination}. */
    public static Grant grant(IGrantable grantee, IQueue deadLetterQueue, IQueue destination) {
        return deadLetterQueue
                .grant(
                        grantee,
                        "sqs:StartMessageMoveTask",
                        "sqs:ListMessageMoveTasks",
                        "sqs:CancelMessageMoveTask",
                        "sqs:ReceiveMessage",
                        "sqs:DeleteMessage",
                        "sqs:GetQueueAttributes")
                .combine(destination.grant(grantee, "sqs:SendMessage"));
    }
}
