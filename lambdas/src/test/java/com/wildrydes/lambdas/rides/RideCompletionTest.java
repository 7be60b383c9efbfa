package com.wildrydes.lambdas.rides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wildrydes.lambdas.common.InvalidRequestException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RideCompletionTest {

    @Test
    void readsTheWorkshopRideWithExactDecimals() {
        RideCompletion ride = RideCompletion.parse(
                "id-1",
                "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": 256.50}");
        assertEquals(
                new RideCompletion(
                        "id-1",
                        "Berlin",
                        "Frankfurt",
                        new BigDecimal("420"),
                        new BigDecimal("600"),
                        "cmr",
                        new BigDecimal("256.50")),
                ride);
        assertEquals(
                "{\"id\":\"id-1\",\"from\":\"Berlin\",\"to\":\"Frankfurt\",\"duration\":420,\"distance\":600,"
                        + "\"customer\":\"cmr\",\"fare\":256.50}",
                ride.toJson());
    }

    @Test
    void readsNumbersSentAsStrings() {
        RideCompletion ride = RideCompletion.parse(
                "id-2",
                "{\"from\": \"a\", \"to\": \"b\", \"duration\": \"42\", \"distance\": \"6.5\", \"customer\": \"c\", \"fare\": \"899.99\"}");
        assertEquals(new BigDecimal("899.99"), ride.fare());
        assertEquals(new BigDecimal("42"), ride.duration());
    }

    @Test
    void normalisesAmountsToAtMostTwoDecimalPlacesWithoutChangingTheirValue() {
        RideCompletion ride = RideCompletion.parse(
                "id-3",
                "{\"from\": \"a\", \"to\": \"b\", \"duration\": 6E+2, \"distance\": 0.000, \"customer\": \"c\", \"fare\": 256.5000}");
        assertEquals("600", ride.duration().toPlainString());
        assertEquals("0", ride.distance().toPlainString());
        assertEquals("256.50", ride.fare().toPlainString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing from     | {\"to\": \"b\", \"duration\": 1, \"distance\": 1, \"customer\": \"c\", \"fare\": 1}                | from     | is required",
                "blank to         | {\"from\": \"a\", \"to\": \" \", \"duration\": 1, \"distance\": 1, \"customer\": \"c\", \"fare\": 1} | to       | must not be empty",
                "null fare        | {\"from\": \"a\", \"to\": \"b\", \"duration\": 1, \"distance\": 1, \"customer\": \"c\", \"fare\": null} | fare  | is required",
                "text duration    | {\"from\": \"a\", \"to\": \"b\", \"duration\": \"long\", \"distance\": 1, \"customer\": \"c\", \"fare\": 1} | duration | expected a number (or a decimal string such as \"899.99\"), got \"long\"",
                "array distance   | {\"from\": \"a\", \"to\": \"b\", \"duration\": 1, \"distance\": [1], \"customer\": \"c\", \"fare\": 1} | distance | expected a number, got [1]",
                "negative string  | {\"from\": \"a\", \"to\": \"b\", \"duration\": 1, \"distance\": 1, \"customer\": \"c\", \"fare\": \"-1\"} | fare   | expected a number (or a decimal string",
                "negative number  | {\"from\": \"a\", \"to\": \"b\", \"duration\": 1, \"distance\": 1, \"customer\": \"c\", \"fare\": -1} | fare   | must not be negative",
                "huge exponent    | {\"from\": \"a\", \"to\": \"b\", \"duration\": 1, \"distance\": 1, \"customer\": \"c\", \"fare\": 1e999999999} | fare | must be at most 999999.99",
                "three decimals   | {\"from\": \"a\", \"to\": \"b\", \"duration\": 1, \"distance\": 1, \"customer\": \"c\", \"fare\": 1.005} | fare | must have at most 2 decimal places",
                "exponent overflow| {\"from\": \"a\", \"to\": \"b\", \"duration\": 1, \"distance\": 1, \"customer\": \"c\", \"fare\": 1e2147483648} | fare | is a number too large or too small",
                "duplicate key    | {\"from\": \"a\", \"to\": \"b\", \"duration\": 1, \"distance\": 1, \"customer\": \"c\", \"fare\": 1, \"to\": \"x\"} | to | appears more than once",
                "extra field      | {\"from\": \"a\", \"to\": \"b\", \"duration\": 1, \"distance\": 1, \"customer\": \"c\", \"fare\": 1, \"tip\": 1} | tip | is not a field of this request",
                "two objects      | {\"from\": \"a\"}{\"to\": \"b\"}                                                              | body     | expected exactly one JSON object",
                "NBSP only        | {\"from\": \"\u00a0\", \"to\": \"b\", \"duration\": 1, \"distance\": 1, \"customer\": \"c\", \"fare\": 1} | from | must not be only spaces",
                "control char     | {\"from\": \"a\\u0001\", \"to\": \"b\", \"duration\": 1, \"distance\": 1, \"customer\": \"c\", \"fare\": 1} | from | must not contain control characters, got U+0001",
                "object customer  | {\"from\": \"a\", \"to\": \"b\", \"duration\": 1, \"distance\": 1, \"customer\": {}, \"fare\": 1}   | customer | expected a string",
                "not JSON         | fare=1                                                                                             | body     | expected well-formed JSON",
                "JSON string      | \"ride\"                                                                                           | body     | expected a JSON object, got a string",
            })
    void namesTheFieldThatIsWrong(String caseName, String body, String field, String problem) {
        InvalidRequestException error =
                assertThrows(InvalidRequestException.class, () -> RideCompletion.parse("id", body));
        assertEquals(field, error.getField(), caseName);
        assertEquals(true, error.getProblem().startsWith(problem), caseName + ": " + error.getProblem());
    }
}
