package com.wildrydes.constructs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

/**
 * Records a cdk-nag suppression on a resource as the {@code cdk_nag} metadata that cdk-nag reads,
 * so that this library documents its deliberate findings without depending on cdk-nag itself.
 * Every call states the true reason the rule does not apply.
 */
public final class NagSuppressionMetadata {

    private NagSuppressionMetadata() {
    }

    /** Suppresses {@code ruleId} (for example {@code AwsSolutions-SQS3}) on the construct's resource. */
    @SuppressWarnings("unchecked")
    public static void suppress(IConstruct construct, String ruleId, String reason) {
        if (reason == null || reason.length() < 10) {
            throw new IllegalArgumentException("A suppression of " + ruleId + " needs a reason of at least 10 characters, got: " + reason);
        }
        CfnResource resource = construct instanceof CfnResource cfn
                ? cfn
                : (CfnResource) construct.getNode().getDefaultChild();
        Object existing = resource.getCfnOptions().getMetadata() == null
                ? null : resource.getCfnOptions().getMetadata().get("cdk_nag");
        Map<String, Object> nag = existing instanceof Map<?, ?> map
                ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
        List<Object> rules = new ArrayList<>((List<Object>) nag.getOrDefault("rules_to_suppress", List.of()));
        Map<String, String> rule = new LinkedHashMap<>();
        rule.put("id", ruleId);
        rule.put("reason", reason);
        rules.add(rule);
        nag.put("rules_to_suppress", rules);
        resource.addMetadata("cdk_nag", nag);
    }
}
