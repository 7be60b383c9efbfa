package com.wildrydes.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.iam.CallRecorder;
import com.wildrydes.local.resources.EngineResources;
import com.wildrydes.local.template.CloudAssembly;
import com.wildrydes.local.template.Intrinsics;
import com.wildrydes.local.template.LocalIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every part of one lab's bring-up shares: the stack's template and settings, the engines,
 * the local IDs that references resolve to, the calls recorded for the IAM check, the listeners
 * watching the lab live, and the list of what was started, stopped in reverse order when the lab
 * closes.
 */
final class LabContext {

    final CloudAssembly assembly;
    final RunningEngines engines;
    final LocalSettings settings;
    final LocalIds ids = new LocalIds();
    final Intrinsics intrinsics = new Intrinsics(ids);
    final EngineResources resources;
    final CallRecorder iamCalls = new CallRecorder();
    /** Whoever watches this lab live (the local console); each part reports here. */
    final LabEvents events = new LabEvents();

    private final List<AutoCloseable> started = new ArrayList<>();

    LabContext(CloudAssembly assembly, RunningEngines engines, LocalSettings settings) {
        this.assembly = assembly;
        this.engines = engines;
        this.settings = settings;
        this.resources = new EngineResources(stackPrefix(), ids, engines, settings::scaledSeconds);
        // Pseudo parameters of the stack itself (a log group's name may use the stack's ID).
        ids.put("AWS::StackName", assembly.stackName(), Map.of());
        ids.put("AWS::StackId", stackId(), Map.of());
    }

    /** The stack's ID as CloudFormation writes it: its ARN, with an ID that stays the same for the stack name. */
    String stackId() {
        String id = java.util
                .UUID
                .nameUUIDFromBytes(stackPrefix().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        return "arn:aws:cloudformation:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":stack/" + stackPrefix() + "/"
                + id;
    }

    /** The stack's name with the settings' prefix: what keeps this lab's resources apart from another's. */
    String stackPrefix() {
        return settings.namePrefix() + assembly.stackName();
    }

    /** The name CloudFormation would give a resource that the template does not name. */
    String generatedName(String logicalId) {
        return stackPrefix() + "-" + logicalId;
    }

    /** The text a template value resolves to (a Ref, a GetAtt, a Join...). */
    String text(JsonNode value) {
        return intrinsics.text(value);
    }

    /** Stopped when the lab closes, after everything started later. */
    <T extends AutoCloseable> T own(T resource) {
        started.add(resource);
        return resource;
    }

    void closeAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("local mode: stopping " + started.get(i) + " failed: " + e);
            }
        }
        started.clear();
    }

    static JsonNode ref(String logicalId) {
        return JsonNodeFactory.instance.objectNode().put("Ref", logicalId);
    }

    static JsonNode getAtt(String logicalId, String attribute) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putArray("Fn::GetAtt").add(logicalId).add(attribute);
        return node;
    }
}
