package com.wildrydes.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Brings a stack's template up locally and takes it down. {@link #accepts} decides which
 * provisioner a template goes to; {@link #check} refuses, before anything starts, a template that
 * provisioner cannot bring up, naming the resource and its type.
 */
interface Provisioner {

    boolean accepts(JsonNode template);

    /** Null when the template can be brought up; else why not, naming the logical ID and type. */
    String check(JsonNode template);

    /**
     * Brings the template up as stack {@code stackName}; {@code previous} is what ran for the
     * stack before this update (null on creation), {@code changes} what the change set listed.
     * Throws {@link ResourceFailure} naming the resource that failed; nothing it started is left
     * running then.
     */
    Running start(
            String stackName,
            JsonNode template,
            Map<String, String> parameters,
            Running previous,
            java.util.List<ResourceChange> changes);

    /** What runs for one deployed stack. */
    interface Running {

        Map<String, String> outputs();

        /** Physical IDs by logical ID, for the stack's resources and events. */
        Map<String, String> physicalIds();

        /** Stops what runs in this JVM, keeping the engine-side resources (an update brings up the new template on them). */
        void stop();

        /** Stops it and removes its resources, except those whose DeletionPolicy is Retain. */
        void delete();
    }

    /** A resource that could not be created, with CloudFormation's reason. */
    final class ResourceFailure extends RuntimeException {

        final String logicalId;
        final String resourceType;

        ResourceFailure(String logicalId, String resourceType, String reason, Throwable cause) {
            super(reason, cause);
            this.logicalId = logicalId;
            this.resourceType = resourceType;
        }
    }
}
