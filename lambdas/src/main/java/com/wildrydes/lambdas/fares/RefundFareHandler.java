package com.wildrydes.lambdas.fares;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.wildrydes.lambdas.common.StructuredLog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Refunds a charge (simulated): the saga's compensation when the account cannot be credited.
 * Needs fareId and chargeId; raises {@link RefundException} for a customerId ending in
 * {@code fail_refund}. Returns {@code {fareId, refundId, chargeId}}.
 */
public class RefundFareHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        FareRequest request = new FareRequest(input);
        String fareId = request.required("fareId");
        String chargeId = request.required("chargeId");
        if (request.customerEndsWith("fail_refund")) {
            throw new RefundException("Charge " + chargeId + " of fare " + fareId + " could not be refunded");
        }
        Map<String, Object> refund = new LinkedHashMap<>();
        refund.put("fareId", fareId);
        refund.put("refundId", "re_" + UUID.randomUUID().toString().replace("-", ""));
        refund.put("chargeId", chargeId);
        StructuredLog.info("fare-refunded", Map.of("fareId", fareId, "chargeId", chargeId));
        return refund;
    }
}
