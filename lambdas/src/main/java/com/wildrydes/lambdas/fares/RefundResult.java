package com.wildrydes.lambdas.fares;

/** A refunded charge; the saga keeps its refundId. */
public record RefundResult(String fareId, String refundId, String chargeId) {}
