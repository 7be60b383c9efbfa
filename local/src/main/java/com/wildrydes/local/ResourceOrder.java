package com.wildrydes.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.template.ResourceTypes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template's resources sorted for bringing up: those local mode emulates, in the dependency
 * order of {@link ResourceTypes#EMULATED} (tables and queues before the functions that name them,
 * functions before their versions and aliases...), and those with no local meaning, in template
 * order. A type local mode does not know stops it here, before anything starts.
 */
record ResourceOrder(List<Resource> emulated, List<Resource> notEmulated) {

    /** One resource of the template. */
    record Resource(String logicalId, String type, JsonNode properties) {}

    static ResourceOrder of(JsonNode template) {
        JsonNode resources = template.path("Resources");
        Map<String, List<String>> byType = new LinkedHashMap<>();
        List<Resource> notEmulated = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            ResourceTypes.requireKnown(resource.getKey(), type);
            if (ResourceTypes.NOT_EMULATED.contains(type)) {
                notEmulated.add(new Resource(
                        resource.getKey(), type, resource.getValue().path("Properties")));
            } else {
                byType.computeIfAbsent(type, t -> new ArrayList<>()).add(resource.getKey());
            }
        }
        List<Resource> emulated = new ArrayList<>();
        for (String type : ResourceTypes.EMULATED) {
            for (String logicalId : byType.getOrDefault(type, List.of())) {
                emulated.add(
                        new Resource(logicalId, type, resources.get(logicalId).path("Properties")));
            }
        }
        return new ResourceOrder(List.copyOf(emulated), List.copyOf(notEmulated));
    }
}
