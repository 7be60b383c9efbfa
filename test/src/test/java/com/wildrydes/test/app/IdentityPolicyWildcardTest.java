package com.wildrydes.test.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.test.support.Labs;
import com.wildrydes.test.support.SynthesizedApp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Least privilege in every identity policy the app synthesizes: an action or resource with a
 * wildcard ({@code *}) must be covered by a documented cdk-nag suppression ({@code AwsSolutions-IAM5}
 * whose {@code applies_to} names exactly that {@code Action::...} or {@code Resource::...}, with
 * cdk-nag's rendering of tokens, {@code <LogicalId.Arn>}), so every wildcard carries its reason.
 * Resource policies (queue, topic and key policies, whose TLS-only denies name {@code Principal: *})
 * are not identity policies and are not checked here.
 */
class IdentityPolicyWildcardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> stacks() {
        return Labs.stackNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void everyWildcardInAnIdentityPolicyIsADocumentedSuppression(String stackName) {
        List<String> violations = violations(template(stackName));
        assertTrue(violations.isEmpty(), stackName + ":\n  " + String.join("\n  ", violations));
    }

    /** The check fails where it should: lab 4's log-delivery statement without its suppression. */
    @Test
    void aWildcardWithoutItsSuppressionIsReported() {
        ObjectNode template = (ObjectNode) template("wild-rydes-async-msg-4");
        int removed = 0;
        for (JsonNode resource : template.path("Resources")) {
            if (resource.path("Metadata").has("cdk_nag")) {
                ((ObjectNode) resource.get("Metadata")).remove("cdk_nag");
                removed++;
            }
        }
        assertTrue(removed > 0);
        List<String> violations = violations(template);
        assertEquals(2, violations.size(), String.join("\n", violations));
        assertTrue(
                violations.get(0).contains("Resource::*")
                        && violations.get(0).contains("StateMachineRoleDefaultPolicy"),
                violations.get(0));
    }

    private static JsonNode template(String stackName) {
        return JSON.valueToTree(SynthesizedApp.template(stackName).toJSON());
    }

    static List<String> violations(JsonNode template) {
        List<String> violations = new ArrayList<>();
        List<String> stackSuppressions = suppressions(template.path("Metadata"));
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        template.path("Resources").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            JsonNode properties = resource.getValue().path("Properties");
            List<JsonNode> documents = new ArrayList<>();
            if (type.equals("AWS::IAM::Policy") || type.equals("AWS::IAM::ManagedPolicy")) {
                documents.add(properties.path("PolicyDocument"));
            } else if (type.equals("AWS::IAM::Role")) {
                properties.path("Policies").forEach(policy -> documents.add(policy.path("PolicyDocument")));
            } else {
                continue;
            }
            List<String> allowed = new ArrayList<>(stackSuppressions);
            allowed.addAll(suppressions(resource.getValue().path("Metadata")));
            for (JsonNode document : documents) {
                for (JsonNode statement : list(document.path("Statement"))) {
                    for (JsonNode action : list(statement.path("Action"))) {
                        check("Action::" + action.asText(), resource.getKey(), allowed, violations);
                    }
                    for (JsonNode target : list(statement.path("Resource"))) {
                        check("Resource::" + render(target), resource.getKey(), allowed, violations);
                    }
                }
            }
        }
        return violations;
    }

    private static void check(String finding, String logicalId, List<String> allowed, List<String> violations) {
        if (finding.contains("*") && allowed.stream().noneMatch(finding::matches)) {
            violations.add(logicalId + ": " + finding + " has no AwsSolutions-IAM5 suppression naming it");
        }
    }

    /** Each AwsSolutions-IAM5 suppression's applies_to, as a regular expression. */
    private static List<String> suppressions(JsonNode metadata) {
        List<String> patterns = new ArrayList<>();
        for (JsonNode rule : metadata.path("cdk_nag").path("rules_to_suppress")) {
            if (!"AwsSolutions-IAM5".equals(rule.path("id").asText())
                    || rule.path("reason").asText().isBlank()) {
                continue;
            }
            for (JsonNode appliesTo : rule.path("applies_to")) {
                patterns.add(
                        appliesTo.has("regex")
                                ? appliesTo.get("regex").asText().replaceAll("^/|/[a-z]*$", "")
                                : java.util.regex.Pattern.quote(appliesTo.asText()));
            }
        }
        return patterns;
    }

    /** A resource as cdk-nag names it in findings: tokens as {@code <LogicalId.Attribute>}. */
    private static String render(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.has("Ref")) {
            return "<" + value.get("Ref").asText() + ">";
        }
        if (value.has("Fn::GetAtt")) {
            JsonNode att = value.get("Fn::GetAtt");
            return "<" + att.get(0).asText() + "." + att.get(1).asText() + ">";
        }
        if (value.has("Fn::Join")) {
            StringBuilder joined = new StringBuilder();
            value.get("Fn::Join").get(1).forEach(part -> joined.append(render(part)));
            return joined.toString();
        }
        return value.toString();
    }

    private static List<JsonNode> list(JsonNode value) {
        List<JsonNode> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(values::add);
        } else if (!value.isMissingNode() && !value.isNull()) {
            values.add(value);
        }
        return values;
    }
}
