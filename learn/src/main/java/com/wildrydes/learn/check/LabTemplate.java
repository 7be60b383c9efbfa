package com.wildrydes.learn.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A synthesized CloudFormation template read the way the check needs it: resources by type, what
 * a property refers to, a function's role and the statements its policies hold.
 */
public final class LabTemplate {

    private final JsonNode template;

    public LabTemplate(JsonNode template) {
        this.template = template;
    }

    public JsonNode json() {
        return template;
    }

    /** The resources of a type, by logical ID, in the template's order. */
    public Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        template.path("Resources").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (resource.getValue().path("Type").asText().equals(type)) {
                found.put(resource.getKey(), resource.getValue());
            }
        }
        return found;
    }

    public JsonNode resource(String logicalId) {
        return template.path("Resources").path(logicalId);
    }

    public JsonNode properties(String logicalId) {
        return resource(logicalId).path("Properties");
    }

    /** The logical ID a value refers to ({@code Ref} or {@code Fn::GetAtt}), if it is such a reference. */
    public static Optional<String> referencedId(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.has("Ref")) {
            return Optional.of(value.get("Ref").asText());
        }
        if (value.has("Fn::GetAtt")) {
            return Optional.of(value.get("Fn::GetAtt").get(0).asText());
        }
        return Optional.empty();
    }

    /** The function a reference leads to: the function itself, or the function behind an alias or version. */
    public Optional<String> functionBehind(JsonNode value) {
        Optional<String> id = referencedId(value);
        if (id.isEmpty()) {
            // A built value, such as an alias's qualified name (Fn::Join of the alias's ARN parts): the
            // function behind the first reference in it.
            if (value != null && value.isContainerNode()) {
                for (JsonNode part : value) {
                    Optional<String> found = functionBehind(part);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        }
        String type = resource(id.get()).path("Type").asText();
        if (type.equals("AWS::Lambda::Function")) {
            return id;
        }
        if (type.equals("AWS::Lambda::Alias") || type.equals("AWS::Lambda::Version")) {
            return functionBehind(properties(id.get()).get("FunctionName"));
        }
        return Optional.empty();
    }

    /** The function whose environment has {@code variable} equal to {@code value}. */
    public Optional<String> functionWithEnvironment(String variable, String value) {
        return resources("AWS::Lambda::Function").entrySet().stream()
                .filter(f -> f.getValue()
                        .path("Properties")
                        .path("Environment")
                        .path("Variables")
                        .path(variable)
                        .asText("")
                        .equals(value))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The function whose handler contains {@code text}. */
    public Optional<String> functionWithHandler(String text) {
        return resources("AWS::Lambda::Function").entrySet().stream()
                .filter(f -> f.getValue()
                        .path("Properties")
                        .path("Handler")
                        .asText("")
                        .contains(text))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Every Allow statement of the identity policies attached to the function's role. */
    public List<JsonNode> roleStatements(String functionId) {
        Optional<String> role = referencedId(properties(functionId).get("Role"));
        List<JsonNode> statements = new ArrayList<>();
        if (role.isEmpty()) {
            return statements;
        }
        for (JsonNode policy : resources("AWS::IAM::Policy").values()) {
            boolean attached = false;
            for (JsonNode roleRef : policy.path("Properties").path("Roles")) {
                attached |= referencedId(roleRef).map(role.get()::equals).orElse(false);
            }
            if (attached) {
                policy.path("Properties")
                        .path("PolicyDocument")
                        .path("Statement")
                        .forEach(statements::add);
            }
        }
        for (JsonNode inline : properties(role.get()).path("Policies")) {
            inline.path("PolicyDocument").path("Statement").forEach(statements::add);
        }
        return statements;
    }

    /** A statement's actions or resources as a list, whether the template holds one value or an array. */
    public static List<JsonNode> list(JsonNode value) {
        List<JsonNode> items = new ArrayList<>();
        if (value == null || value.isMissingNode() || value.isNull()) {
            return items;
        }
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        return items;
    }

    public static boolean hasAction(JsonNode statement, String action) {
        return statement.path("Effect").asText().equals("Allow")
                && list(statement.get("Action")).stream()
                        .anyMatch(a -> a.asText().equals(action));
    }

    /** Whether a statement's resources include the resource {@code logicalId} (by Ref or GetAtt). */
    public static boolean onResource(JsonNode statement, String logicalId) {
        return list(statement.get("Resource")).stream()
                .anyMatch(r -> referencedId(r).map(logicalId::equals).orElse(false));
    }

    /** How a template value reads to a learner: a reference by its logical ID, a literal as it is. */
    public String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        Optional<String> id = referencedId(value);
        if (id.isPresent()) {
            String kind =
                    value.has("Ref") ? "" : "." + value.get("Fn::GetAtt").get(1).asText();
            return id.get() + kind + " (" + resource(id.get()).path("Type").asText() + ")";
        }
        if (value instanceof ObjectNode) {
            return value.toString();
        }
        return value.isTextual() ? "'" + value.asText() + "'" : value.toString();
    }
}
