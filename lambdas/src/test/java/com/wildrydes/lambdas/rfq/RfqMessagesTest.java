package com.wildrydes.lambdas.rfq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wildrydes.lambdas.common.InvalidRequestException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RfqMessagesTest {

    static final String ID = "0b8f3a52-5b2b-4a43-9d3e-2f0c1f8f8a11";

    @Test
    void theRequestCarriesItsCorrelationIdAndReturnAddress() {
        RfqRequest request =
                RfqRequest.parse(ID, "{\"from\": \"Frankfurt\", \"to\": \"Las Vegas\", \"customer\": \"cmr\"}");
        assertEquals(
                "{\"rfq-id\":\"" + ID + "\",\"from\":\"Frankfurt\",\"to\":\"Las Vegas\",\"customer\":\"cmr\","
                        + "\"reply-to\":\"https://sqs.example/responses\"}",
                request.toMessage("https://sqs.example/responses"));
    }

    @Test
    void aQuoteIsReadBackAsWritten() {
        Quote quote = new Quote("UnicornManagementResource1", ID, new BigDecimal("42"));
        assertEquals(quote, Quote.parse(quote.toMessage()));
    }

    @Test
    void malformedQuotesNameTheirField() {
        assertEquals(
                "quote",
                assertThrows(
                                InvalidRequestException.class,
                                () -> Quote.parse(
                                        "{\"responder\": \"R1\", \"rfq-id\": \"" + ID + "\", \"quote\": \"lots\"}"))
                        .getField());
        assertEquals(
                "rfq-id",
                assertThrows(
                                InvalidRequestException.class,
                                () -> Quote.parse("{\"responder\": \"R1\", \"rfq-id\": \"not-a-uuid\", \"quote\": 5}"))
                        .getField());
        assertEquals(
                "responder",
                assertThrows(
                                InvalidRequestException.class,
                                () -> Quote.parse("{\"responder\": \"-\", \"rfq-id\": \"" + ID + "\", \"quote\": 5}"))
                        .getField());
        assertEquals(
                "customer",
                assertThrows(
                                InvalidRequestException.class,
                                () -> RfqRequest.parse(ID, "{\"from\": \"a\", \"to\": \"b\"}"))
                        .getField());
    }

    @Test
    void aQuoteIsAnAmountWithinTheApisBoundsSoThatNoNumberCanExhaustTheCollector() {
        // 1e999999999 is a short literal whose plain form (what DynamoDB is sent) has a billion digits.
        for (String quote : new String[] {"1e999999999", "1e2147483647", "1e-400", "1000000", "0.001", "-1"}) {
            InvalidRequestException refused = assertThrows(
                    InvalidRequestException.class,
                    () -> Quote.parse("{\"responder\": \"R1\", \"rfq-id\": \"" + ID + "\", \"quote\": " + quote + "}"),
                    quote);
            assertEquals("quote", refused.getField(), quote);
        }
        assertEquals(
                new BigDecimal("999999.99"),
                Quote.parse("{\"responder\": \"R1\", \"rfq-id\": \"" + ID + "\", \"quote\": 999999.99}")
                        .quote());
    }
}
