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
        RideCompletion ride = RideCompletion.parse("id-1",
                "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": 256.50}");
        assertEquals(new RideCompletion("id-1", "Berlin", "Frankfurt", new BigDecimal("420"), new BigDecimal("600"),
                "cmr", new BigDecimal("256.50")), ride);
        assertEquals("{\"id\":\"id-1\",\"from\":\"Berlin\",\"to\":\"Frankfurt\",\"duration\":420,\"distance\":600,"
                + "\"customer\":\"cmr\",\"fare\":256.50}", ride.toJson());
    }

    @Test
    void readsNumbersSentAsStrings() {
        RideCompletion ride = RideCompletion.parse("id-2",
                "{\"from\": \"a\", \"to\": \"b\", \"duration\": \" 42 \", \"distance\": \"6.5\", \"customer\": \"c\", \"fare\": \"899.99\"}");
        assertEquals(new BigDecimal("899.99"), ride.fare());
        assertEquals(new BigDecimal("42"), ride.duration());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing from     | {\"to\": \"b\", \"duration\": 1, \"distance\": 1, \"customer\": \"c\", \"fare\": 1}                | from     | is required",
            "blank to         | {\"from\": \"a\", \"to\": \" \", \"duration\": 1, \"distance\": 1, \"customer\": \"c\", \"fare\": 1} | to       | must not be empty",
            "null fare        | {\"from\": \"a\", \"to\": \"b\", \"duration\": 1, \"distance\": 1, \"customer\": \"c\", \"fare\": null} | fare  | is required",
            "text duration    | {\"from\": \"a\", \"to\": \"b\", \"duration\": \"long\", \"distance\": 1, \"customer\": \"c\", \"fare\": 1} | duration | expected a number, got \"long\"",
            "array distance   | {\"from\": \"a\", \"to\": \"b\", \"duration\": 1, \"distance\": [1], \"customer\": \"c\", \"fare\": 1} | distance | expected a number, got [1]",
            "negative string  | {\"from\": \"a\", \"to\": \"b\", \"duration\": 1, \"distance\": 1, \"customer\": \"c\", \"fare\": \"-1\"} | fare   | must not be negative, got -1",
            "object customer  | {\"from\": \"a\", \"to\": \"b\", \"duration\": 1, \"distance\": 1, \"customer\": {}, \"fare\": 1}   | customer | expected a string",
            "not JSON         | fare=1                                                                                             | body     | expected well-formed JSON",
            "JSON string      | \"ride\"                                                                                           | body     | expected a JSON object, got a string",
    })
    void namesTheFieldThatIsWrong(String caseName, String body, String field, String problem) {
        InvalidRequestException error = assertThrows(InvalidRequestException.class, () -> RideCompletion.parse("id", body));
        assertEquals(field, error.getField(), caseName);
        assertEquals(true, error.getProblem().startsWith(problem), caseName + ": " + error.getProblem());
    }
}
