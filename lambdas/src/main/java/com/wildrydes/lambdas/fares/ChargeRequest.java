package com.wildrydes.lambdas.fares;

/**
 * What {@link ChargeFareHandler} reads of the saga's execution input. The card fields of that input
 * are the payment gateway's business: having no component here, they are never read into the function.
 * A fareAmount sent as a JSON number arrives as its text, unrounded.
 */
public record ChargeRequest(String customerId, String fareId, String fareAmount) {}
