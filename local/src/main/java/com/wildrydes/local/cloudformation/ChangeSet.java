package com.wildrydes.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A proposed change to a stack: the template, its parameters, and what it would change. */
final class ChangeSet {

    final String name;
    final String id;
    final String type;
    final String templateBody;
    final JsonNode template;
    final StackParameters.Values parameters;
    final Map<String, String> tags;
    final List<String> capabilities;
    final String description;
    final Instant created = Instant.now();
    volatile String status = "CREATE_PENDING";
    volatile String executionStatus = "UNAVAILABLE";
    volatile String statusReason;
    volatile List<ResourceChange> changes = List.of();

    ChangeSet(
            String name,
            String id,
            String type,
            String templateBody,
            JsonNode template,
            StackParameters.Values parameters,
            Map<String, String> tags,
            List<String> capabilities,
            String description) {
        this.name = name;
        this.id = id;
        this.type = type;
        this.templateBody = templateBody;
        this.template = template;
        this.parameters = parameters;
        this.tags = tags;
        this.capabilities = capabilities;
        this.description = description;
    }
}
