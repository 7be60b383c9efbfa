package com.wildrydes.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One stack as CloudFormation keeps it: status, the deployed template and parameters, outputs,
 * resources, events (newest last here, newest first when described) and change sets; and what
 * runs for it locally.
 */
final class StackRecord {

    final String name;
    final String id;
    final Instant created = Instant.now();
    volatile Instant updated;
    volatile String status = "REVIEW_IN_PROGRESS";
    volatile String statusReason;
    volatile String templateBody;
    volatile JsonNode template;
    /** The parameter values as given (an SSM parameter's name for SSM types). */
    volatile Map<String, String> parameters = Map.of();
    /** The values the template saw (an SSM parameter's value for SSM types). */
    volatile Map<String, String> resolvedParameters = Map.of();

    volatile Map<String, String> tags = Map.of();
    volatile List<String> capabilities = List.of();
    volatile String description;
    volatile Provisioner.Running running;
    final List<StackEvent> events = new ArrayList<>();
    final Map<String, ChangeSet> changeSets = new LinkedHashMap<>();

    StackRecord(String name) {
        this.name = name;
        this.id = "arn:aws:cloudformation:" + com.wildrydes.local.template.LocalIds.REGION + ":"
                + com.wildrydes.local.template.LocalIds.ACCOUNT + ":stack/" + name + "/" + UUID.randomUUID();
    }

    synchronized void event(String logicalId, String physicalId, String type, String status, String reason) {
        // A millisecond apart at least: the CLI orders what it prints by timestamp, at millisecond precision.
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant last = events.isEmpty() ? null : events.get(events.size() - 1).timestamp();
        Instant at = last == null || now.isAfter(last) ? now : last.plusMillis(1);
        events.add(new StackEvent(UUID.randomUUID().toString(), logicalId, physicalId, type, at, status, reason));
    }

    /** The stack's own status change, recorded as CloudFormation records it: an event of the stack resource. */
    void status(String status, String reason) {
        this.status = status;
        this.statusReason = reason;
        event(name, id, "AWS::CloudFormation::Stack", status, reason);
    }

    synchronized List<StackEvent> eventsNewestFirst() {
        List<StackEvent> newestFirst = new ArrayList<>(events);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    boolean deleted() {
        return "DELETE_COMPLETE".equals(status);
    }

    Map<String, String> outputs() {
        Provisioner.Running up = running;
        return up == null ? Map.of() : new LinkedHashMap<>(up.outputs());
    }
}
