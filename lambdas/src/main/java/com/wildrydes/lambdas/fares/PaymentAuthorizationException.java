package com.wildrydes.lambdas.fares;

/** The card was not authorised for the fare (simulated for a customerId ending in {@code fail_auth}). */
public class PaymentAuthorizationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PaymentAuthorizationException(String message) {
        super(message);
    }
}
