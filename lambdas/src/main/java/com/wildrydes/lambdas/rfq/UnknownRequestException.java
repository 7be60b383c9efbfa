package com.wildrydes.lambdas.rfq;

/** A response names an rfq-id that no request has: it is dead-lettered, not stored. */
public class UnknownRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownRequestException(String rfqId) {
        super("No request for quotes with rfq-id " + rfqId);
    }
}
