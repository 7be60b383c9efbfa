package com.wildrydes.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.template.LocalIds;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A template's {@code Conditions} evaluated with the stack's parameter values ({@code Fn::Equals},
 * {@code Fn::Not}, {@code Fn::And}, {@code Fn::Or}, {@code Condition}), and a template with them
 * applied: resources whose condition is false left out, each {@code Fn::If} replaced by its chosen
 * branch and {@code AWS::NoValue} dropped, so the rest resolves with the usual intrinsics.
 */
final class TemplateConditions {

    private final JsonNode conditions;
    private final Map<String, String> parameters;
    private final Map<String, Boolean> values = new HashMap<>();

    TemplateConditions(JsonNode template, Map<String, String> parameters) {
        this.conditions = template.path("Conditions");
        this.parameters = parameters;
    }

    /** The template with its conditions applied. */
    JsonNode apply(JsonNode template) {
        ObjectNode applied = template.deepCopy();
        ObjectNode resources = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        template.path("Resources").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (!resource.getValue().has("Condition")
                    || holds(resource.getValue().get("Condition").asText())) {
                resources.set(resource.getKey(), choose(resource.getValue()));
            }
        }
        applied.set("Resources", resources);
        ObjectNode outputs = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Outputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> output = it.next();
            if (!output.getValue().has("Condition")
                    || holds(output.getValue().get("Condition").asText())) {
                outputs.set(output.getKey(), choose(output.getValue()));
            }
        }
        applied.set("Outputs", outputs);
        return applied;
    }

    boolean holds(String condition) {
        Boolean known = values.get(condition);
        if (known == null) {
            JsonNode definition = conditions.get(condition);
            if (definition == null) {
                throw new IllegalArgumentException(
                        "Template format error: Unresolved condition dependency " + condition);
            }
            known = evaluate(definition);
            values.put(condition, known);
        }
        return known;
    }

    private boolean evaluate(JsonNode expression) {
        String function = expression.fieldNames().next();
        JsonNode argument = expression.get(function);
        return switch (function) {
            case "Fn::Equals" -> value(argument.get(0)).equals(value(argument.get(1)));
            case "Fn::Not" -> !evaluate(argument.get(0));
            case "Fn::And" -> {
                boolean all = true;
                for (JsonNode part : argument) {
                    all &= evaluate(part);
                }
                yield all;
            }
            case "Fn::Or" -> {
                boolean any = false;
                for (JsonNode part : argument) {
                    any |= evaluate(part);
                }
                yield any;
            }
            case "Condition" -> holds(argument.asText());
            default ->
                throw new IllegalArgumentException(
                        "Template format error: condition function " + function + " is not supported locally");
        };
    }

    /** A condition's operand: a literal, a parameter's value, a pseudo parameter, or a joined list of them. */
    private String value(JsonNode operand) {
        if (operand.isTextual() || operand.isNumber() || operand.isBoolean()) {
            return operand.asText();
        }
        if (operand.has("Ref")) {
            String name = operand.get("Ref").asText();
            return switch (name) {
                case "AWS::Region" -> LocalIds.REGION;
                case "AWS::AccountId" -> LocalIds.ACCOUNT;
                case "AWS::Partition" -> "aws";
                default -> {
                    String value = parameters.get(name);
                    if (value == null) {
                        throw new IllegalArgumentException("Template format error: Unresolved dependencies [" + name
                                + "]. Cannot reference resources in the Conditions block of the template");
                    }
                    yield value;
                }
            };
        }
        if (operand.has("Fn::Join")) {
            StringBuilder joined = new StringBuilder();
            String delimiter = operand.get("Fn::Join").get(0).asText();
            for (JsonNode part : operand.get("Fn::Join").get(1)) {
                joined.append(joined.length() == 0 ? "" : delimiter).append(value(part));
            }
            return joined.toString();
        }
        if (operand.isArray()) {
            StringBuilder joined = new StringBuilder();
            operand.forEach(part -> joined.append(value(part)));
            return joined.toString();
        }
        throw new IllegalArgumentException(
                "Template format error: a condition compares " + operand + ", which is not supported locally");
    }

    /** The value with each {@code Fn::If} replaced by its chosen branch and each {@code AWS::NoValue} left out. */
    private JsonNode choose(JsonNode value) {
        if (value.isObject() && value.size() == 1 && value.has("Fn::If")) {
            JsonNode branches = value.get("Fn::If");
            return choose(holds(branches.get(0).asText()) ? branches.get(1) : branches.get(2));
        }
        if (value.isObject()) {
            ObjectNode chosen = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode branch = choose(field.getValue());
                if (!isNoValue(branch)) {
                    chosen.set(field.getKey(), branch);
                }
            }
            return chosen;
        }
        if (value.isArray()) {
            ArrayNode chosen = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : value) {
                JsonNode branch = choose(element);
                if (!isNoValue(branch)) {
                    chosen.add(branch);
                }
            }
            return chosen;
        }
        return value;
    }

    private static boolean isNoValue(JsonNode value) {
        return value.isObject()
                && value.size() == 1
                && "AWS::NoValue".equals(value.path("Ref").asText(null));
    }
}
