package com.wildrydes.lambdas.fares;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.wildrydes.lambdas.common.StructuredLog;
import java.util.Map;

/**
 * Credits the customer's account with a charge (simulated). Needs customerId and chargeId; raises
 * {@link AccountCreditException} for a customerId ending in {@code fail_credit} (or {@code fail_refund},
 * whose path runs through a failed credit). Returns the credit, the same one for the same chargeId
 * (the accounts service's idempotency key), so that an invoke retried after a timeout or a Lambda
 * service error, whose first attempt may have credited the account, credits it once per charge.
 */
public class CreditCustomerAccountHandler implements RequestHandler<CreditRequest, CreditResult> {

    @Override
    public CreditResult handleRequest(CreditRequest input, Context context) {
        FareRequest.present(input);
        String customerId = FareRequest.required("customerId", input.customerId());
        String chargeId = FareRequest.required("chargeId", input.chargeId());
        // fail_refund too: a refund happens only after a failed credit, so that path needs both.
        if (FareRequest.customerEndsWith(customerId, "fail_credit")
                || FareRequest.customerEndsWith(customerId, "fail_refund")) {
            throw new AccountCreditException(
                    "The account of customer " + customerId + " could not be credited with " + chargeId);
        }
        CreditResult credit = new CreditResult(customerId, chargeId, FareRequest.idFor("cr_", chargeId));
        StructuredLog.info(
                "account-credited",
                Map.of("customerId", customerId, "chargeId", chargeId, "creditId", credit.creditId()));
        return credit;
    }
}
