package com.wildrydes.local.cloudformation;

import static com.wildrydes.local.endpoint.Xml.element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.wildrydes.local.endpoint.AwsError;
import com.wildrydes.local.endpoint.AwsRequest;
import com.wildrydes.local.endpoint.AwsResponse;
import com.wildrydes.local.endpoint.AwsService;
import com.wildrydes.local.endpoint.Protocol;
import com.wildrydes.local.endpoint.Xml;
import com.wildrydes.local.s3.ObjectStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * CloudFormation (AWS Query protocol, XML answers) as the CDK CLI's deploy and destroy use it:
 * CreateChangeSet, DescribeChangeSet, ExecuteChangeSet, DeleteChangeSet, DescribeStacks,
 * DescribeStackEvents, GetTemplate, GetTemplateSummary, ListStackResources, DeleteStack. A template
 * comes inline or from the local S3 staging bucket by its URL. Errors carry CloudFormation's codes.
 */
public final class CloudFormationService implements AwsService {

    /** How long ExecuteChangeSet and DeleteStack wait for their operation before answering. */
    static final long ANSWER_WAIT_SECONDS = 10;

    static final String NAMESPACE = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<String> SERVED = List.of(
            "CreateChangeSet",
            "DescribeChangeSet",
            "ExecuteChangeSet",
            "DeleteChangeSet",
            "DescribeStacks",
            "DescribeStackEvents",
            "GetTemplate",
            "GetTemplateSummary",
            "ListStackResources",
            "DescribeStackResources",
            "DeleteStack");

    private final Stacks stacks;
    private final ObjectStore s3;

    CloudFormationService(Stacks stacks, ObjectStore s3) {
        this.stacks = stacks;
        this.s3 = s3;
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
        String action = String.valueOf(request.param("Action"));
        try {
            return switch (action) {
                case "CreateChangeSet" -> createChangeSet(request);
                case "DescribeChangeSet" -> result(action, StackXml.changeSet(changeSet(request), stacks));
                case "ExecuteChangeSet" -> {
                    answerWhenStable(stacks.execute(changeSet(request)));
                    yield result(action, "");
                }
                case "DeleteChangeSet" -> {
                    // By name, a change set that is not there is already deleted: CloudFormation answers
                    // success, and the CLI relies on it after a deploy it skipped.
                    String name = request.param("ChangeSetName");
                    try {
                        stacks.deleteChangeSet(changeSet(request));
                    } catch (Stacks.ChangeSetNotFound e) {
                        if (name == null || name.startsWith("arn:")) {
                            throw e;
                        }
                        stacks.find(request.param("StackName"));
                    }
                    yield result(action, "");
                }
                case "DescribeStacks" -> describeStacks(request);
                case "DescribeStackEvents" -> describeStackEvents(request);
                case "GetTemplate" -> {
                    String name = request.param("ChangeSetName");
                    String body = name != null
                            ? changeSet(request).templateBody
                            : stacks.find(request.param("StackName")).templateBody;
                    yield result(
                            action,
                            element("TemplateBody", body)
                                    + "<StagesAvailable><member>Original</member><member>Processed</member></StagesAvailable>");
                }
                case "GetTemplateSummary" -> {
                    JsonNode template = request.param("StackName") != null
                            ? stacks.find(request.param("StackName")).template
                            : (JsonNode) template(request)[1];
                    yield result(action, StackXml.templateSummary(template));
                }
                case "ListStackResources", "DescribeStackResources" ->
                    result(action, StackXml.resources(action, stacks.find(request.param("StackName"))));
                case "ListHookResults" ->
                    // No hooks run locally; the CLI asks when a change set failed, for the hooks' part in it.
                    result(
                            action,
                            "<HookResults/>" + element("TargetType", request.param("TargetType"))
                                    + element("TargetId", request.param("TargetId")));
                case "DeleteStack" -> {
                    answerWhenStable(stacks.delete(request.param("StackName")));
                    yield result(action, "");
                }
                default ->
                    throw new AwsError(
                            400,
                            "InvalidAction",
                            "Local CloudFormation does not serve " + action + "; it serves "
                                    + String.join(", ", SERVED));
            };
        } catch (StackParameters.ValidationError e) {
            throw new AwsError(400, "ValidationError", e.getMessage());
        } catch (Stacks.AlreadyExists e) {
            throw new AwsError(400, "AlreadyExistsException", e.getMessage());
        } catch (Stacks.ChangeSetNotFound e) {
            throw new AwsError(404, "ChangeSetNotFound", e.getMessage());
        } catch (Stacks.InvalidChangeSetStatus e) {
            throw new AwsError(400, "InvalidChangeSetStatus", e.getMessage());
        }
    }

