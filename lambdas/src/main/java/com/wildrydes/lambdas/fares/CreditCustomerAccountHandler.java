package com.wildrydes.lambdas.fares;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.wildrydes.lambdas.common.StructuredLog;
import java.util.Map;

/**
 * Credits the customer's account with a charge (simulated). Needs customerId and chargeId; raises
 * {@link AccountCreditException} for a customerId ending in {@code fail_credit} (or {@code fail_refund},
 * whose path runs through a failed credit). Returns its input.
 */
public class CreditCustomerAccountHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        FareRequest request = new FareRequest(input);
        String customerId = request.required("customerId");
        String chargeId = request.required("chargeId");
        // fail_refund too: a refund happens only after a failed credit, so that path needs both.
        if (request.customerEndsWith("fail_credit") || request.customerEndsWith("fail_refund")) {
            throw new AccountCreditException("The account of customer " + customerId + " could not be credited with " + chargeId);
        }
        StructuredLog.info("account-credited", Map.of("customerId", customerId, "chargeId", chargeId));
        return input;
    }
}
