package com.wildrydes.constructs.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterPolicyTest {

    static final String WORKSHOP =
            "{\"fare\": [{\"numeric\": [\">=\", 50]}], \"distance\": [{\"numeric\": [\">=\", 20]}]}";

    @Test
    void changingTheReturnedMapLeavesThePolicyAsItWas() {
        FilterPolicy policy = FilterPolicy.onMessageAttributes(WORKSHOP);
        Map<String, Object> handedOut = policy.toMap();
        try {
            handedOut.remove("fare");
        } catch (UnsupportedOperationException refused) {
            // an unmodifiable view would do as well
        }
        assertEquals(List.of("fare", "distance"), List.copyOf(policy.toMap().keySet()), "the policy is unchanged");
    }

    @Test
    void rendersTheWorkshopPolicyAsWritten() {
        FilterPolicy policy = FilterPolicy.onMessageAttributes(WORKSHOP);
        assertEquals(
                Map.of(
                        "fare", List.of(Map.of("numeric", List.of(">=", 50))),
                        "distance", List.of(Map.of("numeric", List.of(">=", 20)))),
                policy.toMap());
        assertEquals(List.of("fare", "distance"), List.copyOf(policy.toMap().keySet()), "keeps the written order");
        assertEquals(FilterPolicyScope.MESSAGE_ATTRIBUTES, policy.getScope());
    }

    @Test
    void acceptsNestedKeysOnTheMessageBody() {
        FilterPolicy policy =
                FilterPolicy.onMessageBody("{\"ride\": {\"fare\": [{\"numeric\": [\">\", 0, \"<=\", 5]}]}}");
        assertEquals(FilterPolicyScope.MESSAGE_BODY, policy.getScope());
        assertEquals("MessageBody", policy.getScope().cloudFormationValue());
    }

    @Test
    void acceptsEveryOperatorSnsKnows() {
        FilterPolicy.onMessageAttributes("{\"a\": [\"x\", 1, null, {\"prefix\": \"p\"}, {\"suffix\": \"s\"}],"
                + " \"b\": [{\"anything-but\": [\"x\"]}, {\"exists\": true}], \"c\": [{\"equals-ignore-case\": \"X\"}],"
                + " \"d\": [{\"cidr\": \"10.0.0.0/24\"}]}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "blank                | '   '                                                  | a JSON object",
                "malformed            | {\"fare\": [                                           | does not parse",
                "array                | [1]                                                    | non-empty JSON object",
                "empty object         | {}                                                     | non-empty JSON object",
                "scalar value         | {\"fare\": 50}                                         | key 'fare' to map to an array",
                "nested on attributes | {\"ride\": {\"fare\": [1]}}                            | need FilterPolicy.onMessageBody",
                "empty conditions     | {\"fare\": []}                                         | at least one condition",
                "unknown operator     | {\"fare\": [{\"greater\": 5}]}                         | got 'greater'",
                "two operators        | {\"fare\": [{\"prefix\": \"a\", \"suffix\": \"b\"}]}   | one operator",
                "numeric odd          | {\"fare\": [{\"numeric\": [\">=\"]}]}                  | [operator, number] pairs",
                "numeric comparison   | {\"fare\": [{\"numeric\": [\"=>\", 5]}]}               | got \"=>\"",
                "numeric not number   | {\"fare\": [{\"numeric\": [\">=\", \"50\"]}]}          | a number after '>='",
                "numeric too large    | {\"fare\": [{\"numeric\": [\">=\", 1000000001]}]}      | SNS's range",
                "too precise          | {\"fare\": [1.123456]}                                 | at most 5 decimal places",
                "exists not boolean   | {\"fare\": [{\"exists\": \"yes\"}]}                    | takes true or false",
                "prefix not string    | {\"fare\": [{\"prefix\": 5}]}                          | takes a string",
                "six keys             | {\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]} | at most 5 keys (SNS's limit), got 6",
            })
    void refusesWhatSnsWouldRefuseSayingWhatWasExpected(String caseName, String json, String expected) {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> FilterPolicy.onMessageAttributes(json));
        assertTrue(error.getMessage().startsWith("Invalid SNS filter policy "), error.getMessage());
        assertTrue(error.getMessage().contains(expected), caseName + ": " + error.getMessage());
    }

    @Test
    void refusesMoreThan150Combinations() {
        // 4 x 4 x 4 x 3 = 192 combinations of values
        String json = "{\"a\": [1,2,3,4], \"b\": [1,2,3,4], \"c\": [1,2,3,4], \"d\": [1,2,3]}";
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> FilterPolicy.onMessageAttributes(json));
        assertTrue(
                error.getMessage().contains("at most 150 combinations of values (SNS's limit), got 192"),
                error.getMessage());
        FilterPolicy.onMessageAttributes(
                "{\"a\": [1,2,3,4,5], \"b\": [1,2,3,4,5], \"c\": [1,2,3,4,5,6]}"); // 150 is fine
    }

    @Test
    void refusesAPolicyLargerThan256KiB() {
        String big = "{\"a\": [\"" + "x".repeat(FilterPolicy.MAX_BYTES) + "\"]}";
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> FilterPolicy.onMessageBody(big));
        assertTrue(error.getMessage().contains("at most 262144 bytes"), error.getMessage());
    }

    @Test
    void acceptsTheOrOperatorAndCountsItsAlternativesAsSnsDoes() {
        FilterPolicy policy = FilterPolicy.onMessageAttributes("{\"source\": [\"app\"], \"$or\": "
                + "[{\"fare\": [{\"numeric\": [\">=\", 50]}]}, {\"vip\": [\"true\", \"yes\"]}]}");
        assertEquals(List.of("source", "$or"), List.copyOf(policy.toMap().keySet()));
        // Each alternative may use the five keys; the combinations of all alternatives add up.
        FilterPolicy.onMessageBody("{\"a\": [\"1\"], \"b\": [\"1\"], \"c\": [\"1\"], \"d\": [\"1\"], "
                + "\"$or\": [{\"e\": [\"1\"]}, {\"f\": [\"1\"]}]}");
        String tooMany = "{\"$or\": [{\"a\": " + values(100) + "}, {\"b\": " + values(51) + "}]}";
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> FilterPolicy.onMessageAttributes(tooMany));
        assertTrue(error.getMessage().contains("combinations of values (SNS's limit), got 151"), error.getMessage());
        IllegalArgumentException keys = assertThrows(
                IllegalArgumentException.class,
                () -> FilterPolicy.onMessageAttributes(
                        "{\"a\": [\"1\"], \"b\": [\"1\"], \"c\": [\"1\"], \"d\": [\"1\"], "
                                + "\"$or\": [{\"e\": [\"1\"], \"f\": [\"1\"]}, {\"g\": [\"1\"]}]}"));
        assertTrue(keys.getMessage().contains("got 6 in one alternative of its $or"), keys.getMessage());
    }

    @Test
    void anOrOverFewerThanTwoObjectsIsAnOrdinaryKeyAsSnsReadsIt() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> FilterPolicy.onMessageAttributes("{\"$or\": [{\"a\": [\"1\"]}]}"));
        assertTrue(error.getMessage().contains("key '$or'"), error.getMessage());
    }

    @Test
    void takesCdksOwnFiltersAndChecksThem() {
        FilterPolicy attributes = FilterPolicy.fromSubscriptionFilters(Map.of(
                "total",
                software.amazon.awscdk.services.sns.SubscriptionFilter.numericFilter(
                        software.amazon.awscdk.services.sns.NumericConditions.builder()
                                .greaterThanOrEqualTo(1000)
                                .build())));
        assertEquals(Map.of("total", List.of(Map.of("numeric", List.of(">=", 1000)))), attributes.toMap());
        FilterPolicy body = FilterPolicy.fromMessageBodyPolicy(Map.of(
                "order",
                software.amazon.awscdk.services.sns.FilterOrPolicy.policy(Map.of(
                        "color",
                        software.amazon.awscdk.services.sns.FilterOrPolicy.filter(
                                software.amazon.awscdk.services.sns.SubscriptionFilter.stringFilter(
                                        software.amazon.awscdk.services.sns.StringConditions.builder()
                                                .allowlist(List.of("red"))
                                                .build()))))));
        assertEquals(FilterPolicyScope.MESSAGE_BODY, body.getScope());
        assertEquals(Map.of("order", Map.of("color", List.of("red"))), body.toMap());
    }

    @Test
    void passesAPolicyAsIsWhenAskedTo() {
        FilterPolicy policy =
                FilterPolicy.unchecked(FilterPolicyScope.MESSAGE_ATTRIBUTES, "{\"a\": [{\"wildcard\": \"x*\"}]}");
        assertEquals(Map.of("a", List.of(Map.of("wildcard", "x*"))), policy.toMap());
        assertThrows(
                IllegalArgumentException.class, () -> FilterPolicy.unchecked(FilterPolicyScope.MESSAGE_BODY, "[1]"));
    }

    private static String values(int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ", ").append('"').append(i).append('"');
        }
        return json.append(']').toString();
    }
}
