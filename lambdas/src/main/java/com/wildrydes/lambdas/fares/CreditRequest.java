package com.wildrydes.lambdas.fares;

/** What {@link CreditCustomerAccountHandler} gets, and returns once the account is credited. */
public record CreditRequest(String customerId, String chargeId) {}
