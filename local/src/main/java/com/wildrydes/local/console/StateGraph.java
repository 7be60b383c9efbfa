package com.wildrydes.local.console;

import static com.wildrydes.local.console.TemplateValues.abbreviate;
import static com.wildrydes.local.console.TemplateValues.collectStrings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A state machine's definition drawn into a {@link Topology}: each state a child node of its machine. */
final class StateGraph {

    private final Topology topology;
    private final String machine;

    private StateGraph(Topology topology, String machine) {
        this.topology = topology;
        this.machine = machine;
    }

    /** Each state a child node of its machine, with its transitions and the resources its task names. */
    static void draw(Topology topology, String machine, JsonNode definition) {
        new StateGraph(topology, machine).states(definition);
    }

    private void states(JsonNode definition) {
        String startAt = definition.path("StartAt").asText();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        definition.path("States").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            String type = state.getValue().path("Type").asText();
            ObjectNode node = topology.node(machine + "/" + state.getKey(), "state", state.getKey());
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
            transition(from, body.path("Next").asText(null), "next", null);
            transition(from, body.path("Default").asText(null), "next", "default");
            for (JsonNode choice : body.path("Choices")) {
                transition(from, choice.path("Next").asText(null), "next", "choice");
            }
            for (JsonNode caught : body.path("Catch")) {
                transition(
                        from,
                        caught.path("Next").asText(null),
                        "catch",
                        "catch " + abbreviate(caught.path("ErrorEquals").toString(), 40));
            }
            if ("Task".equals(body.path("Type").asText())) {
                List<String> strings = new ArrayList<>();
                collectStrings(body.path("Parameters"), strings);
                collectStrings(body.path("Arguments"), strings);
                for (String value : strings) {
                    String target = topology.nodeFor(value);
                    if (target != null) {
                        topology.edge("Task" + from + target, "task", from, target);
                    }
                }
            }
        }
    }

    private void transition(String from, String to, String kind, String label) {
        if (to != null) {
            ObjectNode edge = topology.edge(kind + ":" + from + ">" + to, kind, from, machine + "/" + to);
            if (label != null) {
                edge.put("label", label);
            }
        }
    }
}