    private AwsResponse createChangeSet(AwsRequest request) {
        Object[] bodyAndTemplate = template(request);
        Map<String, String> tags = new LinkedHashMap<>();
        request.members("Tags").forEach(tag -> tags.put(tag.get("Key"), tag.get("Value")));
        List<String> capabilities =
                request.members("Capabilities").stream().map(c -> c.get("")).toList();
        ChangeSet changeSet = stacks.createChangeSet(
                request.param("StackName"),
                request.param("ChangeSetName"),
                request.param("ChangeSetType") == null ? "UPDATE" : request.param("ChangeSetType"),
                (String) bodyAndTemplate[0],
                (JsonNode) bodyAndTemplate[1],
                request.members("Parameters"),
                tags,
                capabilities);
        return result(
                "CreateChangeSet", element("Id", changeSet.id) + element("StackId", stacks.stackOf(changeSet).id));
    }

    private ChangeSet changeSet(AwsRequest request) {
        return stacks.changeSet(request.param("StackName"), request.param("ChangeSetName"));
    }

    private AwsResponse describeStacks(AwsRequest request) {
        String name = request.param("StackName");
        List<StackRecord> described = name == null ? stacks.live() : List.of(stacks.find(name));
        StringBuilder xml = new StringBuilder("<Stacks>");
        described.forEach(stack -> xml.append(StackXml.stack(stack)));
        return result("DescribeStacks", xml.append("</Stacks>").toString());
    }

    private AwsResponse describeStackEvents(AwsRequest request) {
        List<StackEvent> events = stacks.find(request.param("StackName")).eventsNewestFirst();
        int from = request.param("NextToken") == null ? 0 : Integer.parseInt(request.param("NextToken"));
        int to = Math.min(events.size(), from + 100);
        StringBuilder xml = new StringBuilder("<StackEvents>");
        StackRecord stack = stacks.find(request.param("StackName"));
        events.subList(from, to).forEach(event -> xml.append(StackXml.event(stack, event)));
        xml.append("</StackEvents>");
        if (to < events.size()) {
            xml.append(element("NextToken", to));
        }
        return result("DescribeStackEvents", xml.toString());
    }

    /** The template's text and parsed form, from TemplateBody or from the staging bucket by TemplateURL. */
    private Object[] template(AwsRequest request) {
        String body = request.param("TemplateBody");
        if (body == null && request.param("TemplateURL") != null) {
            body = fromS3(request.param("TemplateURL"));
        }
        if (body == null) {
            throw new StackParameters.ValidationError("Either Template URL or Template Body must be specified.");
        }
        return new Object[] {body, parse(body)};
    }

    private String fromS3(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost() == null ? "" : uri.getHost();
        String path = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
        String bucket;
        String key;
        int virtualHost = host.indexOf(".s3");
        if (virtualHost > 0) {
            bucket = host.substring(0, virtualHost);
            key = path;
        } else {
            bucket = path.substring(0, Math.max(0, path.indexOf('/')));
            key = path.substring(path.indexOf('/') + 1);
        }
        try {
            var object = s3.get(bucket, key)
                    .orElseThrow(() -> new StackParameters.ValidationError(
                            "S3 error: The specified key does not exist. (" + url + ")"));
            return Files.readString(object.file());
        } catch (ObjectStore.NoSuchBucketException e) {
            throw new StackParameters.ValidationError("S3 error: The specified bucket does not exist (" + url + ")");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body.stripLeading().startsWith("{") ? JSON.readTree(body) : YAML.readTree(body);
        } catch (IOException e) {
            throw new StackParameters.ValidationError("Template format error: " + e.getMessage());
        }
    }

    /**
     * Holds the answer to ExecuteChangeSet or DeleteStack until the operation ends, for at most
     * {@link #ANSWER_WAIT_SECONDS}. CloudFormation answers at once and is slow; local stacks take a
     * second or two, and a client that polls (the CDK CLI sleeps 5 s between DescribeStacks) would
     * otherwise sleep longer than the operation ran. A longer operation is answered in progress and
     * polled as in AWS; the stack's events show every status either way.
     */
    private static void answerWhenStable(Future<?> operation) {
        try {
            operation.get(ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Still running, or failed: either way the stack's status and events say so.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static AwsResponse result(String action, String xml) {
        return Xml.queryResult(action, NAMESPACE, xml);
    }
}
