package com.wildrydes.local.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each resource's {@code Ref} and {@code Fn::GetAtt} stand for once it exists locally (a
 * table's name, a queue's URL and ARN, a function's alias ARN, an API's id), filled in as local
 * mode brings the resources up, in an order where a resource only refers to earlier ones.
 */
public final class LocalIds {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";

    private final Map<String, String> refs = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
    private final Map<String, String> urlRewrites = new LinkedHashMap<>();

    public void put(String logicalId, String ref, Map<String, String> attributesOfResource) {
        refs.put(logicalId, ref);
        attributes.put(logicalId, new LinkedHashMap<>(attributesOfResource));
    }

    /**
     * Replaces a cloud URL prefix with a local one wherever it appears in a resolved string: how
     * {@code https://<api>.execute-api.<region>.amazonaws.com} becomes {@code http://127.0.0.1:<port>}.
     */
    public void rewriteUrl(String cloudPrefix, String localPrefix) {
        urlRewrites.put(cloudPrefix, localPrefix);
    }

    /** What {@code Ref} of that resource stands for locally (its physical ID), or null if it is not up. */
    public String physicalId(String logicalId) {
        return refs.get(logicalId);
    }

    String ref(String logicalId) {
        String pseudo = pseudoParameter(logicalId);
        if (pseudo != null) {
            return pseudo;
        }
        String ref = refs.get(logicalId);
        if (ref == null) {
            throw new IllegalStateException("Ref " + logicalId + ": no such resource has been brought up locally yet");
        }
        return ref;
    }

    String attribute(String logicalId, String name) {
        Map<String, String> ofResource = attributes.get(logicalId);
        String value = ofResource == null ? null : ofResource.get(name);
        if (value == null) {
            throw new IllegalStateException("Fn::GetAtt " + logicalId + "." + name + ": not known locally"
                    + (ofResource == null
                            ? " (resource not brought up yet)"
                            : " (known: " + ofResource.keySet() + ")"));
        }
        return value;
    }

    String rewriteUrls(String value) {
        String rewritten = value;
        for (Map.Entry<String, String> rewrite : urlRewrites.entrySet()) {
            rewritten = rewritten.replace(rewrite.getKey(), rewrite.getValue());
        }
        return rewritten;
    }

    private static String pseudoParameter(String name) {
        return switch (name) {
            case "AWS::Region" -> REGION;
            case "AWS::AccountId" -> ACCOUNT;
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::NoValue" -> "";
            default -> null;
        };
    }

    /** A placeholder ARN for a resource with no local meaning (a KMS key, a role), so references to it resolve. */
    public static String placeholderArn(String service, String logicalId) {
        return "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT + ":local-not-emulated/" + logicalId;
    }
}
