package com.wildrydes.lambdas.fares;

/** The authorised charge could not be captured (simulated for a customerId ending in {@code fail_charge}). */
public class PaymentChargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PaymentChargeException(String message) {
        super(message);
    }
}
