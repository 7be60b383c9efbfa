package com.wildrydes.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.ssm.ParameterStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change set's parameter values as CloudFormation settles them: given, previous
 * ({@code UsePreviousValue}) or the template's default; {@code AWS::SSM::Parameter::Value<...>}
 * types resolved from Parameter Store; then the template's {@code Rules} asserted (the CDK's
 * CheckBootstrapVersion). Each refusal is CloudFormation's ValidationError text.
 */
final class StackParameters {

    /** The values (for SSM types, the parameter's name) and the resolved values templates see. */
    record Values(Map<String, String> given, Map<String, String> resolved) {}

    private StackParameters() {}

    static Values settle(
            JsonNode template, List<Map<String, String>> requested, Map<String, String> previous, ParameterStore ssm) {
        JsonNode declared = template.path("Parameters");
        Map<String, String> given = new LinkedHashMap<>();
        for (Map<String, String> parameter : requested) {
            String key = parameter.get("ParameterKey");
            if (!declared.has(key)) {
                throw new ValidationError("Parameters: [" + key + "] do not exist in the template");
            }
            if ("true".equals(parameter.get("UsePreviousValue"))) {
                if (!previous.containsKey(key)) {
                    throw new ValidationError(
                            "Invalid input for parameter key " + key
                                    + ". Cannot specify usePreviousValue as true for a parameter key not in the previous template");
                }
                given.put(key, previous.get(key));
            } else {
                given.put(key, parameter.getOrDefault("ParameterValue", ""));
            }
        }
        List<String> missing = new ArrayList<>();
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> parameter = it.next();
            String key = parameter.getKey();
            if (!given.containsKey(key)) {
                if (!parameter.getValue().has("Default")) {
                    missing.add(key);
                    continue;
                }
                given.put(key, parameter.getValue().get("Default").asText());
            }
            String type = parameter.getValue().path("Type").asText();
            if (type.startsWith("AWS::SSM::Parameter::Value<")) {
                String name = given.get(key);
                resolved.put(
                        key,
                        ssm.get(name)
                                .orElseThrow(() -> new ValidationError("Unable to fetch parameters [" + name
                                        + "] from parameter store for this account."))
                                .value());
            } else {
                resolved.put(key, given.get(key));
            }
        }
        if (!missing.isEmpty()) {
            throw new ValidationError("Parameters: " + missing + " must have values");
        }
        assertRules(template, resolved);
        return new Values(given, resolved);
    }

    private static void assertRules(JsonNode template, Map<String, String> values) {
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Rules").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> rule = it.next();
            if (rule.getValue().has("RuleCondition") && !truth(rule.getValue().get("RuleCondition"), values)) {
                continue;
            }
            for (JsonNode assertion : rule.getValue().path("Assertions")) {
                if (!truth(assertion.get("Assert"), values)) {
                    throw new ValidationError(
                            assertion.path("AssertDescription").asText("Rule " + rule.getKey() + " failed"));
                }
            }
        }
    }

    private static boolean truth(JsonNode expression, Map<String, String> values) {
        String function = expression.fieldNames().next();
        JsonNode argument = expression.get(function);
        switch (function) {
            case "Fn::Not":
                return !truth(argument.get(0), values);
            case "Fn::And":
            case "Fn::Or": {
                boolean and = function.equals("Fn::And");
                for (JsonNode part : argument) {
                    if (truth(part, values) != and) {
                        return !and;
                    }
                }
                return and;
            }
            case "Fn::Equals":
                return value(argument.get(0), values).equals(value(argument.get(1), values));
            case "Fn::Contains": {
                String wanted = value(argument.get(1), values);
                for (JsonNode candidate : argument.get(0)) {
                    if (value(candidate, values).equals(wanted)) {
                        return true;
                    }
                }
                return false;
            }
            default:
                throw new ValidationError(
                        "Template format error: rule function " + function + " is not supported locally");
        }
    }

    private static String value(JsonNode operand, Map<String, String> values) {
        if (operand.has("Ref")) {
            String value = values.get(operand.get("Ref").asText());
            if (value == null) {
                throw new ValidationError("Template format error: Unresolved dependencies ["
                        + operand.get("Ref").asText()
                        + "]. Cannot reference resources in the Rules block of the template");
            }
            return value;
        }
        return operand.asText();
    }

    /** CloudFormation's ValidationError (HTTP 400). */
    static final class ValidationError extends RuntimeException {
        ValidationError(String message) {
            super(message);
        }
    }
}
