package com.wildrydes.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.cloudformation.StackParameters.ValidationError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The stacks of the local account and their life: change sets created and described, executed
 * in the background (create, update, rollback on a resource's failure), deleted. Statuses and
 * events follow CloudFormation's, so the CDK CLI's progress display, waits and messages work.
 */
final class Stacks implements AutoCloseable {

    private static final Set<String> STABLE = Set.of(
            "CREATE_COMPLETE",
            "UPDATE_COMPLETE",
            "UPDATE_ROLLBACK_COMPLETE",
            "ROLLBACK_COMPLETE",
            "REVIEW_IN_PROGRESS",
            "IMPORT_COMPLETE");

    private final Map<String, StackRecord> byName = new ConcurrentHashMap<>();
    private final Map<String, StackRecord> byId = new ConcurrentHashMap<>();
    private final List<Provisioner> provisioners;
    private final com.wildrydes.local.ssm.ParameterStore ssm;
    private final ExecutorService work = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cloudformation-stack-operations");
        thread.setDaemon(true);
        return thread;
    });

    Stacks(List<Provisioner> provisioners, com.wildrydes.local.ssm.ParameterStore ssm) {
        this.provisioners = provisioners;
        this.ssm = ssm;
    }

    /** The live stack with that name, or any stack (deleted ones too) with that ID. */
    StackRecord find(String nameOrId) {
        StackRecord stack =
                nameOrId == null ? null : nameOrId.startsWith("arn:") ? byId.get(nameOrId) : byName.get(nameOrId);
        if (stack == null) {
            throw new ValidationError("Stack with id " + nameOrId + " does not exist");
        }
        return stack;
    }

    List<StackRecord> live() {
        return new ArrayList<>(byName.values());
    }

    synchronized ChangeSet createChangeSet(
            String stackName,
            String changeSetName,
            String type,
            String templateBody,
            JsonNode template,
            List<Map<String, String>> parameters,
            Map<String, String> tags,
            List<String> capabilities) {
        StackRecord existing = byName.get(stackName);
        boolean create = "CREATE".equals(type);
        if (create && existing != null && !"REVIEW_IN_PROGRESS".equals(existing.status)) {
            throw new AlreadyExists("Stack [" + stackName + "] already exists");
        }
        if (!create && (existing == null || "REVIEW_IN_PROGRESS".equals(existing.status))) {
            throw new ValidationError("Stack [" + stackName + "] does not exist");
        }
        if (!create && !STABLE.contains(existing.status)) {
            throw new ValidationError(
                    "Stack:" + existing.id + " is in " + existing.status + " state and can not be updated.");
        }
        StackRecord stack = existing != null ? existing : new StackRecord(stackName);
        StackParameters.Values values =
                StackParameters.settle(template, parameters, stack.template == null ? Map.of() : stack.parameters, ssm);
        if (existing == null) {
            byName.put(stackName, stack);
            byId.put(stack.id, stack);
            stack.event(stackName, stack.id, "AWS::CloudFormation::Stack", "REVIEW_IN_PROGRESS", "User Initiated");
        }
        String id = "arn:aws:cloudformation:" + com.wildrydes.local.template.LocalIds.REGION + ":"
                + com.wildrydes.local.template.LocalIds.ACCOUNT + ":changeSet/" + changeSetName + "/"
                + UUID.randomUUID();
        ChangeSet changeSet = new ChangeSet(
                changeSetName,
                id,
                create ? "CREATE" : "UPDATE",
                templateBody,
                template,
                values,
                tags,
                capabilities,
                template.path("Description").asText(null));
        stack.changeSets.put(changeSetName, changeSet);
        String refusal = provisioner(template).check(template);
        // Resources whose condition is false are no part of either template.
        List<ResourceChange> changes = TemplateDiff.changes(
                stack.template == null
                        ? null
                        : new TemplateConditions(stack.template, stack.resolvedParameters).apply(stack.template),
                new TemplateConditions(template, values.resolved()).apply(template));
        if (refusal != null) {
            changeSet.status = "FAILED";
            changeSet.statusReason = refusal;
        } else if (changes.isEmpty() && values.given().equals(stack.parameters) && tags.equals(stack.tags)) {
            changeSet.status = "FAILED";
            changeSet.statusReason =
                    "The submitted information didn't contain changes. Submit different information to create a change set.";
        } else {
            changeSet.changes = changes;
            changeSet.status = "CREATE_COMPLETE";
            changeSet.executionStatus = "AVAILABLE";
        }
        return changeSet;
    }

    ChangeSet changeSet(String stackName, String changeSetNameOrId) {
        if (changeSetNameOrId != null && changeSetNameOrId.startsWith("arn:")) {
            for (StackRecord stack : byId.values()) {
                for (ChangeSet changeSet : stack.changeSets.values()) {
                    if (changeSet.id.equals(changeSetNameOrId)) {
                        return changeSet;
                    }
                }
            }
        } else if (stackName != null) {
            StackRecord stack = byName.containsKey(stackName) || stackName.startsWith("arn:") ? find(stackName) : null;
            ChangeSet changeSet = stack == null ? null : stack.changeSets.get(changeSetNameOrId);
            if (changeSet != null) {
                return changeSet;
            }
        }
        throw new ChangeSetNotFound("ChangeSet [" + changeSetNameOrId + "] does not exist");
    }

    StackRecord stackOf(ChangeSet changeSet) {
        return byId.values().stream()
                .filter(stack -> stack.changeSets.containsValue(changeSet))
                .findFirst()
                .orElseThrow(() -> new ChangeSetNotFound("ChangeSet [" + changeSet.id + "] does not exist"));
    }

    synchronized void deleteChangeSet(ChangeSet changeSet) {
        stackOf(changeSet).changeSets.values().remove(changeSet);
    }

    /** Starts the change set's operation in the background; the future ends when the stack is stable. */
    synchronized Future<?> execute(ChangeSet changeSet) {
        StackRecord stack = stackOf(changeSet);
        if (!"AVAILABLE".equals(changeSet.executionStatus)) {
            throw new InvalidChangeSetStatus("ChangeSet [" + changeSet.id + "] cannot be executed in its current"
                    + " status of [" + changeSet.status + "]");
        }
        changeSet.executionStatus = "EXECUTE_IN_PROGRESS";
        boolean create = "CREATE".equals(changeSet.type);
        stack.status(create ? "CREATE_IN_PROGRESS" : "UPDATE_IN_PROGRESS", "User Initiated");
        return inBackground(stack, () -> new StackOperation(stack, changeSet, provisioner(changeSet.template)).run());
    }

    /** Starts deleting the stack in the background; the future ends when it is deleted (or was already). */
    synchronized Future<?> delete(String nameOrId) {
        StackRecord stack = nameOrId.startsWith("arn:") ? byId.get(nameOrId) : byName.get(nameOrId);
        if (stack == null || stack.deleted() || "DELETE_IN_PROGRESS".equals(stack.status)) {
            return CompletableFuture.completedFuture(null);
        }
        stack.status("DELETE_IN_PROGRESS", "User Initiated");
        return inBackground(stack, () -> {
            StackOperation.delete(stack);
            byName.remove(stack.name, stack);
        });
    }

    /**
     * Runs a stack operation on the operations thread. A future keeps what the operation throws, so
     * an error it did not expect is printed here, as the thread would print it if nothing waited.
     */
    private Future<?> inBackground(StackRecord stack, Runnable operation) {
        return work.submit(() -> {
            try {
                operation.run();
            } catch (RuntimeException | Error e) {
                System.err.println("local mode: the operation on stack " + stack.name + " failed unexpectedly");
                e.printStackTrace();
                throw e;
            }
        });
    }

    private Provisioner provisioner(JsonNode template) {
        return provisioners.stream()
                .filter(p -> p.accepts(template))
                .findFirst()
                .orElseThrow();
    }

    /** Stops what every live stack runs in this JVM (engine-side resources stay, as they would in AWS). */
    @Override
    public void close() {
        work.shutdownNow();
        for (StackRecord stack : byName.values()) {
            if (stack.running != null) {
                stack.running.stop();
            }
        }
    }

    /** CloudFormation's AlreadyExistsException. */
    static final class AlreadyExists extends RuntimeException {
        AlreadyExists(String message) {
            super(message);
        }
    }

    /** CloudFormation's ChangeSetNotFound. */
    static final class ChangeSetNotFound extends RuntimeException {
        ChangeSetNotFound(String message) {
            super(message);
        }
    }

    /** CloudFormation's InvalidChangeSetStatus. */
    static final class InvalidChangeSetStatus extends RuntimeException {
        InvalidChangeSetStatus(String message) {
            super(message);
        }
    }
}
