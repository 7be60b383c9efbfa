package com.wildrydes.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.engines.NodeScriptService;
import com.wildrydes.local.template.LocalIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks AWS's policy evaluation logic, as implemented by {@code @cloud-copilot/iam-simulate}
 * ({@code test/engines/evaluate-iam.mjs}), about a batch of calls: each with its principal's
 * identity policies (none for a service principal) and the resource policy of its resource.
 */
public final class PolicyEvaluator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyEvaluator() {}

    /** One decision per call, in order: the result and, when not allowed, which policy lacks what. */
    public record Decision(String result, String why) {
        public boolean allowed() {
            return "Allowed".equals(result);
        }
    }

    public static List<Decision> decide(List<RecordedCall> calls, TemplatePolicies policies) {
        ObjectNode request = JSON.createObjectNode();
        request.put("account", LocalIds.ACCOUNT);
        ObjectNode identity = request.putObject("identityPolicies");
        policies.identityPolicies().forEach((role, named) -> {
            ArrayNode list = identity.putArray(role);
            named.forEach(policy -> list.addObject().put("name", policy.name()).set("policy", policy.policy()));
        });
        ObjectNode resources = request.putObject("resourcePolicies");
        ArrayNode batch = request.putArray("calls");
        for (RecordedCall call : calls) {
            TemplatePolicies.NamedPolicy resourcePolicy = policies.resourcePolicy(call.resource());
            if (resourcePolicy != null && !resources.has(call.resource())) {
                resources
                        .putObject(call.resource())
                        .put("name", resourcePolicy.name())
                        .set("policy", resourcePolicy.policy());
            }
            ObjectNode entry = batch.addObject();
            entry.put("principal", call.principal());
            entry.put("role", call.role());
            entry.put("action", call.action());
            entry.put("resource", call.resource());
            entry.set("context", JSON.valueToTree(call.context()));
        }
        JsonNode answer = NodeScriptService.of("evaluate-iam.mjs").call(request, Duration.ofSeconds(60), line -> {});
        List<Decision> result = new ArrayList<>();
        answer.path("decisions")
                .forEach(decision -> result.add(new Decision(
                        decision.path("result").asText(), decision.path("why").asText(null))));
        if (result.size() != calls.size()) {
            throw new IllegalStateException("The IAM evaluator answered " + result.size() + " decisions for "
                    + calls.size() + " calls: " + answer);
        }
        return result;
    }
}
