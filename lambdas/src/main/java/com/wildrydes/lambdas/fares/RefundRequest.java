package com.wildrydes.lambdas.fares;

/** What {@link RefundFareHandler} gets: the charge to refund, and whose it is. */
public record RefundRequest(String fareId, String chargeId, String customerId) {}
