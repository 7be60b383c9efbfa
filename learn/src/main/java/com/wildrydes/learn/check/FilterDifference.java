package com.wildrydes.learn.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** What a learner's filter policy has different from the workshop's, attribute by attribute. */
final class FilterDifference {

    private FilterDifference() {}

    static String describe(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!actual.has(name)) {
                differences.add("no condition on " + name + " (expected " + condition(expected.get(name)) + ")");
            } else if (!expected.get(name).equals(actual.get(name))) {
                differences.add(name + " " + condition(actual.get(name)) + ", expected " + name + " "
                        + condition(expected.get(name)));
            }
        }
        for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!expected.has(name)) {
                differences.add("a condition on " + name + ", which the workshop's filter does not have");
            }
        }
        return "the filter policy says " + String.join("; ", differences)
                + " (the workshop's: fare >= 50 and distance >= 20)";
    }

    /** {@code [{"numeric": [">=", 50]}]} reads {@code >= 50}; anything else as its JSON. */
    private static String condition(JsonNode rules) {
        List<String> parts = new ArrayList<>();
        for (JsonNode rule : rules) {
            JsonNode numeric = rule.get("numeric");
            if (numeric != null && numeric.isArray()) {
                StringBuilder text = new StringBuilder();
                for (JsonNode part : numeric) {
                    text.append(text.length() == 0 ? "" : " ").append(part.asText());
                }
                parts.add(text.toString());
            } else {
                parts.add(rule.toString());
            }
        }
        return String.join(" or ", parts);
    }
}
