package com.wildrydes.test.lab1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.test.support.SnsFilterEvaluator;
import com.wildrydes.test.support.SynthesizedApp;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The extraordinary-rides filter policy, taken from the synthesized template and evaluated as SNS
 * would evaluate it: which rides the extraordinary-rides service receives.
 */
class ExtraordinaryRidesFilterTest {

    static SnsFilterEvaluator filter;
    static Map<String, Object> subscription;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void takeThePolicyFromTheTemplate() {
        Map<String, Map<String, Object>> subscriptions = SynthesizedApp.template(WildRydesApp.LAB_1)
                .findResources("AWS::SNS::Subscription");
        subscription = subscriptions.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("ExtraordinaryRidesSubscription"))
                .map(entry -> (Map<String, Object>) entry.getValue().get("Properties"))
                .findFirst().orElseThrow();
        filter = new SnsFilterEvaluator(subscription.get("FilterPolicy"));
    }

    @Test
    void isTheWorkshopPolicyOnMessageAttributes() {
        assertEquals(Map.of(
                "fare", java.util.List.of(Map.of("numeric", java.util.List.of(">=", 50))),
                "distance", java.util.List.of(Map.of("numeric", java.util.List.of(">=", 20)))),
                subscription.get("FilterPolicy"));
        assertEquals("MessageAttributes", subscription.get("FilterPolicyScope"));
    }

    @ParameterizedTest(name = "fare {0}, distance {1}: delivered {2}")
    @CsvSource({
            "256.50, 600, true",
            "50,     20,  true",
            "50.00,  20.0, true",
            "49.99,  600, false",
            "256.50, 19.99, false",
            "0,      0,   false",
    })
    void deliversOnlyRidesWithFareAtLeast50AndDistanceAtLeast20(BigDecimal fare, BigDecimal distance, boolean delivered) {
        assertEquals(delivered, filter.delivers(Map.of("fare", fare, "distance", distance)));
    }

    @Test
    void aRideWithoutDistanceIsNotDelivered() {
        Map<String, Object> fareOnly = new HashMap<>();
        fareOnly.put("fare", new BigDecimal("256.50"));
        assertFalse(filter.delivers(fareOnly));
    }

    @Test
    void aRideWithoutAttributesIsNotDelivered() {
        assertFalse(filter.delivers(Map.of()));
        assertTrue(filter.delivers(Map.of("fare", 1000, "distance", 1000)), "sanity: large rides are delivered");
    }
}
