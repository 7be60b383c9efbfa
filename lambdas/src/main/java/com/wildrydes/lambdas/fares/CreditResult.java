package com.wildrydes.lambdas.fares;

/**
 * A credited charge: {@code creditId} is the accounts service's idempotency key, one per charge, so
 * that a retried invoke of the credit step credits the account once.
 */
public record CreditResult(String customerId, String chargeId, String creditId) {}
