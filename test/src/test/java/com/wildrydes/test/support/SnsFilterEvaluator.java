package com.wildrydes.test.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import software.amazon.event.ruler.Machine;

/**
 * Evaluates an SNS filter policy the way SNS does, with AWS's open-source event-ruler matcher:
 * the policy is the rule, the message attributes (or body) are the event.
 */
public final class SnsFilterEvaluator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Machine machine = new Machine();

    public SnsFilterEvaluator(Object filterPolicy) {
        try {
            machine.addRule("policy", JSON.writeValueAsString(filterPolicy));
        } catch (Exception e) {
            throw new IllegalArgumentException("event-ruler refuses the policy " + filterPolicy, e);
        }
    }

    /** Whether a message with these attribute values (numbers for Number attributes) is delivered. */
    public boolean delivers(Map<String, ?> attributes) {
        try {
            return !machine.rulesForJSONEvent(JSON.writeValueAsString(attributes))
                    .isEmpty();
        } catch (Exception e) {
            throw new IllegalArgumentException("event-ruler cannot read the event " + attributes, e);
        }
    }
}
