package com.wildrydes.learn.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the learner's template still lacks or has different from the finished lab's, by resource
 * and property. Resources are paired by logical ID; what has no partner by ID is paired with a
 * resource of the same type whose construct path ends the same way, and otherwise listed as
 * missing (or extra). References are compared by what they point to, so that a Ref to the
 * learner's topic equals a Ref to the finished lab's; asset hashes and generated names are not
 * compared.
 */
final class TemplateComparison {

    private TemplateComparison() {}

    static List<String> differences(JsonNode finished, JsonNode learner) {
        Map<String, JsonNode> expected = resources(finished);
        Map<String, JsonNode> actual = resources(learner);
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String id : expected.keySet()) {
            if (actual.containsKey(id) && type(actual.get(id)).equals(type(expected.get(id)))) {
                pairs.put(id, id);
            }
        }
        for (String id : expected.keySet()) {
            if (pairs.containsKey(id)) {
                continue;
            }
            String tail = pathTail(expected.get(id));
            for (String candidate : actual.keySet()) {
                if (!pairs.containsValue(candidate)
                        && type(actual.get(candidate)).equals(type(expected.get(id)))
                        && pathTail(actual.get(candidate)).equals(tail)) {
                    pairs.put(id, candidate);
                    break;
                }
            }
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : expected.entrySet()) {
            String id = resource.getKey();
            if (!pairs.containsKey(id)) {
                String path = path(resource.getValue());
                lines.add(
                        "missing  " + type(resource.getValue()) + " " + id + (path.isEmpty() ? "" : " (" + path + ")"));
                continue;
            }
            JsonNode mine = actual.get(pairs.get(id));
            String where = type(mine) + " " + pairs.get(id) + " ";
            compare(where, "", resource.getValue().path("Properties"), mine.path("Properties"), 0, lines);
        }
        for (Map.Entry<String, JsonNode> resource : actual.entrySet()) {
            if (!pairs.containsValue(resource.getKey())) {
                lines.add("extra    " + type(resource.getValue()) + " " + resource.getKey());
            }
        }
        return lines;
    }

    /**
     * The differences under one property: objects key by key (a few levels deep, such as
     * {@code .Environment.Variables.TOPIC_ARN}), lists of statements or other items as sets (what
     * the finished lab has that yours lacks, and what yours has on top), anything else as a value.
     */
    private static void compare(
            String where, String path, JsonNode theirs, JsonNode ours, int depth, List<String> lines) {
        if (theirs.isObject() && ours.isObject() && depth < 3) {
            TreeSet<String> names = new TreeSet<>();
            theirs.fieldNames().forEachRemaining(names::add);
            ours.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (depth == 0 && ignored(name)) {
                    continue;
                }
                String at = path + "." + name;
                if (!ours.has(name)) {
                    lines.add("lacks    " + where + at + " (finished: " + brief(theirs.get(name)) + ")");
                } else if (!theirs.has(name)) {
                    lines.add("extra    " + where + at + " (yours: " + brief(ours.get(name)) + ")");
                } else if (!same(theirs.get(name), ours.get(name))) {
                    compare(where, at, theirs.get(name), ours.get(name), depth + 1, lines);
                }
            }
        } else if (theirs.isArray() && ours.isArray()) {
            List<String> expected = new ArrayList<>();
            theirs.forEach(item -> expected.add(normalised(item)));
            List<String> actual = new ArrayList<>();
            ours.forEach(item -> actual.add(normalised(item)));
            for (JsonNode item : theirs) {
                if (!actual.contains(normalised(item))) {
                    lines.add("lacks    " + where + path + " item " + brief(item));
                }
            }
            for (JsonNode item : ours) {
                if (!expected.contains(normalised(item))) {
                    lines.add("extra    " + where + path + " item " + brief(item));
                }
            }
        } else {
            lines.add("differs  " + where + path + ": yours " + brief(ours) + ", finished " + brief(theirs));
        }
    }

    /** Properties whose values are generated per build or per stack, never the learner's doing. */
    private static boolean ignored(String property) {
        return property.equals("Code")
                || property.equals("Description")
                || property.equals("Tags")
                || property.equals("FunctionVersion")
                || property.equals("Name")
                || property.equals("RestApiId")
                || property.equals("DeploymentId");
    }

    /** Equal, with a reference equal to another reference to a resource of the same logical-ID stem. */
    private static boolean same(JsonNode expected, JsonNode actual) {
        return normalised(expected).equals(normalised(actual));
    }

    private static String normalised(JsonNode value) {
        // Logical IDs end with an 8-character hash of the construct path: compare the stem.
        return value.toString().replaceAll("([A-Za-z0-9]+?)[0-9A-F]{8}\"", "$1\"");
    }

    private static String brief(JsonNode value) {
        String text = value.toString();
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }

    private static Map<String, JsonNode> resources(JsonNode template) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        template.path("Resources").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = type(resource.getValue());
            if (!type.equals("AWS::CDK::Metadata")) {
                found.put(resource.getKey(), resource.getValue());
            }
        }
        return found;
    }

    private static String type(JsonNode resource) {
        return resource.path("Type").asText();
    }

    private static String path(JsonNode resource) {
        return resource.path("Metadata").path("aws:cdk:path").asText("");
    }

    /** The construct path without the stack's name: the same construct in both stacks has the same tail. */
    private static String pathTail(JsonNode resource) {
        String path = path(resource);
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
