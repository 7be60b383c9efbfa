package com.wildrydes.lambdas.fares;

/** The charge could not be refunded (simulated for a customerId ending in {@code fail_refund}). */
public class RefundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RefundException(String message) {
        super(message);
    }
}
