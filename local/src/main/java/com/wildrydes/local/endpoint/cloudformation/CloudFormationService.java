package com.wildrydes.local.endpoint.cloudformation;

import static com.wildrydes.local.endpoint.Xml.element;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.LocalLab;
import com.wildrydes.local.endpoint.AwsError;
import com.wildrydes.local.endpoint.AwsRequest;
import com.wildrydes.local.endpoint.AwsResponse;
import com.wildrydes.local.endpoint.AwsService;
import com.wildrydes.local.endpoint.Protocol;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * CloudFormation, read-only, over the running labs (query protocol, XML answers): each lab is a
 * stack in {@code CREATE_COMPLETE}, described from its template and its local values
 * (DescribeStacks with outputs, DescribeStackResources, DescribeStackResource,
 * ListStackResources, GetTemplate), so the workshop's
 * {@code aws cloudformation describe-stacks ... --query ... --output text} works as printed.
 */
public final class CloudFormationService implements AwsService {

    private static final String NAMESPACE = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private static final Set<String> OPERATIONS = Set.of(
            "DescribeStacks", "DescribeStackResources", "DescribeStackResource", "ListStackResources", "GetTemplate");

    private final Supplier<List<LocalLab>> labs;

    public CloudFormationService(Supplier<List<LocalLab>> labs) {
        this.labs = labs;
    }

    @Override
    public String signingName() {
        return "cloudformation";
    }

    @Override
    public Protocol protocol() {
        return Protocol.QUERY;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        Map<String, String> form = request.form();
        String action = form.getOrDefault("Action", "");
        String result = switch (action) {
            case "DescribeStacks" -> describeStacks(form.get("StackName"));
            case "DescribeStackResources" -> describeStackResources(form);
            case "DescribeStackResource" -> describeStackResource(form);
            case "ListStackResources" -> listStackResources(form.get("StackName"));
            case "GetTemplate" -> getTemplate(form.get("StackName"));
            default ->
                throw AwsError.notServed("CloudFormation", action.isEmpty() ? "(no Action)" : action, OPERATIONS);
        };
        return AwsResponse.xml(
                200,
                "<" + action + "Response xmlns=\"" + NAMESPACE + "\"><" + action + "Result>" + result + "</" + action
                        + "Result><ResponseMetadata><RequestId>" + UUID.randomUUID()
                        + "</RequestId></ResponseMetadata></" + action + "Response>");
    }

    /** The lab whose stack has that name or ID; CloudFormation's own error when there is none. */
    private LocalLab stack(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            throw new AwsError(
                    400,
                    "ValidationError",
                    "1 validation error detected: Value null at 'stackName'"
                            + " failed to satisfy constraint: Member must not be null");
        }
        for (LocalLab lab : labs.get()) {
            if (lab.stackName().equals(nameOrId) || lab.stackId().equals(nameOrId)) {
                return lab;
            }
        }
        throw new AwsError(400, "ValidationError", "Stack with id " + nameOrId + " does not exist");
    }

    private String describeStacks(String stackName) {
        List<LocalLab> described = stackName == null ? labs.get() : List.of(stack(stackName));
        StringBuilder xml = new StringBuilder("<Stacks>");
        for (LocalLab lab : described) {
            JsonNode template = lab.template();
            xml.append("<member>")
                    .append(element("StackId", lab.stackId()))
                    .append(element("StackName", lab.stackName()))
                    .append(element("Description", template.path("Description").asText(null)))
                    .append("<Parameters>");
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            template.path("Parameters").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> parameter = it.next();
                xml.append("<member>")
                        .append(element("ParameterKey", parameter.getKey()))
                        .append(element(
                                "ParameterValue",
                                parameter.getValue().path("Default").asText("")))
                        .append("</member>");
            }
            xml.append("</Parameters>")
                    .append(element("CreationTime", lab.startedAt().toString()))
                    .append(element("StackStatus", "CREATE_COMPLETE"))
                    .append(element("DisableRollback", "false"))
                    .append("<Outputs>");
            Map<String, String> outputs = lab.outputs();
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            template.path("Outputs").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> output = it.next();
                xml.append("<member>")
                        .append(element("OutputKey", output.getKey()))
                        .append(element("OutputValue", outputs.get(output.getKey())))
                        .append(element(
                                "Description",
                                output.getValue().path("Description").asText(null)))
                        .append(element(
                                "ExportName",
                                output.getValue().path("Export").path("Name").asText(null)))
                        .append("</member>");
            }
            xml.append("</Outputs><Tags/>")
                    .append(element("EnableTerminationProtection", "false"))
                    .append("</member>");
        }
        return xml.append("</Stacks>").toString();
    }

    /** Each resource of the template, with its local physical ID, as CloudFormation lists it. */
    private static List<String[]> resources(LocalLab lab) {
        List<String[]> resources = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        lab.template().path("Resources").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            resources.add(new String[] {
                resource.getKey(),
                String.valueOf(lab.physicalId(resource.getKey())),
                resource.getValue().path("Type").asText()
            });
        }
        return resources;
    }

    private String describeStackResources(Map<String, String> form) {
        LocalLab lab = stack(form.get("StackName"));
        String only = form.get("LogicalResourceId");
        StringBuilder xml = new StringBuilder("<StackResources>");
        for (String[] resource : resources(lab)) {
            if (only == null || only.equals(resource[0])) {
                xml.append("<member>")
                        .append(resource(lab, resource, "Timestamp"))
                        .append("</member>");
            }
        }
        return xml.append("</StackResources>").toString();
    }

    private String describeStackResource(Map<String, String> form) {
        LocalLab lab = stack(form.get("StackName"));
        String logicalId = form.get("LogicalResourceId");
        for (String[] resource : resources(lab)) {
            if (resource[0].equals(logicalId)) {
                return "<StackResourceDetail>" + resource(lab, resource, "LastUpdatedTimestamp")
                        + "</StackResourceDetail>";
            }
        }
        throw new AwsError(
                400, "ValidationError", "Resource " + logicalId + " does not exist for stack " + lab.stackName());
    }

    private String listStackResources(String stackName) {
        LocalLab lab = stack(stackName);
        StringBuilder xml = new StringBuilder("<StackResourceSummaries>");
        for (String[] resource : resources(lab)) {
            xml.append("<member>")
                    .append(element("LogicalResourceId", resource[0]))
                    .append(element("PhysicalResourceId", resource[1]))
                    .append(element("ResourceType", resource[2]))
                    .append(element("LastUpdatedTimestamp", lab.startedAt().toString()))
                    .append(element("ResourceStatus", "CREATE_COMPLETE"))
                    .append("</member>");
        }
        return xml.append("</StackResourceSummaries>").toString();
    }

    private static String resource(LocalLab lab, String[] resource, String timestamp) {
        return element("StackName", lab.stackName())
                + element("StackId", lab.stackId())
                + element("LogicalResourceId", resource[0])
                + element("PhysicalResourceId", resource[1])
                + element("ResourceType", resource[2])
                + element(timestamp, lab.startedAt().toString())
                + element("ResourceStatus", "CREATE_COMPLETE");
    }

    private String getTemplate(String stackName) {
        LocalLab lab = stack(stackName);
        return element("TemplateBody", lab.template().toPrettyString())
                + "<StagesAvailable><member>Original</member><member>Processed</member></StagesAvailable>";
    }
}
