package com.wildrydes.constructs.rfq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.constructs.TestStacks;
import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.functions.JavaFunctionProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.IFunction;

/**
 * Construct IDs are CloudFormation's logical IDs, and a changed logical ID replaces the resource:
 * a responder's subscription, dead-letter queue and failed-invocations queue (with the messages
 * in them) must be named after the responder, never after its place in the list. Lab 3's wiring
 * with supplied responders: reordering, removing or adding one leaves every other logical ID as it
 * was.
 */
class ResponderIdsTest {

    private static final List<String> RESPONDERS = List.of("Alpha", "Beta", "Gamma");

    /**
     * Every logical ID of a stack with a request for quotes to the named responders, in that order,
     * but the published versions of the functions configured with the responders' names and count
     * (the collector and submit functions): a Lambda version is immutable, so a changed environment
     * publishes a new one, behind the same alias, by design.
     */
    private static Set<String> logicalIds(List<String> names) {
        return logicalIds(names, false);
    }

    /** As above, the responders given in the props or attached one by one with addResponder. */
    private static Set<String> logicalIds(List<String> names, boolean added) {
        Set<String> ids = allLogicalIds(names, added);
        ids.removeIf(id -> id.startsWith("RideBookingCollectorFunctionCurrentVersion")
                || id.startsWith("RideBookingSubmitFunctionCurrentVersion"));
        return ids;
    }

    /** Every logical ID of a stack with a request for quotes to the named responders, in that order. */
    private static Set<String> allLogicalIds(List<String> names, boolean added) {
        Stack stack = TestStacks.newStack();
        software.amazon.awscdk.services.lambda.Code code = TestStacks.jarCode(stack);
        List<IFunction> functions = new ArrayList<>();
        for (String name : names) {
            functions.add(new JavaFunction(
                    stack,
                    name + "Responder",
                    JavaFunctionProps.builder()
                            .code(code)
                            .handler("com.example.Quotes::handleRequest")
                            .build()));
        }
        if (added) {
            ScatterGatherRfq rfq = new ScatterGatherRfq(
                    stack,
                    "RideBooking",
                    ScatterGatherRfqProps.builder().code(code).build());
            for (int i = 0; i < names.size(); i++) {
                rfq.addResponder(names.get(i), functions.get(i));
            }
        } else {
            new ScatterGatherRfq(
                    stack,
                    "RideBooking",
                    ScatterGatherRfqProps.builder()
                            .code(code)
                            .responders(functions)
                            .responderNames(names)
                            .build());
        }
        Map<String, Map<String, Object>> resources = Template.fromStack(stack).toJSON().entrySet().stream()
                .filter(e -> e.getKey().equals("Resources"))
                .map(e -> castResources(e.getValue()))
                .findFirst()
                .orElseThrow();
        return new TreeSet<>(resources.keySet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> castResources(Object resources) {
        return (Map<String, Map<String, Object>>) resources;
    }

    @Test
    void reorderingTheRespondersChangesNoLogicalId() {
        assertEquals(logicalIds(RESPONDERS), logicalIds(List.of("Gamma", "Alpha", "Beta")));
    }

    @Test
    void removingAResponderRemovesOnlyItsOwnResources() {
        Set<String> before = logicalIds(RESPONDERS);
        Set<String> after = logicalIds(List.of("Alpha", "Gamma"));
        assertTrue(before.containsAll(after), "no new logical ID: " + difference(after, before));
        Set<String> removed = difference(before, after);
        assertFalse(removed.isEmpty());
        for (String id : removed) {
            assertTrue(id.startsWith("Beta") || id.contains("Beta"), "only Beta's resources go, not " + removed);
        }
    }

    @Test
    void addingAResponderAddsOnlyItsOwnResources() {
        Set<String> before = logicalIds(RESPONDERS);
        Set<String> after = logicalIds(List.of("Alpha", "Beta", "Gamma", "Delta"));
        assertTrue(after.containsAll(before), "every logical ID kept: lost " + difference(before, after));
        for (String id : difference(after, before)) {
            assertTrue(id.contains("Delta"), "only Delta's resources are new, not " + id);
        }
    }

    @Test
    void respondersAttachedByNameKeepEveryOtherLogicalIdWhenReorderedRemovedOrAdded() {
        Set<String> before = logicalIds(RESPONDERS, true);
        assertEquals(before, logicalIds(List.of("Gamma", "Alpha", "Beta"), true));
        assertEquals(before, logicalIds(RESPONDERS, false), "addResponder and the props name alike");
        Set<String> withoutBeta = logicalIds(List.of("Alpha", "Gamma"), true);
        assertTrue(before.containsAll(withoutBeta), "no new logical ID: " + difference(withoutBeta, before));
        difference(before, withoutBeta).forEach(id -> assertTrue(id.contains("Beta"), id));
        Set<String> withDelta = logicalIds(List.of("Alpha", "Beta", "Gamma", "Delta"), true);
        assertTrue(withDelta.containsAll(before), "every logical ID kept: lost " + difference(before, withDelta));
        difference(withDelta, before).forEach(id -> assertTrue(id.contains("Delta"), id));
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
