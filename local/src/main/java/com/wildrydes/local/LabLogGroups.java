package com.wildrydes.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.lambda.FunctionLogs;
import com.wildrydes.local.lambda.LocalFunction;
import com.wildrydes.local.logs.LocalLogGroup;
import com.wildrydes.local.stepfunctions.LocalStateMachine;
import com.wildrydes.local.stepfunctions.StepFunctionsExecutions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A lab's log groups under the names its template gives them: each {@code AWS::Logs::LogGroup}
 * with what writes to it (a function's {@code LoggingConfig}, a state machine's
 * {@code LoggingConfiguration}), and {@code /aws/lambda/<name>} for a function with no log group of
 * its own, as Lambda would create it.
 */
final class LabLogGroups {

    private LabLogGroups() {}

    static List<LocalLogGroup> of(LabContext lab, LabFunctions functions, LabStateMachines stateMachines) {
        long created = System.currentTimeMillis();
        String day = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));
        JsonNode resources = lab.assembly.template().path("Resources");
        List<LocalLogGroup> groups = new ArrayList<>();
        List<String> logged = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (!resource.getValue().path("Type").asText().equals("AWS::Logs::LogGroup")) {
                continue;
            }
            String logicalId = resource.getKey();
            JsonNode named = resource.getValue().path("Properties").get("LogGroupName");
            String name = named == null ? lab.generatedName(logicalId) : lab.text(named);
            FunctionLogs.LogGroup writer = null;
            for (LocalFunction function : functions.byName().values()) {
                JsonNode config = resources
                        .path(functions.logicalId(function.name()))
                        .path("Properties")
                        .path("LoggingConfig")
                        .path("LogGroup");
                if (logicalId.equals(config.path("Ref").asText(null))) {
                    writer = function.logGroup();
                    logged.add(function.name());
                }
            }
            if (writer != null) {
                FunctionLogs.LogGroup lines = writer;
                groups.add(new LocalLogGroup(name, stream(day, name), created, lines::timed));
                continue;
            }
            LocalStateMachine machine = machineLoggingTo(logicalId, resources, stateMachines);
            StepFunctionsExecutions executions = stateMachines.executions();
            if (machine != null && executions != null) {
                groups.add(new LocalLogGroup(
                        name, "states/" + machine.name() + "/" + day, created, () -> executions.logLines(machine)));
            } else {
                groups.add(new LocalLogGroup(name, stream(day, name), created, List::of));
            }
        }
        for (LocalFunction function : functions.byName().values()) {
            if (!logged.contains(function.name())) {
                String name = "/aws/lambda/" + function.name();
                groups.add(new LocalLogGroup(name, stream(day, name), created, function.logGroup()::timed));
            }
        }
        return groups;
    }

    /** Lambda's stream name shape: the day, the version, an instance's ID (here one per log group). */
    private static String stream(String day, String groupName) {
        return day + "/[$LATEST]" + Integer.toHexString(groupName.hashCode() & 0x7fffffff);
    }

    private static LocalStateMachine machineLoggingTo(
            String logGroupLogicalId, JsonNode resources, LabStateMachines stateMachines) {
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (!resource.getValue().path("Type").asText().equals("AWS::StepFunctions::StateMachine")) {
                continue;
            }
            for (JsonNode destination : resource.getValue()
                    .path("Properties")
                    .path("LoggingConfiguration")
                    .path("Destinations")) {
                JsonNode arn = destination.path("CloudWatchLogsLogGroup").path("LogGroupArn");
                if (logGroupLogicalId.equals(arn.path("Fn::GetAtt").path(0).asText(null))) {
                    return stateMachines.find(resource.getKey());
                }
            }
        }
        return null;
    }
}
