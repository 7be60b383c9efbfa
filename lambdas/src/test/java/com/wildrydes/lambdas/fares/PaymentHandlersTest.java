package com.wildrydes.lambdas.fares;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.lambdas.common.InvalidRequestException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentHandlersTest {

    static final Map<String, Object> WORKSHOP_FARE = Map.of("customerId", "3", "fareId", "wr_563", "fareAmount", "$20.00",
            "cc", "2424 2424 2424 2424", "expiryDate", "12/22", "cvv", "111");

    @Test
    void chargeReturnsTheChargeAndNoCardData() {
        Map<String, Object> charge = new ChargeFareHandler().handleRequest(WORKSHOP_FARE, null);
        assertEquals("3", charge.get("customerId"));
        assertEquals("wr_563", charge.get("fareId"));
        assertEquals("$20.00", charge.get("fareAmount"));
        assertTrue(charge.get("chargeToken").toString().startsWith("tok_"));
        assertTrue(charge.get("chargeId").toString().startsWith("ch_"));
        assertFalse(charge.containsKey("cc") || charge.containsKey("expiryDate") || charge.containsKey("cvv"));
    }

    @Test
    void chargeFailsAsTheSimulatedGatewayIsTold() {
        assertThrows(PaymentAuthorizationException.class, () -> new ChargeFareHandler().handleRequest(with("customerId", "3_fail_auth"), null));
        assertThrows(PaymentChargeException.class, () -> new ChargeFareHandler().handleRequest(with("customerId", "3_fail_charge"), null));
        UncheckedIOException unanswered = assertThrows(UncheckedIOException.class,
                () -> new ChargeFareHandler().handleRequest(with("customerId", "3_fail_unknown"), null));
        assertTrue(unanswered.getMessage().contains("wr_563") && !unanswered.getMessage().contains("2424"), unanswered.getMessage());
        InvalidRequestException missing = assertThrows(InvalidRequestException.class,
                () -> new ChargeFareHandler().handleRequest(with("fareAmount", ""), null));
        assertEquals("fareAmount", missing.getField());
        assertThrows(InvalidRequestException.class, () -> new ChargeFareHandler().handleRequest(null, null));
    }

    @Test
    void creditReturnsItsInputOrFailsForFailCreditAndFailRefund() {
        Map<String, Object> input = Map.of("customerId", "3", "chargeId", "ch_1");
        assertEquals(input, new CreditCustomerAccountHandler().handleRequest(input, null));
        assertThrows(AccountCreditException.class, () -> new CreditCustomerAccountHandler()
                .handleRequest(Map.of("customerId", "3_fail_credit", "chargeId", "ch_1"), null));
        assertThrows(AccountCreditException.class, () -> new CreditCustomerAccountHandler()
                .handleRequest(Map.of("customerId", "3_fail_refund", "chargeId", "ch_1"), null));
        assertEquals("chargeId", assertThrows(InvalidRequestException.class, () -> new CreditCustomerAccountHandler()
                .handleRequest(Map.of("customerId", "3"), null)).getField());
    }

    @Test
    void refundReturnsTheRefundOrFails() {
        Map<String, Object> refund = new RefundFareHandler().handleRequest(Map.of("fareId", "wr_1", "chargeId", "ch_1", "customerId", "3"), null);
        assertEquals("wr_1", refund.get("fareId"));
        assertEquals("ch_1", refund.get("chargeId"));
        assertTrue(refund.get("refundId").toString().startsWith("re_"));
        assertThrows(RefundException.class, () -> new RefundFareHandler()
                .handleRequest(Map.of("fareId", "wr_1", "chargeId", "ch_1", "customerId", "3_fail_refund"), null));
        assertEquals("fareId", assertThrows(InvalidRequestException.class, () -> new RefundFareHandler()
                .handleRequest(Map.of("chargeId", "ch_1"), null)).getField());
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> fare = new HashMap<>(WORKSHOP_FARE);
        fare.put(field, value);
        return fare;
    }
}
