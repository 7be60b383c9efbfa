package com.wildrydes.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.template.Intrinsics;
import com.wildrydes.local.template.LocalIds;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The IAM side of one stack's template, resolved with local mode's own {@link Intrinsics} so that
 * its ARNs are the ones the recorded calls carry: identity policies by role ({@code AWS::IAM::Policy}
 * attached through {@code Roles}, a role's inline {@code Policies}); resource policies by resource
 * ARN ({@code AWS::SQS::QueuePolicy}, {@code AWS::SNS::TopicPolicy}, each {@code AWS::Lambda::Permission}
 * turned into the statement Lambda adds to the function's or alias's policy, {@code AWS::KMS::Key}
 * key policies); and what implies further calls: the KMS key of each encrypted topic and queue, each
 * topic's queue subscriptions and its subscriptions' dead-letter queues.
 */
public final class TemplatePolicies {

    /** One policy document with the name a denial names it by. */
    public record NamedPolicy(String name, JsonNode policy) {}

    /**
     * One allowed (action, resource) pair of a role's identity policy; {@code templateResource} is
     * the resource as the template writes it, the same for every local copy of the stack.
     */
    public record Grant(String roleLogicalId, String policy, String action, String resource, String templateResource) {}

    private final Map<String, List<NamedPolicy>> identityByRole = new LinkedHashMap<>();
    private final Map<String, String> roleLogicalIds = new LinkedHashMap<>();
    private final Map<String, ObjectNode> resourcePolicies = new LinkedHashMap<>();
    private final Map<String, List<String>> resourcePolicyNames = new LinkedHashMap<>();
    private final List<Grant> grants = new ArrayList<>();
    private final Map<String, String> keyOf = new LinkedHashMap<>();
    private final Map<String, List<String>> queuesSubscribedTo = new LinkedHashMap<>();
    private final Map<String, List<String>> deadLetterQueuesOf = new LinkedHashMap<>();
    private final List<String> notEvaluated = new ArrayList<>();

    public TemplatePolicies(JsonNode template, Intrinsics intrinsics, UnaryOperator<String> queueArnOfUrl) {
        JsonNode resources = template.path("Resources");
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String logicalId = entry.getKey();
            JsonNode properties = entry.getValue().path("Properties");
            switch (entry.getValue().path("Type").asText()) {
                case "AWS::IAM::Role" -> role(logicalId, properties, intrinsics);
                case "AWS::IAM::Policy" -> {
                    for (JsonNode role : properties.path("Roles")) {
                        String roleLogicalId = role.path("Ref").asText();
                        identity(
                                roleLogicalId,
                                "AWS::IAM::Policy " + logicalId,
                                properties.get("PolicyDocument"),
                                intrinsics);
                    }
                }
                case "AWS::SQS::QueuePolicy" -> {
                    for (JsonNode queue : properties.path("Queues")) {
                        resource(
                                queueArnOfUrl.apply(intrinsics.text(queue)),
                                "AWS::SQS::QueuePolicy " + logicalId,
                                intrinsics.resolve(properties.get("PolicyDocument")));
                    }
                }
                case "AWS::SNS::TopicPolicy" -> {
                    for (JsonNode topic : properties.path("Topics")) {
                        resource(
                                intrinsics.text(topic),
                                "AWS::SNS::TopicPolicy " + logicalId,
                                intrinsics.resolve(properties.get("PolicyDocument")));
                    }
                }
                case "AWS::Lambda::Permission" -> permission(logicalId, intrinsics.resolve(properties));
                case "AWS::KMS::Key" ->
                    resource(
                            intrinsics.text(getAtt(logicalId, "Arn")),
                            "the key policy of AWS::KMS::Key " + logicalId,
                            intrinsics.resolve(properties.get("KeyPolicy")));
                case "AWS::SNS::Topic" -> encryption(intrinsics.text(ref(logicalId)), properties, intrinsics);
                case "AWS::SQS::Queue" -> encryption(intrinsics.text(getAtt(logicalId, "Arn")), properties, intrinsics);
                case "AWS::SNS::Subscription" -> subscription(intrinsics.resolve(properties));
                default -> {
                    // not an IAM matter
                }
            }
        }
    }

    private void role(String logicalId, JsonNode properties, Intrinsics intrinsics) {
        roleLogicalIds.put(roleArn(intrinsics, logicalId), logicalId);
        identityByRole.computeIfAbsent(roleArn(intrinsics, logicalId), r -> new ArrayList<>());
        for (JsonNode inline : properties.path("Policies")) {
            identity(
                    logicalId,
                    "inline policy " + inline.path("PolicyName").asText() + " of AWS::IAM::Role " + logicalId,
                    inline.get("PolicyDocument"),
                    intrinsics);
        }
        for (JsonNode managed : properties.path("ManagedPolicyArns")) {
            notEvaluated.add("managed policy " + intrinsics.text(managed) + " of " + logicalId
                    + " (not in the template; its grants are not evaluated)");
        }
    }

    private void identity(String roleLogicalId, String name, JsonNode document, Intrinsics intrinsics) {
        JsonNode resolved = intrinsics.resolve(document);
        String roleArn = roleArn(intrinsics, roleLogicalId);
        identityByRole.computeIfAbsent(roleArn, r -> new ArrayList<>()).add(new NamedPolicy(name, resolved));
        JsonNode statements = document.path("Statement");
        for (int i = 0; i < statements.size(); i++) {
            JsonNode raw = statements.get(i);
            JsonNode statement = resolved.path("Statement").get(i);
            if (!"Allow".equals(statement.path("Effect").asText())) {
                continue;
            }
            List<JsonNode> rawResources = list(raw.get("Resource"));
            List<JsonNode> resources = list(statement.get("Resource"));
            for (JsonNode action : list(statement.get("Action"))) {
                for (int r = 0; r < resources.size(); r++) {
                    grants.add(new Grant(
                            roleLogicalId,
                            name,
                            action.asText(),
                            resources.get(r).asText(),
                            rawResources.get(r).isTextual()
                                    ? rawResources.get(r).asText()
                                    : rawResources.get(r).toString()));
                }
            }
        }
    }

    private void resource(String arn, String name, JsonNode document) {
        ObjectNode policy = resourcePolicies.computeIfAbsent(arn, a -> {
            ObjectNode created = JsonNodeFactory.instance.objectNode();
            created.put("Version", "2012-10-17");
            created.putArray("Statement");
            return created;
        });
        ArrayNode statements = (ArrayNode) policy.get("Statement");
        list(document.get("Statement")).forEach(statements::add);
        resourcePolicyNames.computeIfAbsent(arn, a -> new ArrayList<>()).add(name);
    }

    /** The statement Lambda's AddPermission writes into the function's (or alias's) resource policy. */
    private void permission(String logicalId, JsonNode properties) {
        String function = properties.path("FunctionName").asText();
        String arn = function.startsWith("arn:")
                ? function
                : "arn:aws:lambda:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":function:" + function;
        String principal = properties.path("Principal").asText();
        ObjectNode statement = JsonNodeFactory.instance.objectNode();
        statement.put("Sid", logicalId);
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put(principal.endsWith(".amazonaws.com") ? "Service" : "AWS", principal);
        statement.put("Action", properties.path("Action").asText());
        statement.put("Resource", arn);
        if (properties.has("SourceArn") || properties.has("SourceAccount")) {
            ObjectNode condition = statement.putObject("Condition");
            if (properties.has("SourceArn")) {
                condition
                        .putObject("ArnLike")
                        .put("aws:SourceArn", properties.get("SourceArn").asText());
            }
            if (properties.has("SourceAccount")) {
                condition
                        .putObject("StringEquals")
                        .put(
                                "aws:SourceAccount",
                                properties.get("SourceAccount").asText());
            }
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.putArray("Statement").add(statement);
        resource(arn, "AWS::Lambda::Permission " + logicalId, document);
    }

    private void encryption(String arn, JsonNode properties, Intrinsics intrinsics) {
        if (properties.has("KmsMasterKeyId")) {
            String key = intrinsics.text(properties.get("KmsMasterKeyId"));
            if (!key.startsWith("alias/aws/")) {
                keyOf.put(arn, key);
            }
        }
    }

    private void subscription(JsonNode properties) {
        String topic = properties.path("TopicArn").asText();
        if ("sqs".equals(properties.path("Protocol").asText())) {
            queuesSubscribedTo
                    .computeIfAbsent(topic, t -> new ArrayList<>())
                    .add(properties.path("Endpoint").asText());
        }
        String deadLetter =
                properties.path("RedrivePolicy").path("deadLetterTargetArn").asText(null);
        if (deadLetter != null) {
            deadLetterQueuesOf.computeIfAbsent(topic, t -> new ArrayList<>()).add(deadLetter);
        }
    }

    private static String roleArn(Intrinsics intrinsics, String roleLogicalId) {
        return intrinsics.text(getAtt(roleLogicalId, "Arn"));
    }

    private static List<JsonNode> list(JsonNode value) {
        List<JsonNode> values = new ArrayList<>();
        if (value == null || value.isNull()) {
            return values;
        }
        if (value.isArray()) {
            value.forEach(values::add);
        } else {
            values.add(value);
        }
        return values;
    }

    private static JsonNode ref(String logicalId) {
        return JsonNodeFactory.instance.objectNode().put("Ref", logicalId);
    }

    private static JsonNode getAtt(String logicalId, String attribute) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putArray("Fn::GetAtt").add(logicalId).add(attribute);
        return node;
    }

    public Map<String, List<NamedPolicy>> identityPolicies() {
        return identityByRole;
    }

    /** The resource policy of that ARN (every statement of every policy that applies to it), or null. */
    public NamedPolicy resourcePolicy(String arn) {
        ObjectNode policy = resourcePolicies.get(arn);
        return policy == null ? null : new NamedPolicy(String.join(" + ", resourcePolicyNames.get(arn)), policy);
    }

    public String roleLogicalId(String roleArn) {
        return roleLogicalIds.get(roleArn);
    }

    public List<Grant> grants() {
        return grants;
    }

    /** The customer managed key an encrypted topic or queue uses, or null. */
    public String keyOf(String topicOrQueueArn) {
        return keyOf.get(topicOrQueueArn);
    }

    public List<String> queuesSubscribedTo(String topicArn) {
        return queuesSubscribedTo.getOrDefault(topicArn, List.of());
    }

    public List<String> deadLetterQueuesOfSubscriptionsTo(String topicArn) {
        return deadLetterQueuesOf.getOrDefault(topicArn, List.of());
    }

    public List<String> notEvaluated() {
        return notEvaluated;
    }
}
