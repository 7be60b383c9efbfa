package com.wildrydes.lambdas.fares;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.wildrydes.lambdas.common.StructuredLog;
import java.util.Map;

/**
 * Refunds a charge (simulated): the saga's compensation when the account cannot be credited.
 * Needs fareId and chargeId; raises {@link RefundException} for a customerId ending in
 * {@code fail_refund}. Returns {@code {fareId, refundId, chargeId}}, the same refund for the same
 * chargeId, so that a retried invoke never refunds a charge twice.
 */
public class RefundFareHandler implements RequestHandler<RefundRequest, RefundResult> {

    @Override
    public RefundResult handleRequest(RefundRequest input, Context context) {
        FareRequest.present(input);
        String fareId = FareRequest.required("fareId", input.fareId());
        String chargeId = FareRequest.required("chargeId", input.chargeId());
        if (FareRequest.customerEndsWith(input.customerId(), "fail_refund")) {
            throw new RefundException("Charge " + chargeId + " of fare " + fareId + " could not be refunded");
        }
        RefundResult refund = new RefundResult(fareId, FareRequest.idFor("re_", chargeId), chargeId);
        StructuredLog.info("fare-refunded", Map.of("fareId", fareId, "chargeId", chargeId));
        return refund;
    }
}
