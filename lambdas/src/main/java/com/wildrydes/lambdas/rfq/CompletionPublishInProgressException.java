package com.wildrydes.lambdas.rfq;

/**
 * Another delivery of the message that closed a request holds the claim on publishing its
 * completion event: this delivery fails, so SQS delivers it again after the visibility timeout,
 * when the event is published or the claim's lease has ended.
 */
public class CompletionPublishInProgressException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CompletionPublishInProgressException(String rfqId) {
        super("The completion event of request for quotes " + rfqId + " is being published by another delivery");
    }
}
