package com.wildrydes.constructs.nag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.IConstruct;

/**
 * Records a cdk-nag suppression on a resource as the {@code cdk_nag} metadata that cdk-nag reads,
 * so that this library documents its deliberate findings without depending on cdk-nag itself.
 * Every call states the true reason the rule does not apply.
 */
public final class NagSuppressionMetadata {

    private NagSuppressionMetadata() {}

    /**
     * Suppresses {@code ruleId} on the default policy a role's grants were written to, for the findings
     * listed in {@code appliesTo} only (for example {@code Resource::*}).
     *
     * @param role the role whose {@code DefaultPolicy} carries the finding
     * @param ruleId the cdk-nag rule, for example {@code AwsSolutions-IAM5}
     * @param reason why the rule does not apply here, at least 10 characters
     * @param appliesTo the findings of a granular rule to suppress; none for all of them
     * @throws IllegalStateException if the role has no default policy (nothing was granted to it yet)
     * @throws IllegalArgumentException if the reason is shorter than 10 characters
     */
    public static void suppressOnPolicy(IRole role, String ruleId, String reason, String... appliesTo) {
        IConstruct policy = role.getNode().tryFindChild("DefaultPolicy");
        if (policy == null) {
            throw new IllegalStateException(
                    "Role " + role.getNode().getPath() + " has no default policy to suppress " + ruleId + " on");
        }
        suppress(policy, ruleId, reason, appliesTo);
    }

    /**
     * Suppresses {@code ruleId} (for example {@code AwsSolutions-SQS3}) on the construct's resource; with
     * {@code appliesTo}, only those findings of a granular rule. Suppressions already recorded on the
     * resource are kept.
     *
     * @param construct a CloudFormation resource, or a construct whose default child is one
     * @param ruleId the cdk-nag rule
     * @param reason why the rule does not apply here, at least 10 characters
     * @param appliesTo the findings of a granular rule to suppress; none for all of them
     * @throws IllegalArgumentException if the reason is shorter than 10 characters, or the construct has no
     * one resource to carry the suppression (the message lists its resources)
     */
    @SuppressWarnings("unchecked")
    public static void suppress(IConstruct construct, String ruleId, String reason, String... appliesTo) {
        if (reason == null || reason.length() < 10) {
            throw new IllegalArgumentException(
                    "A suppression of " + ruleId + " needs a reason of at least 10 characters, got: " + reason);
        }
        CfnResource resource = resourceOf(construct, ruleId);
        // One round trip to the jsii kernel for what the resource holds already, not four.
        Object existing = resource.getMetadata("cdk_nag");
        Map<String, Object> nag = existing instanceof Map<?, ?> map
                ? new LinkedHashMap<>((Map<String, Object>) map)
                : new LinkedHashMap<>();
        List<Object> rules = new ArrayList<>((List<Object>) nag.getOrDefault("rules_to_suppress", List.of()));
        Map<String, String> rule = new LinkedHashMap<>();
        rule.put("id", ruleId);
        rule.put("reason", reason);
        Map<String, Object> entry = new LinkedHashMap<>(rule);
        if (appliesTo.length > 0) {
            entry.put("applies_to", List.of(appliesTo));
        }
        rules.add(entry);
        nag.put("rules_to_suppress", rules);
        resource.addMetadata("cdk_nag", nag);
    }

    /** The CloudFormation resource cdk-nag reports on: the construct itself or its default child. */
    private static CfnResource resourceOf(IConstruct construct, String ruleId) {
        if (construct instanceof CfnResource cfn) {
            return cfn;
        }
        if (construct.getNode().getDefaultChild() instanceof CfnResource cfn) {
            return cfn;
        }
        // A construct of several resources (a JavaFunction: function, role, log group, alias) has no
        // one resource to carry the suppression: the caller must say which it means.
        List<String> resources = construct.getNode().findAll().stream()
                .filter(CfnResource.class::isInstance)
                .map(c -> c.getNode().getPath())
                .toList();
        throw new IllegalArgumentException("NagSuppressionMetadata: cannot record " + ruleId + " on "
                + construct.getNode().getPath() + ": expected a CloudFormation resource or a construct with a default "
                + "child, got a construct of " + resources.size() + " resources " + resources
                + "; pass the one the finding is on (for a JavaFunction, getFunction() or getFunction().getRole())");
    }
}
