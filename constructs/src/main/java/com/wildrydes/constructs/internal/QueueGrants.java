package com.wildrydes.constructs.internal;

import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * Queue rights as the callers here use them. CDK's {@code grantSendMessages} and
 * {@code grantConsumeMessages} add {@code sqs:GetQueueUrl}, {@code sqs:GetQueueAttributes} and
 * {@code sqs:ChangeMessageVisibility} for clients that look a queue up or extend a message's
 * visibility; the handlers here are given the queue's URL and send to it, and Lambda polls with
 * three actions only. A queue with a customer managed key gets the same key grant as CDK's.
 */
public final class QueueGrants {

    private QueueGrants() {}

    /** A producer given the queue's URL (a handler, or Lambda's on-failure destination): it only sends. */
    public static Grant send(IQueue queue, IGrantable grantee) {
        Grant grant = queue.grant(grantee, "sqs:SendMessage");
        if (queue.getEncryptionMasterKey() != null) {
            queue.getEncryptionMasterKey().grantEncryptDecrypt(grantee);
        }
        return grant;
    }

    /**
     * What Lambda's event source mapping calls with the consumer's role, as AWS documents it for the
     * execution role: {@code sqs:ReceiveMessage}, {@code sqs:DeleteMessage} and
     * {@code sqs:GetQueueAttributes}.
     */
    public static Grant poll(IQueue queue, IGrantable consumer) {
        Grant grant = queue.grant(consumer, "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
        if (queue.getEncryptionMasterKey() != null) {
            queue.getEncryptionMasterKey().grantDecrypt(consumer);
        }
        return grant;
    }
}
