package com.wildrydes.local.iam;

import com.wildrydes.local.template.LocalIds;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS calls of one local lab run, counted by what IAM decides on (principal, action,
 * resource, context), so a poller's thousand {@code ReceiveMessage} calls are one entry.
 */
public final class CallRecorder {

    /** On AWS the SDKs and the services call over TLS: the TLS-only deny statements must not apply. */
    public static final Map<String, String> TLS = Map.of("aws:SecureTransport", "true");

    private final Map<RecordedCall, RecordedCall> firstSeen = new LinkedHashMap<>();
    private final Map<RecordedCall, Integer> counts = new LinkedHashMap<>();
    private long total;

    public synchronized void record(RecordedCall call) {
        RecordedCall key = call.decisionKey();
        firstSeen.putIfAbsent(key, call);
        counts.merge(key, 1, Integer::sum);
        total++;
    }

    /** A call by a role's session (a function's execution role, a state machine's role). */
    public void byRole(String roleArn, String sessionName, String action, String resource, String origin) {
        record(new RecordedCall(sessionArn(roleArn, sessionName), roleArn, action, resource, TLS, origin));
    }

    /** A call a service makes on the account's behalf, with the source it acts for. */
    public void byService(String servicePrincipal, String action, String resource, String sourceArn, String origin) {
        Map<String, String> context = new LinkedHashMap<>(TLS);
        context.put("aws:SourceAccount", LocalIds.ACCOUNT);
        if (sourceArn != null) {
            context.put("aws:SourceArn", sourceArn);
        }
        record(new RecordedCall(servicePrincipal, null, action, resource, context, origin));
    }

    /** Every distinct call, as first seen (with its origin). */
    public synchronized java.util.List<RecordedCall> distinct() {
        return java.util.List.copyOf(firstSeen.values());
    }

    public synchronized long total() {
        return total;
    }

    /** The session ARN a role's temporary credentials carry: what the service sees as the caller. */
    static String sessionArn(String roleArn, String sessionName) {
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        return "arn:aws:sts::" + LocalIds.ACCOUNT + ":assumed-role/" + roleName + "/" + sessionName;
    }
}
