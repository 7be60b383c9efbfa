package com.wildrydes.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.LocalLab;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** How the console reads a template's values: the logical IDs they refer to, and their local text. */
final class TemplateValues {

    private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

    private TemplateValues() {}

    /** The logical ID a template value refers to (its first Ref or Fn::GetAtt, at any depth), or null. */
    static String referenced(JsonNode value) {
        List<String> found = new ArrayList<>();
        collectReferenced(value, found);
        return found.isEmpty() ? null : found.get(0);
    }

    static void collectReferenced(JsonNode value, List<String> found) {
        if (value == null) {
            return;
        }
        if (value.isObject() && value.has("Ref") && !value.get("Ref").asText().startsWith("AWS::")) {
            found.add(value.get("Ref").asText());
        } else if (value.isObject() && value.has("Fn::GetAtt")) {
            JsonNode getAtt = value.get("Fn::GetAtt");
            found.add(
                    getAtt.isArray() ? getAtt.get(0).asText() : getAtt.asText().split("\\.")[0]);
        } else {
            value.elements().forEachRemaining(element -> collectReferenced(element, found));
        }
    }

    /** Every string in the value, each also without a {@code :$LATEST} qualifier. */
    static void collectStrings(JsonNode value, List<String> found) {
        if (value.isTextual()) {
            found.add(value.asText());
            found.add(value.asText().replaceAll(":\\$LATEST$", ""));
        } else {
            value.elements().forEachRemaining(element -> collectStrings(element, found));
        }
    }

    static JsonNode ref(String logicalId) {
        return FACTORY.objectNode().put("Ref", logicalId);
    }

    /** A logical ID without the hash CDK appends ({@code RidesTable3A2F6E1B} reads {@code RidesTable}). */
    static String shortName(String logicalId) {
        return logicalId.replaceAll("[0-9A-F]{8}$", "");
    }

    static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    /** The value's local text in that lab, or null for a resource not brought up locally. */
    static String text(LocalLab lab, JsonNode value) {
        try {
            JsonNode resolved = lab.resolve(value);
            return resolved == null ? null : resolved.asText();
        } catch (RuntimeException e) {
            return null; // not brought up locally (a resource of no local meaning)
        }
    }

    /** The local URL of the API's stage (the first stage the template declares for it). */
    static String stageUrl(LocalLab lab, String api, JsonNode resources) {
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            JsonNode resource = it.next().getValue();
            if ("AWS::ApiGateway::Stage".equals(resource.path("Type").asText())
                    && api.equals(referenced(resource.path("Properties").get("RestApiId")))) {
                ArrayNode join = FACTORY.arrayNode();
                ArrayNode parts = join.add("").addArray();
                parts.add("https://")
                        .add(ref(api))
                        .add(".execute-api.")
                        .add(ref("AWS::Region"))
                        .add(".")
                        .add(ref("AWS::URLSuffix"))
                        .add("/")
                        .add(resource.path("Properties").get("StageName"));
                ObjectNode value = FACTORY.objectNode();
                value.set("Fn::Join", join);
                return text(lab, value);
            }
        }
        throw new IllegalArgumentException("API " + api + " has no stage in the template");
    }
}
