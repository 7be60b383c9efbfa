package com.wildrydes.local.console;

import static com.wildrydes.local.console.TemplateValues.abbreviate;
import static com.wildrydes.local.console.TemplateValues.collectReferenced;
import static com.wildrydes.local.console.TemplateValues.ref;
import static com.wildrydes.local.console.TemplateValues.referenced;
import static com.wildrydes.local.console.TemplateValues.shortName;
import static com.wildrydes.local.console.TemplateValues.stageUrl;
import static com.wildrydes.local.console.TemplateValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.LocalLab;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A running lab's topology, read from its synthesized template: API routes, functions (with their
 * alias and SnapStart), tables, topics, queues and state machines as nodes (each state a node of its
 * own inside its machine), and as edges the integrations, subscriptions (with their filter
 * policies), redrive policies, event source mappings, on-failure destinations, the resources a
 * function's environment names and each state's transitions. Node IDs are the template's logical
 * IDs ({@code Machine/State} for a state); edges are in the cytoscape.js element format.
 */
public final class Topology {

    private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

    private final Map<String, ObjectNode> nodes = new LinkedHashMap<>();
    private final Map<String, ObjectNode> edges = new LinkedHashMap<>();
    /** A local name, ARN or URL of a resource, to the node that stands for it. */
    private final Map<String, String> nodesByReference = new LinkedHashMap<>();
    /** {@code apiId METHOD /path} to its route node. */
    private final Map<String, String> routes = new LinkedHashMap<>();

    private Topology() {}

    /** The topology of that running lab's template. */
    public static Topology of(LocalLab lab) {
        Topology topology = new Topology();
        topology.read(lab);
        return topology;
    }

