package com.wildrydes.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One execution of a change set, or one deletion, with the statuses and events CloudFormation
 * gives them: each changed resource in progress then complete; on a resource's failure its
 * {@code *_FAILED} event with the reason, then the rollback (a new stack's resources removed; an
 * update's previous template brought back up).
 */
final class StackOperation {

    private final StackRecord stack;
    private final ChangeSet changeSet;
    private final Provisioner provisioner;

    StackOperation(StackRecord stack, ChangeSet changeSet, Provisioner provisioner) {
        this.stack = stack;
        this.changeSet = changeSet;
        this.provisioner = provisioner;
    }

    void run() {
        boolean create = "CREATE".equals(changeSet.type);
        for (ResourceChange change : changeSet.changes) {
            if (!change.action().equals("Remove")) {
                stack.event(
                        change.logicalId(),
                        "",
                        change.resourceType(),
                        create || change.action().equals("Add") ? "CREATE_IN_PROGRESS" : "UPDATE_IN_PROGRESS",
                        null);
            }
        }
        Provisioner.Running previous = stack.running;
        try {
            Provisioner.Running running = provisioner.start(
                    stack.name, changeSet.template, changeSet.parameters.resolved(), previous, changeSet.changes);
            for (ResourceChange change : changeSet.changes) {
                String physical = running.physicalIds().getOrDefault(change.logicalId(), change.logicalId());
                switch (change.action()) {
                    case "Add" ->
                        stack.event(change.logicalId(), physical, change.resourceType(), "CREATE_COMPLETE", null);
                    case "Modify" ->
                        stack.event(change.logicalId(), physical, change.resourceType(), "UPDATE_COMPLETE", null);
                    default -> {}
                }
            }
            JsonNode before = stack.template;
            stack.running = running;
            stack.template = changeSet.template;
            stack.templateBody = changeSet.templateBody;
            stack.parameters = changeSet.parameters.given();
            stack.resolvedParameters = changeSet.parameters.resolved();
            stack.tags = changeSet.tags;
            stack.capabilities = changeSet.capabilities;
            stack.description = changeSet.description;
            if (create) {
                stack.status("CREATE_COMPLETE", null);
            } else {
                stack.updated = Instant.now();
                stack.status("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", null);
                for (ResourceChange change : changeSet.changes) {
                    if (change.action().equals("Remove")) {
                        stack.event(
                                change.logicalId(),
                                change.logicalId(),
                                change.resourceType(),
                                retained(before, change.logicalId()) ? "DELETE_SKIPPED" : "DELETE_COMPLETE",
                                null);
                    }
                }
                stack.status("UPDATE_COMPLETE", null);
            }
            changeSet.executionStatus = "EXECUTE_COMPLETE";
        } catch (RuntimeException e) {
            Provisioner.ResourceFailure failure = e instanceof Provisioner.ResourceFailure f
                    ? f
                    : new Provisioner.ResourceFailure(
                            stack.name, "AWS::CloudFormation::Stack", String.valueOf(e.getMessage()), e);
            System.err.println("local CloudFormation: " + stack.name + ": " + failure.logicalId + " failed: "
                    + failure.getMessage());
            stack.event(
                    failure.logicalId,
                    "",
                    failure.resourceType,
                    create ? "CREATE_FAILED" : "UPDATE_FAILED",
                    failure.getMessage());
            changeSet.executionStatus = "EXECUTE_FAILED";
            rollBack(create, previous, failure);
        }
        stack.changeSets.clear();
    }

    private void rollBack(boolean create, Provisioner.Running previous, Provisioner.ResourceFailure failure) {
        String reason = "The following resource(s) failed to " + (create ? "create" : "update") + ": ["
                + failure.logicalId + "]. Rollback requested by user.";
        if (create) {
            stack.status("ROLLBACK_IN_PROGRESS", reason);
            // The provisioner removed what it had started; each resource of the template is gone.
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            changeSet.template.path("Resources").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> resource = it.next();
                if (!resource.getKey().equals(failure.logicalId)) {
                    stack.event(
                            resource.getKey(),
                            "",
                            resource.getValue().path("Type").asText(),
                            "DELETE_COMPLETE",
                            null);
                }
            }
            stack.running = null;
            stack.template = changeSet.template;
            stack.templateBody = changeSet.templateBody;
            stack.status("ROLLBACK_COMPLETE", null);
            return;
        }
        stack.status("UPDATE_ROLLBACK_IN_PROGRESS", reason);
        try {
            stack.running = provisioner.start(stack.name, stack.template, stack.resolvedParameters, null, List.of());
            stack.status("UPDATE_ROLLBACK_COMPLETE", null);
        } catch (RuntimeException e) {
            stack.running = null;
            stack.status(
                    "UPDATE_ROLLBACK_FAILED", "The previous template could not be brought back up: " + e.getMessage());
        }
    }

    /** Takes a stack's resources down (keeping those whose DeletionPolicy is Retain) and marks it deleted. */
    static void delete(StackRecord stack) {
        try {
            if (stack.running != null) {
                stack.running.delete();
            }
            if (stack.template != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it =
                                stack.template.path("Resources").fields();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> resource = it.next();
                    stack.event(
                            resource.getKey(),
                            resource.getKey(),
                            resource.getValue().path("Type").asText(),
                            retained(stack.template, resource.getKey()) ? "DELETE_SKIPPED" : "DELETE_COMPLETE",
                            null);
                }
            }
            stack.running = null;
            stack.status("DELETE_COMPLETE", null);
        } catch (RuntimeException e) {
            stack.status("DELETE_FAILED", String.valueOf(e.getMessage()));
        }
    }

    private static boolean retained(JsonNode template, String logicalId) {
        return "Retain"
                .equals(template.path("Resources")
                        .path(logicalId)
                        .path("DeletionPolicy")
                        .asText());
    }
}
