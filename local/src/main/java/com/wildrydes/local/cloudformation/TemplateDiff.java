package com.wildrydes.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resources a new template adds, modifies or removes compared with the deployed one, by
 * logical ID: a resource is modified when its type, properties, dependencies, condition or
 * policies differ. A table whose key schema changes, a queue or topic whose name or FIFO setting
 * changes, is replaced, as CloudFormation replaces them; other modifications are in place.
 */
final class TemplateDiff {

    private static final Set<String> REPLACING_PROPERTIES =
            Set.of("KeySchema", "TableName", "QueueName", "TopicName", "FifoQueue", "FifoTopic", "FunctionName");

    private TemplateDiff() {}

    static List<ResourceChange> changes(JsonNode deployed, JsonNode proposed) {
        JsonNode before = deployed == null
                ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : deployed.path("Resources");
        JsonNode after = proposed.path("Resources");
        List<ResourceChange> changes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            JsonNode old = before.get(resource.getKey());
            if (old == null) {
                changes.add(new ResourceChange("Add", resource.getKey(), type, null));
            } else if (!old.equals(resource.getValue())) {
                boolean replaced = !old.path("Type").equals(resource.getValue().path("Type"))
                        || REPLACING_PROPERTIES.stream()
                                .anyMatch(property -> !old.path("Properties")
                                        .path(property)
                                        .equals(resource.getValue()
                                                .path("Properties")
                                                .path(property)));
                changes.add(new ResourceChange("Modify", resource.getKey(), type, replaced ? "True" : "False"));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = before.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (!after.has(resource.getKey())) {
                changes.add(new ResourceChange(
                        "Remove",
                        resource.getKey(),
                        resource.getValue().path("Type").asText(),
                        null));
            }
        }
        return changes;
    }
}