    private void read(LocalLab lab) {
        JsonNode resources = lab.template().path("Resources");
        Map<String, String> aliasFunctions = new LinkedHashMap<>();
        Map<String, String> resourcePaths = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String id = resource.getKey();
            JsonNode properties = resource.getValue().path("Properties");
            switch (resource.getValue().path("Type").asText()) {
                case "AWS::Lambda::Function" -> {
                    ObjectNode node = node(id, "function", shortName(id));
                    node.put(
                            "snapStart",
                            "PublishedVersions"
                                    .equals(properties
                                            .path("SnapStart")
                                            .path("ApplyOn")
                                            .asText()));
                    node.put("runtime", properties.path("Runtime").asText());
                    node.put("handler", properties.path("Handler").asText());
                    references(lab, id, "Arn");
                }
                case "AWS::DynamoDB::Table" -> {
                    node(id, "table", shortName(id));
                    references(lab, id, "Arn");
                }
                case "AWS::SNS::Topic" -> {
                    node(id, "topic", shortName(id))
                            .put("fifo", properties.path("FifoTopic").asBoolean(false));
                    references(lab, id);
                }
                case "AWS::SQS::Queue" -> {
                    node(id, "queue", shortName(id))
                            .put("fifo", properties.path("FifoQueue").asBoolean(false));
                    references(lab, id, "Arn");
                }
                case "AWS::StepFunctions::StateMachine" -> {
                    node(id, "statemachine", shortName(id));
                    references(lab, id);
                }
                case "AWS::Lambda::Alias" -> aliasFunctions.put(id, referenced(properties.get("FunctionName")));
                case "AWS::ApiGateway::Resource" ->
                    resourcePaths.put(id, properties.path("PathPart").asText());
                default -> {}
            }
        }
        for (Map.Entry<String, String> alias : aliasFunctions.entrySet()) {
            JsonNode aliasProperties = resources.path(alias.getKey()).path("Properties");
            nodes.get(alias.getValue())
                    .put("alias", aliasProperties.path("Name").asText());
            String aliasArn = text(lab, ref(alias.getKey()));
            if (aliasArn != null) {
                nodesByReference.put(aliasArn, alias.getValue());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String id = resource.getKey();
            JsonNode properties = resource.getValue().path("Properties");
            switch (resource.getValue().path("Type").asText()) {
                case "AWS::ApiGateway::Method" -> route(lab, id, properties, resources, resourcePaths, aliasFunctions);
                case "AWS::SNS::Subscription" -> {
                    ObjectNode edge = edge(
                            id,
                            "subscription",
                            referenced(properties.get("TopicArn")),
                            function(referenced(properties.get("Endpoint")), aliasFunctions));
                    JsonNode policy = properties.get("FilterPolicy");
                    edge.put("protocol", properties.path("Protocol").asText());
                    edge.put("raw", properties.path("RawMessageDelivery").asBoolean(false));
                    edge.put("filterScope", properties.path("FilterPolicyScope").asText("MessageAttributes"));
                    if (policy != null) {
                        edge.set("filterPolicy", policy);
                        edge.put("label", "filter " + abbreviate(policy.toString(), 48));
                    }
                    // SNS's own dead-letter queue for what it cannot deliver to this subscription.
                    String undeliverable =
                            referenced(properties.path("RedrivePolicy").get("deadLetterTargetArn"));
                    if (undeliverable != null && nodes.containsKey(undeliverable)) {
                        edge(
                                        "Undeliverable" + id,
                                        "undeliverable",
                                        referenced(properties.get("TopicArn")),
                                        undeliverable)
                                .put("label", "undeliverable to " + shortName(id));
                        nodes.get(undeliverable).put("deadLetter", true);
                    }
                }
                case "AWS::SQS::Queue" -> {
                    JsonNode redrive = properties.get("RedrivePolicy");
                    if (redrive != null) {
                        String dlq = referenced(redrive.get("deadLetterTargetArn"));
                        int receives = redrive.path("maxReceiveCount").asInt();
                        edge("Redrive" + id, "redrive", id, dlq)
                                .put("maxReceiveCount", receives)
                                .put("label", "after " + receives + " receives");
                        nodes.get(dlq).put("deadLetter", true);
                    }
                }
                case "AWS::Lambda::EventSourceMapping" ->
                    edge(
                                    id,
                                    "eventSource",
                                    referenced(properties.get("EventSourceArn")),
                                    function(referenced(properties.get("FunctionName")), aliasFunctions))
                            .put(
                                    "label",
                                    "batch " + properties.path("BatchSize").asInt(10));
                case "AWS::Lambda::EventInvokeConfig" -> {
                    String destination = referenced(properties
                            .path("DestinationConfig")
                            .path("OnFailure")
                            .get("Destination"));
                    if (destination != null && nodes.containsKey(destination)) {
                        int retries = properties.path("MaximumRetryAttempts").asInt(2);
                        edge(
                                        id,
                                        "onFailure",
                                        function(referenced(properties.get("FunctionName")), aliasFunctions),
                                        destination)
                                .put("maximumRetryAttempts", retries)
                                .put("label", "on failure after " + retries + " retries");
                        nodes.get(destination).put("deadLetter", true);
                    }
                }
                default -> {}
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if ("AWS::Lambda::Function".equals(resource.getValue().path("Type").asText())) {
                uses(resource.getKey(), resource.getValue().path("Properties").path("Environment"));
            } else if ("AWS::StepFunctions::StateMachine"
                    .equals(resource.getValue().path("Type").asText())) {
                StateGraph.draw(
                        this,
                        resource.getKey(),
                        lab.stateMachine(resource.getKey()).definition());
            }
        }
    }

    private void route(
            LocalLab lab,
            String id,
            JsonNode properties,
            JsonNode resources,
            Map<String, String> resourcePaths,
            Map<String, String> aliasFunctions) {
        String api = referenced(properties.get("RestApiId"));
        StringBuilder path = new StringBuilder();
        for (String parent = referenced(properties.get("ResourceId"));
                resourcePaths.containsKey(parent);
                parent = referenced(resources.path(parent).path("Properties").get("ParentId"))) {
            path.insert(0, "/" + resourcePaths.get(parent));
        }
        String resourcePath = path.length() == 0 ? "/" : path.toString();
        String method = properties.path("HttpMethod").asText();
        ObjectNode node = node(id, "route", method + " " + resourcePath);
        node.put("method", method).put("path", resourcePath).put("api", api);
        String apiId = text(lab, ref(api));
        routes.put(apiId + " " + method + " " + resourcePath, id);
        node.put("url", stageUrl(lab, api, resources) + (resourcePath.equals("/") ? "" : resourcePath));
        JsonNode uri = properties.path("Integration").get("Uri");
        String target = function(referenced(uri), aliasFunctions);
        if (target != null) {
            edge("Integration" + id, "integration", id, target);
        }
    }

    /** An edge from the function to each table, topic, queue or state machine its environment names. */
    private void uses(String function, JsonNode environment) {
        java.util.List<String> named = new java.util.ArrayList<>();
        collectReferenced(environment, named);
        for (String target : named) {
            ObjectNode node = nodes.get(target);
            if (node != null && !node.path("kind").asText().equals("function") && !target.equals(function)) {
                if (edges.values().stream()
                        .noneMatch(edge -> edge.path("source").asText().equals(function)
                                && edge.path("target").asText().equals(target))) {
                    edge("Uses" + function + target, "uses", function, target);
                }
            }
        }
    }

    ObjectNode node(String id, String kind, String label) {
        ObjectNode node = FACTORY.objectNode();
        node.put("id", id).put("kind", kind).put("label", label);
        nodes.put(id, node);
        return node;
    }

    ObjectNode edge(String id, String kind, String source, String target) {
        if (!nodes.containsKey(source) || !nodes.containsKey(target)) {
            throw new IllegalArgumentException(
                    "Edge " + id + " (" + kind + ") joins " + source + " and " + target + ", not both drawn");
        }
        ObjectNode edge = FACTORY.objectNode();
        edge.put("id", id).put("kind", kind).put("source", source).put("target", target);
        edges.put(id, edge);
        return edge;
    }

    /** The resource's local references (its Ref, and the attributes named), mapped to its node. */
    private void references(LocalLab lab, String id, String... attributes) {
        String refValue = text(lab, ref(id));
        if (refValue != null) {
            nodesByReference.put(refValue, id);
        }
        for (String attribute : attributes) {
            ObjectNode getAtt = FACTORY.objectNode();
            getAtt.putArray("Fn::GetAtt").add(id).add(attribute);
            String value = text(lab, getAtt);
            if (value != null) {
                nodesByReference.put(value, id);
            }
        }
    }

    private static String function(String logicalId, Map<String, String> aliasFunctions) {
        return aliasFunctions.getOrDefault(logicalId, logicalId);
    }

    /** The node standing for that local name, ARN or URL, or null. */
    public String nodeFor(String reference) {
        return reference == null ? null : nodesByReference.get(reference);
    }

    /** The route node of that API, method and resource path, or null. */
    public String route(String apiId, String methodAndPath) {
        return routes.get(apiId + " " + methodAndPath);
    }

    public boolean hasNode(String id) {
        return nodes.containsKey(id);
    }

    /** A copy of the node's data, or null. */
    public ObjectNode node(String id) {
        ObjectNode node = nodes.get(id);
        return node == null ? null : node.deepCopy();
    }

    public java.util.Collection<ObjectNode> nodes() {
        return java.util.Collections.unmodifiableCollection(nodes.values());
    }

    public java.util.Collection<ObjectNode> edges() {
        return java.util.Collections.unmodifiableCollection(edges.values());
    }

    /** The cytoscape.js elements: {@code {nodes: [{data}], edges: [{data}]}}. */
    public ObjectNode elements() {
        ObjectNode elements = FACTORY.objectNode();
        ArrayNode nodeArray = elements.putArray("nodes");
        nodes.values().forEach(node -> nodeArray.addObject().set("data", node.deepCopy()));
        ArrayNode edgeArray = elements.putArray("edges");
        edges.values().forEach(edge -> edgeArray.addObject().set("data", edge.deepCopy()));
        return elements;
    }
}
