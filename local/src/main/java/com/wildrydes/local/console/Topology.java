package com.wildrydes.local.console;

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
                states(resource.getKey(), lab.stateMachine(resource.getKey()).definition());
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

    /** The local URL of the API's stage (the first stage the template declares for it). */
    private static String stageUrl(LocalLab lab, String api, JsonNode resources) {
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            JsonNode resource = it.next().getValue();
            if ("AWS::ApiGateway::Stage".equals(resource.path("Type").asText())
                    && api.equals(referenced(resource.path("Properties").get("RestApiId")))) {
                ArrayNode join = FACTORY.arrayNode();
                ArrayNode parts = join.add("").addArray();
                parts.add("https://")
                        .add(ref(api))
                        .add(".execute-api.")
                        .add(ref("AWS::Region"))
                        .add(".")
                        .add(ref("AWS::URLSuffix"))
                        .add("/")
                        .add(resource.path("Properties").get("StageName"));
                ObjectNode value = FACTORY.objectNode();
                value.set("Fn::Join", join);
                return text(lab, value);
            }
        }
        throw new IllegalArgumentException("API " + api + " has no stage in the template");
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

    /** Each state a child node of its machine, with its transitions and the resources its task names. */
    private void states(String machine, JsonNode definition) {
        String startAt = definition.path("StartAt").asText();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        definition.path("States").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            String type = state.getValue().path("Type").asText();
            ObjectNode node = node(machine + "/" + state.getKey(), "state", state.getKey());
            node.put("parent", machine)
                    .put("stateType", type)
                    .put("start", state.getKey().equals(startAt));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        definition.path("States").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            String from = machine + "/" + state.getKey();
            JsonNode body = state.getValue();
            transition(from, machine, body.path("Next").asText(null), "next", null);
            transition(from, machine, body.path("Default").asText(null), "next", "default");
            for (JsonNode choice : body.path("Choices")) {
                transition(from, machine, choice.path("Next").asText(null), "next", "choice");
            }
            for (JsonNode caught : body.path("Catch")) {
                transition(
                        from,
                        machine,
                        caught.path("Next").asText(null),
                        "catch",
                        "catch " + abbreviate(caught.path("ErrorEquals").toString(), 40));
            }
            if ("Task".equals(body.path("Type").asText())) {
                java.util.List<String> strings = new java.util.ArrayList<>();
                collectStrings(body.path("Parameters"), strings);
                collectStrings(body.path("Arguments"), strings);
                for (String value : strings) {
                    String target = nodesByReference.get(value);
                    if (target != null) {
                        edge("Task" + from + target, "task", from, target);
                    }
                }
            }
        }
    }

    private void transition(String from, String machine, String to, String kind, String label) {
        if (to != null) {
            ObjectNode edge = edge(kind + ":" + from + ">" + to, kind, from, machine + "/" + to);
            if (label != null) {
                edge.put("label", label);
            }
        }
    }

    private ObjectNode node(String id, String kind, String label) {
        ObjectNode node = FACTORY.objectNode();
        node.put("id", id).put("kind", kind).put("label", label);
        nodes.put(id, node);
        return node;
    }

    private ObjectNode edge(String id, String kind, String source, String target) {
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

    private static String text(LocalLab lab, JsonNode value) {
        try {
            JsonNode resolved = lab.resolve(value);
            return resolved == null ? null : resolved.asText();
        } catch (RuntimeException e) {
            return null; // not brought up locally (a resource of no local meaning)
        }
    }

    private static String function(String logicalId, Map<String, String> aliasFunctions) {
        return aliasFunctions.getOrDefault(logicalId, logicalId);
    }

    /** The logical ID a template value refers to (its first Ref or Fn::GetAtt, at any depth), or null. */
    static String referenced(JsonNode value) {
        java.util.List<String> found = new java.util.ArrayList<>();
        collectReferenced(value, found);
        return found.isEmpty() ? null : found.get(0);
    }

    private static void collectReferenced(JsonNode value, java.util.List<String> found) {
        if (value == null) {
            return;
        }
        if (value.isObject() && value.has("Ref") && !value.get("Ref").asText().startsWith("AWS::")) {
            found.add(value.get("Ref").asText());
        } else if (value.isObject() && value.has("Fn::GetAtt")) {
            JsonNode getAtt = value.get("Fn::GetAtt");
            found.add(
                    getAtt.isArray() ? getAtt.get(0).asText() : getAtt.asText().split("\\.")[0]);
        } else {
            value.elements().forEachRemaining(element -> collectReferenced(element, found));
        }
    }

    private static void collectStrings(JsonNode value, java.util.List<String> found) {
        if (value.isTextual()) {
            found.add(value.asText());
            found.add(value.asText().replaceAll(":\\$LATEST$", ""));
        } else {
            value.elements().forEachRemaining(element -> collectStrings(element, found));
        }
    }

    private static JsonNode ref(String logicalId) {
        return FACTORY.objectNode().put("Ref", logicalId);
    }

    /** A logical ID without the hash CDK appends ({@code RidesTable3A2F6E1B} reads {@code RidesTable}). */
    static String shortName(String logicalId) {
        return logicalId.replaceAll("[0-9A-F]{8}$", "");
    }

    private static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
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
