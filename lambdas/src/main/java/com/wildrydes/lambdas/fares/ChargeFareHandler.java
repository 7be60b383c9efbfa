package com.wildrydes.lambdas.fares;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.wildrydes.lambdas.common.StructuredLog;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.Map;

/**
 * Pre-authorises the card and captures the fare with the pre-auth code, against a simulated
 * payment gateway. Needs customerId, fareId and fareAmount, a positive amount such as {@code "$20.00"}
 * (the card fields are the gateway's business and are neither returned nor logged). Returns the
 * charge, the same one for the same fareId (the gateway's idempotency key), so that a retried invoke
 * never charges a fare twice; raises
 * {@link PaymentAuthorizationException} or {@link PaymentChargeException} on the simulated
 * failures, and {@link com.wildrydes.lambdas.common.InvalidRequestException} on a missing field or an amount that is not one. A
 * customerId ending in {@code fail_unknown} simulates a gateway that took the request and never
 * answered: an {@link UncheckedIOException} the saga does not expect, after which nobody knows whether
 * the card was charged.
 */
public class ChargeFareHandler implements RequestHandler<ChargeRequest, ChargeResult> {

    @Override
    public ChargeResult handleRequest(ChargeRequest input, Context context) {
        FareRequest.present(input);
        String customerId = FareRequest.required("customerId", input.customerId());
        String fareId = FareRequest.required("fareId", input.fareId());
        String fareAmount = FareRequest.chargeableAmount("fareAmount", input.fareAmount());
        if (FareRequest.customerEndsWith(customerId, "fail_auth")) {
            throw new PaymentAuthorizationException(
                    "The card of customer " + customerId + " was not authorised for fare " + fareId);
        }
        if (FareRequest.customerEndsWith(customerId, "fail_charge")) {
            throw new PaymentChargeException("Fare " + fareId + " of customer " + customerId + " could not be charged");
        }
        if (FareRequest.customerEndsWith(customerId, "fail_unknown")) {
            throw new UncheckedIOException(
                    "The payment gateway did not answer for fare " + fareId,
                    new SocketTimeoutException("Read timed out"));
        }
        ChargeResult charge = new ChargeResult(
                customerId, fareId, fareAmount, FareRequest.idFor("tok_", fareId), FareRequest.idFor("ch_", fareId));
        StructuredLog.info("fare-charged", Map.of("fareId", fareId, "chargeId", charge.chargeId()));
        return charge;
    }
}
