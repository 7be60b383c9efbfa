package com.wildrydes.lambdas.fares;

/** The customer's account could not be credited (simulated for a customerId ending in {@code fail_credit}). */
public class AccountCreditException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccountCreditException(String message) {
        super(message);
    }
}
