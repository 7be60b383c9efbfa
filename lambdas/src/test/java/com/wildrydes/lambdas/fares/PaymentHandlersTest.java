package com.wildrydes.lambdas.fares;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.lambdas.common.InvalidRequestException;
import com.wildrydes.lambdas.common.Json;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentHandlersTest {

    static final ChargeRequest WORKSHOP_FARE = new ChargeRequest("3", "wr_563", "$20.00");

    @Test
    void chargeReturnsTheChargeUnderTheSagasNames() {
        ChargeResult charge = new ChargeFareHandler().handleRequest(WORKSHOP_FARE, null);
        assertEquals("3", charge.customerId());
        assertEquals("wr_563", charge.fareId());
        assertEquals("$20.00", charge.fareAmount());
        assertTrue(charge.chargeToken().startsWith("tok_"));
        assertTrue(charge.chargeId().startsWith("ch_"));
        assertEquals(
                "{\"customerId\":\"3\",\"fareId\":\"wr_563\",\"fareAmount\":\"$20.00\",\"chargeToken\":\""
                        + charge.chargeToken() + "\",\"chargeId\":\"" + charge.chargeId() + "\"}",
                Json.write(charge));
    }

    @Test
    void chargeFailsAsTheSimulatedGatewayIsTold() {
        assertThrows(
                PaymentAuthorizationException.class,
                () -> new ChargeFareHandler().handleRequest(customer("3_fail_auth"), null));
        assertThrows(
                PaymentChargeException.class,
                () -> new ChargeFareHandler().handleRequest(customer("3_fail_charge"), null));
        UncheckedIOException unanswered = assertThrows(
                UncheckedIOException.class,
                () -> new ChargeFareHandler().handleRequest(customer("3_fail_unknown"), null));
        assertTrue(unanswered.getMessage().contains("wr_563"), unanswered.getMessage());
        InvalidRequestException missing = assertThrows(
                InvalidRequestException.class,
                () -> new ChargeFareHandler().handleRequest(new ChargeRequest("3", "wr_563", ""), null));
        assertEquals("fareAmount", missing.getField());
        assertThrows(InvalidRequestException.class, () -> new ChargeFareHandler().handleRequest(null, null));
    }

    /**
     * What a payment gateway takes as an amount: the workshop's "$20.00", or plain decimals (a JSON number
     * arrives as its text), more than nothing and at most the APIs' largest amount, in cents.
     */
    @ParameterizedTest
    @ValueSource(strings = {"$20.00", "20", "20.5", "256.50", "$0.01", "999999.99"})
    void chargeTakesAPositiveAmountOfMoney(String amount) {
        ChargeResult charge = new ChargeFareHandler().handleRequest(new ChargeRequest("3", "wr_563", amount), null);
        assertEquals(amount, charge.fareAmount(), "the amount as sent, not rewritten");
    }

    /** Anything else charges nothing: the named error the saga catches as a payment error (fare failed). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "-20.00",
                "$-20.00",
                "-$20.00",
                "0",
                "$0.00",
                "-0",
                "NaN",
                "Infinity",
                "free",
                "true",
                "1e2",
                "1e309",
                "20.001",
                "1000000",
                "$ 20",
                "20 ",
                "0x10",
                "\u0661\u0662",
                "20,00"
            })
    void chargeRefusesAnythingButAPositiveAmountOfMoney(String amount) {
        InvalidRequestException refused = assertThrows(
                InvalidRequestException.class,
                () -> new ChargeFareHandler().handleRequest(new ChargeRequest("3", "wr_563", amount), null));
        assertEquals("fareAmount", refused.getField());
        assertTrue(
                amount.length() < 3 || !refused.getMessage().contains(amount),
                "the value is not repeated in what the saga publishes: " + refused.getMessage());
    }

    @Test
    void aCardNumberPastedAsTheAmountIsNotRepeatedInTheError() {
        InvalidRequestException refused = assertThrows(
                InvalidRequestException.class,
                () -> new ChargeFareHandler()
                        .handleRequest(new ChargeRequest("3", "wr_563", "2424 2424 2424 2424"), null));
        assertTrue(!refused.getMessage().contains("2424"), refused.getMessage());
    }

    /**
     * The saga retries an invoke that failed in Lambda (ServiceException, a client timeout) after the function
     * may have run. A gateway keyed on the fare charges it once: the retry gets the first charge back, not a
     * second one nobody records.
     */
    @Test
    void chargingTheSameFareAgainReturnsTheSameChargeAndAnotherFareGetsItsOwn() {
        ChargeResult first = new ChargeFareHandler().handleRequest(WORKSHOP_FARE, null);
        ChargeResult retried = new ChargeFareHandler().handleRequest(WORKSHOP_FARE, null);
        ChargeResult other = new ChargeFareHandler().handleRequest(new ChargeRequest("3", "wr_564", "$20.00"), null);

        assertEquals(first, retried);
        assertTrue(!other.chargeId().equals(first.chargeId())
                && !other.chargeToken().equals(first.chargeToken()));
    }

    @Test
    void refundingTheSameChargeAgainReturnsTheSameRefund() {
        RefundRequest request = new RefundRequest("wr_1", "ch_1", "3");
        assertEquals(
                new RefundFareHandler().handleRequest(request, null),
                new RefundFareHandler().handleRequest(request, null));
        assertTrue(!new RefundFareHandler()
                .handleRequest(request, null)
                .refundId()
                .equals(new RefundFareHandler()
                        .handleRequest(new RefundRequest("wr_2", "ch_2", "3"), null)
                        .refundId()));
    }

    @Test
    void creditingTheSameChargeAgainReturnsTheSameCreditAndAnotherChargeGetsItsOwn() {
        CreditResult first = new CreditCustomerAccountHandler().handleRequest(new CreditRequest("3", "ch_1"), null);
        CreditResult retried = new CreditCustomerAccountHandler().handleRequest(new CreditRequest("3", "ch_1"), null);
        CreditResult other = new CreditCustomerAccountHandler().handleRequest(new CreditRequest("3", "ch_2"), null);

        assertEquals(first, retried, "a retried credit of one charge is the same credit");
        assertTrue(first.creditId().startsWith("cr_"), first.creditId());
        assertTrue(!other.creditId().equals(first.creditId()), "another charge is another credit");
    }

    @Test
    void creditReturnsTheCreditOrFailsForFailCreditAndFailRefund() {
        CreditResult credit = new CreditCustomerAccountHandler().handleRequest(new CreditRequest("3", "ch_1"), null);
        assertEquals("3", credit.customerId());
        assertEquals("ch_1", credit.chargeId());
        assertThrows(
                AccountCreditException.class,
                () -> new CreditCustomerAccountHandler()
                        .handleRequest(new CreditRequest("3_fail_credit", "ch_1"), null));
        assertThrows(
                AccountCreditException.class,
                () -> new CreditCustomerAccountHandler()
                        .handleRequest(new CreditRequest("3_fail_refund", "ch_1"), null));
        assertEquals(
                "chargeId",
                assertThrows(
                                InvalidRequestException.class,
                                () -> new CreditCustomerAccountHandler()
                                        .handleRequest(new CreditRequest("3", null), null))
                        .getField());
    }

    @Test
    void refundReturnsTheRefundOrFails() {
        RefundResult refund = new RefundFareHandler().handleRequest(new RefundRequest("wr_1", "ch_1", "3"), null);
        assertEquals("wr_1", refund.fareId());
        assertEquals("ch_1", refund.chargeId());
        assertTrue(refund.refundId().startsWith("re_"));
        assertEquals(
                "{\"fareId\":\"wr_1\",\"refundId\":\"" + refund.refundId() + "\",\"chargeId\":\"ch_1\"}",
                Json.write(refund));
        assertThrows(
                RefundException.class,
                () -> new RefundFareHandler().handleRequest(new RefundRequest("wr_1", "ch_1", "3_fail_refund"), null));
        assertEquals(
                "fareId",
                assertThrows(
                                InvalidRequestException.class,
                                () -> new RefundFareHandler().handleRequest(new RefundRequest(null, "ch_1", "3"), null))
                        .getField());
    }

    private static ChargeRequest customer(String customerId) {
        return new ChargeRequest(customerId, WORKSHOP_FARE.fareId(), WORKSHOP_FARE.fareAmount());
    }
}
