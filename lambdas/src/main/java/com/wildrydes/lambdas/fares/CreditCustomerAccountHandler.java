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
public class CreditCustomerAccountHandler implements RequestHandler<CreditRequest, CreditRequest> {

    @Override
    public CreditRequest handleRequest(CreditRequest input, Context context) {
        FareRequest.present(input);
        String customerId = FareRequest.required("customerId", input.customerId());
        String chargeId = FareRequest.required("chargeId", input.chargeId());
        // fail_refund too: a refund happens only after a failed credit, so that path needs both.
        if (FareRequest.customerEndsWith(customerId, "fail_credit")
                || FareRequest.customerEndsWith(customerId, "fail_refund")) {
            throw new AccountCreditException(
                    "The account of customer " + customerId + " could not be credited with " + chargeId);
        }
        StructuredLog.info("account-credited", Map.of("customerId", customerId, "chargeId", chargeId));
        return input;
    }
}
