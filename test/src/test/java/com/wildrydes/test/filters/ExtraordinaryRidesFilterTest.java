package com.wildrydes.test.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.test.support.SnsFilterEvaluator;
import com.wildrydes.test.support.SynthesizedApp;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The extraordinary-rides filter policy of labs 1 and 2, taken from each synthesized template and
 * evaluated as SNS evaluates it (with AWS's event-ruler): which rides the service receives.
 */
class ExtraordinaryRidesFilterTest {

    static Stream<String> stacks() {
        return Stream.of(WildRydesApp.LAB_1, WildRydesApp.LAB_2);
    }

    static Stream<Arguments> rides() {
        return stacks().flatMap(stack -> Stream.of(
                Arguments.of(stack, "256.50", "600", true),
                Arguments.of(stack, "50", "20", true),
                Arguments.of(stack, "50.00", "20.0", true),
                Arguments.of(stack, "49.99", "600", false),
                Arguments.of(stack, "256.50", "19.99", false),
                Arguments.of(stack, "0", "0", false)));
    }

    /** The subscription properties of the extraordinary-rides subscription in a stack. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> extraordinaryRidesSubscription(String stackName) {
        List<Map<String, Object>> filtered =
                SynthesizedApp.template(stackName).findResources("AWS::SNS::Subscription").entrySet().stream()
                        .filter(entry -> entry.getKey().startsWith("ExtraordinaryRides"))
                        .map(entry -> (Map<String, Object>) entry.getValue().get("Properties"))
                        .toList();
        assertEquals(1, filtered.size(), "one extraordinary-rides subscription in " + stackName);
        return filtered.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void isTheWorkshopPolicyOnMessageAttributes(String stack) {
        Map<String, Object> subscription = extraordinaryRidesSubscription(stack);
        assertEquals(
                Map.of(
                        "fare", List.of(Map.of("numeric", List.of(">=", 50))),
                        "distance", List.of(Map.of("numeric", List.of(">=", 20)))),
                subscription.get("FilterPolicy"));
        assertEquals("MessageAttributes", subscription.get("FilterPolicyScope"));
    }

    @ParameterizedTest(name = "{0}: fare {1}, distance {2}: delivered {3}")
    @MethodSource("rides")
    void deliversOnlyRidesWithFareAtLeast50AndDistanceAtLeast20(
            String stack, String fare, String distance, boolean delivered) {
        SnsFilterEvaluator filter =
                new SnsFilterEvaluator(extraordinaryRidesSubscription(stack).get("FilterPolicy"));
        assertEquals(
                delivered, filter.delivers(Map.of("fare", new BigDecimal(fare), "distance", new BigDecimal(distance))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void aRideWithoutDistanceOrWithoutAttributesIsNotDelivered(String stack) {
        SnsFilterEvaluator filter =
                new SnsFilterEvaluator(extraordinaryRidesSubscription(stack).get("FilterPolicy"));
        assertFalse(filter.delivers(Map.of("fare", new BigDecimal("256.50"))));
        assertFalse(filter.delivers(Map.of()));
        assertTrue(filter.delivers(Map.of("fare", 1000, "distance", 1000)), "sanity: large rides are delivered");
    }
}
