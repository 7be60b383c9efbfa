package com.wildrydes.test.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.LocalLab;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the console must draw for a lab, read here from the synthesized template on its own (the
 * test's oracle, not the console's code): a node per route, function, table, topic, queue and
 * state machine, and per state of each machine; an edge per subscription, event source mapping,
 * redrive policy, on-failure destination and API integration, as {@code source>target}.
 */
record TemplateGraph(Set<String> nodes, Map<String, String> edges) {

    private static final Set<String> DRAWN = Set.of(
            "AWS::Lambda::Function",
            "AWS::DynamoDB::Table",
            "AWS::SNS::Topic",
            "AWS::SQS::Queue",
            "AWS::StepFunctions::StateMachine",
            "AWS::ApiGateway::Method");

    static TemplateGraph of(JsonNode template, LocalLab lab) {
        JsonNode resources = template.path("Resources");
        Set<String> nodes = new TreeSet<>();
        Map<String, String> edges = new TreeMap<>();
        Map<String, String> aliases = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            if (DRAWN.contains(type)) {
                nodes.add(resource.getKey());
            }
            if (type.equals("AWS::StepFunctions::StateMachine")) {
                lab.stateMachine(resource.getKey())
                        .definition()
                        .path("States")
                        .fieldNames()
                        .forEachRemaining(state -> nodes.add(resource.getKey() + "/" + state));
            }
            if (type.equals("AWS::Lambda::Alias")) {
                aliases.put(
                        resource.getKey(),
                        refOrGetAtt(resource.getValue().path("Properties").path("FunctionName")));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            JsonNode properties = resource.getValue().path("Properties");
            switch (resource.getValue().path("Type").asText()) {
                case "AWS::SNS::Subscription" ->
                    edges.put(
                            "subscription " + resource.getKey(),
                            refOrGetAtt(properties.path("TopicArn")) + ">"
                                    + function(refOrGetAtt(properties.path("Endpoint")), aliases));
                case "AWS::Lambda::EventSourceMapping" ->
                    edges.put(
                            "eventSource " + resource.getKey(),
                            refOrGetAtt(properties.path("EventSourceArn")) + ">"
                                    + function(refOrGetAtt(properties.path("FunctionName")), aliases));
                case "AWS::SQS::Queue" -> {
                    if (properties.has("RedrivePolicy")) {
                        edges.put(
                                "redrive " + resource.getKey(),
                                resource.getKey() + ">"
                                        + refOrGetAtt(
                                                properties.path("RedrivePolicy").path("deadLetterTargetArn")));
                    }
                }
                case "AWS::Lambda::EventInvokeConfig" -> {
                    JsonNode destination = properties
                            .path("DestinationConfig")
                            .path("OnFailure")
                            .path("Destination");
                    if (!destination.isMissingNode()) {
                        edges.put(
                                "onFailure " + resource.getKey(),
                                function(refOrGetAtt(properties.path("FunctionName")), aliases) + ">"
                                        + refOrGetAtt(destination));
                    }
                }
                case "AWS::ApiGateway::Method" -> {
                    String uri = properties.path("Integration").path("Uri").toString();
                    java.util.regex.Matcher target = java.util.regex.Pattern.compile(
                                    "\"(?:Ref|Fn::GetAtt)\"\\s*:\\s*\\[?\"([A-Za-z0-9]+)\"")
                            .matcher(uri);
                    if (target.find()) {
                        edges.put(
                                "integration " + resource.getKey(),
                                resource.getKey() + ">" + function(target.group(1), aliases));
                    }
                }
                default -> {}
            }
        }
        return new TemplateGraph(nodes, edges);
    }

    private static String function(String logicalId, Map<String, String> aliases) {
        return aliases.getOrDefault(logicalId, logicalId);
    }

    /** The resource a value names: its Ref or Fn::GetAtt, or the first one inside it (an alias ARN's Fn::Join). */
    private static String refOrGetAtt(JsonNode value) {
        if (value.has("Ref") && !value.get("Ref").asText().startsWith("AWS::")) {
            return value.get("Ref").asText();
        }
        if (value.has("Fn::GetAtt")) {
            return value.get("Fn::GetAtt").get(0).asText();
        }
        for (JsonNode element : value) {
            try {
                return refOrGetAtt(element);
            } catch (IllegalArgumentException e) {
                // not in this part
            }
        }
        throw new IllegalArgumentException("Not a reference: " + value);
    }
}
