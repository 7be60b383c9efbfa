package com.wildrydes.local.iam;

import java.util.Map;

/**
 * One AWS call as IAM would authorize it: who makes it ({@code principal}: an assumed-role session
 * of {@code role}, or a service principal such as {@code sns.amazonaws.com} with no role), the IAM
 * action, the resource's ARN, the request context keys that matter, and where in local mode it was
 * seen ({@code origin}, for the report).
 */
public record RecordedCall(
        String principal, String role, String action, String resource, Map<String, String> context, String origin) {

    public RecordedCall {
        context = Map.copyOf(context);
    }

    /** What IAM decides on: the call without its origin. */
    public RecordedCall decisionKey() {
        return new RecordedCall(principal, role, action, resource, context, "");
    }

    @Override
    public String toString() {
        return principal + " " + action + " " + resource + " " + context + " (" + origin + ")";
    }
}
