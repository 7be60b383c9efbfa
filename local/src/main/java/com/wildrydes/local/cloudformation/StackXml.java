package com.wildrydes.local.cloudformation;

import static com.wildrydes.local.endpoint.Xml.element;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/** CloudFormation's XML for stacks, their events, resources and change sets. */
final class StackXml {

    private StackXml() {}

    static String stack(StackRecord stack) {
        StringBuilder xml = new StringBuilder("<member>")
                .append(element("StackName", stack.name))
                .append(element("StackId", stack.id))
                .append(element("StackStatus", stack.status))
                .append(element("StackStatusReason", stack.statusReason))
                .append(element("CreationTime", stack.created))
                .append(element("LastUpdatedTime", stack.updated))
                .append(element("Description", stack.description))
                .append(element("DisableRollback", false))
                .append(element("EnableTerminationProtection", false))
                .append("<Parameters>");
        JsonNode declared = stack.template == null ? null : stack.template.path("Parameters");
        stack.parameters.forEach((key, value) -> {
            xml.append("<member>").append(element("ParameterKey", key)).append(element("ParameterValue", value));
            if (declared != null && declared.path(key).path("Type").asText().startsWith("AWS::SSM::Parameter::Value")) {
                xml.append(element("ResolvedValue", stack.resolvedParameters.get(key)));
            }
            xml.append("</member>");
        });
        xml.append("</Parameters><Outputs>");
        JsonNode outputs = stack.template == null ? null : stack.template.path("Outputs");
        stack.outputs()
                .forEach((key, value) -> xml.append("<member>")
                        .append(element("OutputKey", key))
                        .append(element("OutputValue", value))
                        .append(element(
                                "Description",
                                outputs == null
                                        ? null
                                        : outputs.path(key).path("Description").asText(null)))
                        .append("</member>"));
        xml.append("</Outputs><Tags>");
        stack.tags.forEach((key, value) -> xml.append("<member>")
                .append(element("Key", key))
                .append(element("Value", value))
                .append("</member>"));
        xml.append("</Tags><Capabilities>");
        stack.capabilities.forEach(capability -> xml.append(element("member", capability)));
        xml.append("</Capabilities>");
        return xml.append("</member>").toString();
    }

    static String event(StackRecord stack, StackEvent event) {
        return "<member>" + element("StackId", stack.id) + element("EventId", event.eventId())
                + element("StackName", stack.name) + element("LogicalResourceId", event.logicalId())
                + element("PhysicalResourceId", event.physicalId()) + element("ResourceType", event.resourceType())
                + element("Timestamp", event.timestamp()) + element("ResourceStatus", event.status())
                + element("ResourceStatusReason", event.reason()) + "</member>";
    }

    static String changeSet(ChangeSet changeSet, Stacks stacks) {
        StackRecord stack = stacks.stackOf(changeSet);
        StringBuilder xml = new StringBuilder()
                .append(element("ChangeSetName", changeSet.name))
                .append(element("ChangeSetId", changeSet.id))
                .append(element("StackId", stack.id))
                .append(element("StackName", stack.name))
                .append(element("Description", changeSet.description))
                .append(element("CreationTime", changeSet.created))
                .append(element("ExecutionStatus", changeSet.executionStatus))
                .append(element("Status", changeSet.status))
                .append(element("StatusReason", changeSet.statusReason))
                .append("<Parameters>");
        changeSet
                .parameters
                .given()
                .forEach((key, value) -> xml.append("<member>")
                        .append(element("ParameterKey", key))
                        .append(element("ParameterValue", value))
                        .append("</member>"));
        xml.append("</Parameters><Capabilities>");
        changeSet.capabilities.forEach(capability -> xml.append(element("member", capability)));
        xml.append("</Capabilities><Tags>");
        changeSet.tags.forEach((key, value) -> xml.append("<member>")
                .append(element("Key", key))
                .append(element("Value", value))
                .append("</member>"));
        xml.append("</Tags><Changes>");
        for (ResourceChange change : changeSet.changes) {
            xml.append("<member><Type>Resource</Type><ResourceChange>")
                    .append(element("Action", change.action()))
                    .append(element("LogicalResourceId", change.logicalId()))
                    .append(element("ResourceType", change.resourceType()))
                    .append(element("Replacement", change.replacement()))
                    .append(change.action().equals("Modify") ? "<Scope><member>Properties</member></Scope>" : "")
                    .append("</ResourceChange></member>");
        }
        return xml.append("</Changes>").toString();
    }

    static String resources(String action, StackRecord stack) {
        String list = action.equals("ListStackResources") ? "StackResourceSummaries" : "StackResources";
        StringBuilder xml = new StringBuilder("<" + list + ">");
        if (stack.template != null && stack.running != null) {
            Map<String, String> physical = stack.running.physicalIds();
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            stack.template.path("Resources").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> resource = it.next();
                xml.append("<member>")
                        .append(element("StackName", stack.name))
                        .append(element("StackId", stack.id))
                        .append(element("LogicalResourceId", resource.getKey()))
                        .append(element(
                                "PhysicalResourceId", physical.getOrDefault(resource.getKey(), resource.getKey())))
                        .append(element(
                                "ResourceType", resource.getValue().path("Type").asText()))
                        .append(element(
                                action.equals("ListStackResources") ? "LastUpdatedTimestamp" : "Timestamp",
                                stack.updated == null ? stack.created : stack.updated))
                        .append(element("ResourceStatus", "CREATE_COMPLETE"))
                        .append("</member>");
            }
        }
        return xml.append("</" + list + ">").toString();
    }

    static String templateSummary(JsonNode template) {
        StringBuilder xml = new StringBuilder("<Parameters>");
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        template.path("Parameters").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> parameter = it.next();
            xml.append("<member>")
                    .append(element("ParameterKey", parameter.getKey()))
                    .append(element(
                            "DefaultValue", parameter.getValue().path("Default").asText(null)))
                    .append(element(
                            "ParameterType", parameter.getValue().path("Type").asText()))
                    .append(element(
                            "NoEcho", parameter.getValue().path("NoEcho").asBoolean(false)))
                    .append(element(
                            "Description",
                            parameter.getValue().path("Description").asText(null)))
                    .append("</member>");
        }
        xml.append("</Parameters><ResourceTypes>");
        java.util.Set<String> types = new java.util.TreeSet<>();
        template.path("Resources")
                .forEach(resource -> types.add(resource.path("Type").asText()));
        types.forEach(type -> xml.append(element("member", type)));
        xml.append("</ResourceTypes>")
                .append(element(
                        "Version", template.path("AWSTemplateFormatVersion").asText("2010-09-09")))
                .append(element("Description", template.path("Description").asText(null)));
        return xml.toString();
    }

    static String timestamp(Instant instant) {
        return instant.toString();
    }
}
