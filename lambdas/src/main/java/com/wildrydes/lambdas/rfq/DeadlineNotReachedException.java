package com.wildrydes.lambdas.rfq;

/**
 * A deadline message arrived before the request's deadline (a clock ahead of the store's, or a
 * message not sent by the submit function): the request stays open and the message fails, so SQS
 * delivers it again after the deadline queue's visibility timeout.
 */
public class DeadlineNotReachedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeadlineNotReachedException(String rfqId) {
        super("The deadline of request for quotes " + rfqId + " has not passed: it stays open, the message is retried");
    }
}
