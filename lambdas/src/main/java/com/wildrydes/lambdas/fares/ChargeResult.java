package com.wildrydes.lambdas.fares;

/** A captured charge: the state the saga carries on after ChargeFare, with no card data. */
public record ChargeResult(String customerId, String fareId, String fareAmount, String chargeToken, String chargeId) {}
