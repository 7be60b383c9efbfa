package com.wildrydes.local.endpoint.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.LocalLab;
import com.wildrydes.local.endpoint.AwsError;
import com.wildrydes.local.endpoint.AwsRequest;
import com.wildrydes.local.endpoint.AwsResponse;
import com.wildrydes.local.endpoint.AwsService;
import com.wildrydes.local.endpoint.Protocol;
import com.wildrydes.local.lambda.FunctionLogs;
import com.wildrydes.local.logs.LocalLogGroup;
import com.wildrydes.local.template.LocalIds;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * CloudWatch Logs (JSON 1.1, {@code X-Amz-Target: Logs_20140328.*}) over the running labs' log
 * groups ({@link LocalLogGroup}): DescribeLogGroups (with a prefix), DescribeLogStreams,
 * GetLogEvents (with its forward and backward tokens) and FilterLogEvents (a
 * {@link FilterPattern}), so the pages' log checks and {@code aws logs tail} work. Each log group
 * has one stream.
 */
public final class LogsService implements AwsService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OPERATIONS =
            Set.of("DescribeLogGroups", "DescribeLogStreams", "GetLogEvents", "FilterLogEvents");
    private static final int MOST_EVENTS = 10_000;

    private final Supplier<List<LocalLab>> labs;

    public LogsService(Supplier<List<LocalLab>> labs) {
        this.labs = labs;
    }

    @Override
    public String signingName() {
        return "logs";
    }

    @Override
    public Set<String> targetPrefixes() {
        return Set.of("Logs_20140328");
    }

    @Override
    public Protocol protocol() {
        return Protocol.AWS_JSON_1_1;
    }

    @Override
    public AwsResponse handle(AwsRequest request) throws IOException {
        String target = String.valueOf(request.target());
        String operation = target.substring(target.indexOf('.') + 1);
        JsonNode body = request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
        ObjectNode answer = switch (operation) {
            case "DescribeLogGroups" -> describeLogGroups(body);
            case "DescribeLogStreams" -> describeLogStreams(body);
            case "GetLogEvents" -> getLogEvents(body);
            case "FilterLogEvents" -> filterLogEvents(body);
            default -> throw AwsError.notServed("CloudWatch Logs", operation, OPERATIONS);
        };
        return protocol().ok(answer);
    }

    private List<LocalLogGroup> groups() {
        return labs.get().stream()
                .flatMap(lab -> lab.logGroups().stream())
                .sorted(java.util.Comparator.comparing(LocalLogGroup::name))
                .toList();
    }

    /** The group a request names by {@code logGroupName} or {@code logGroupIdentifier} (name or ARN). */
    private LocalLogGroup group(JsonNode body) {
        String name =
                body.path("logGroupName").asText(body.path("logGroupIdentifier").asText(""));
        String arnPrefix = "arn:aws:logs:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":log-group:";
        if (name.startsWith(arnPrefix)) {
            name = name.substring(arnPrefix.length()).replaceAll(":\\*$", "");
        }
        for (LocalLogGroup group : groups()) {
            if (group.name().equals(name)) {
                return group;
            }
        }
        throw new AwsError(400, "ResourceNotFoundException", "The specified log group does not exist.");
    }

    private static String arn(LocalLogGroup group) {
        return "arn:aws:logs:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":log-group:" + group.name();
    }

    private ObjectNode describeLogGroups(JsonNode body) {
        String prefix = body.path("logGroupNamePrefix").asText("");
        String pattern = body.path("logGroupNamePattern").asText("");
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode listed = answer.putArray("logGroups");
        for (LocalLogGroup group : groups()) {
            if (group.name().startsWith(prefix) && group.name().contains(pattern)) {
                ObjectNode item = listed.addObject();
                item.put("logGroupName", group.name());
                item.put("creationTime", group.createdAt());
                item.put("metricFilterCount", 0);
                item.put("arn", arn(group) + ":*");
                item.put("logGroupArn", arn(group));
                item.put("storedBytes", 0);
                item.put("logGroupClass", "STANDARD");
            }
        }
        return answer;
    }

    private ObjectNode describeLogStreams(JsonNode body) {
        LocalLogGroup group = group(body);
        List<FunctionLogs.Line> events = group.events().get();
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode streams = answer.putArray("logStreams");
        if (group.stream().startsWith(body.path("logStreamNamePrefix").asText(""))) {
            ObjectNode stream = streams.addObject();
            stream.put("logStreamName", group.stream());
            stream.put("creationTime", group.createdAt());
            if (!events.isEmpty()) {
                stream.put("firstEventTimestamp", events.get(0).timestamp());
                stream.put("lastEventTimestamp", events.get(events.size() - 1).timestamp());
                stream.put("lastIngestionTime", events.get(events.size() - 1).timestamp());
            }
            stream.put("arn", arn(group) + ":log-stream:" + group.stream());
            stream.put("storedBytes", 0);
        }
        return answer;
    }

    /**
     * The events from {@code startTime} on, up to {@code endTime}: FilterLogEvents returns an event
     * at {@code endTime} ({@code endInclusive}), GetLogEvents does not, as AWS documents each.
     */
    private static List<FunctionLogs.Line> inTime(List<FunctionLogs.Line> events, JsonNode body, boolean endInclusive) {
        long start = body.path("startTime").asLong(Long.MIN_VALUE);
        long end = body.path("endTime").asLong(Long.MAX_VALUE);
        return events.stream()
                .filter(event -> event.timestamp() >= start
                        && (endInclusive ? event.timestamp() <= end : event.timestamp() < end))
                .toList();
    }

    private ObjectNode getLogEvents(JsonNode body) {
        LocalLogGroup group = group(body);
        if (!group.stream().equals(body.path("logStreamName").asText())) {
            throw new AwsError(400, "ResourceNotFoundException", "The specified log stream does not exist.");
        }
        List<FunctionLogs.Line> events = inTime(group.events().get(), body, false);
        int limit = Math.min(body.path("limit").asInt(MOST_EVENTS), MOST_EVENTS);
        // Tokens are positions: f/N reads forward from N, b/N backward from N (exclusive).
        String token = body.path("nextToken").asText("");
        boolean fromHead = body.path("startFromHead").asBoolean(false);
        int from;
        int to;
        if (token.startsWith("f/")) {
            from = Math.min(Integer.parseInt(token.substring(2)), events.size());
            to = Math.min(events.size(), from + limit);
        } else if (token.startsWith("b/")) {
            to = Math.min(Integer.parseInt(token.substring(2)), events.size());
            from = Math.max(0, to - limit);
        } else if (fromHead) {
            from = 0;
            to = Math.min(events.size(), limit);
        } else {
            to = events.size();
            from = Math.max(0, to - limit);
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode listed = answer.putArray("events");
        for (FunctionLogs.Line event : events.subList(from, to)) {
            listed.addObject()
                    .put("timestamp", event.timestamp())
                    .put("message", event.message())
                    .put("ingestionTime", event.timestamp());
        }
        answer.put("nextForwardToken", "f/" + to);
        answer.put("nextBackwardToken", "b/" + from);
        return answer;
    }

    private ObjectNode filterLogEvents(JsonNode body) {
        LocalLogGroup group = group(body);
        Predicate<String> pattern =
                FilterPattern.parse(body.path("filterPattern").asText(""));
        boolean inStreams = true;
        if (body.has("logStreamNames")) {
            inStreams = false;
            for (JsonNode name : body.path("logStreamNames")) {
                inStreams |= name.asText().equals(group.stream());
            }
        }
        if (body.has("logStreamNamePrefix")) {
            inStreams &=
                    group.stream().startsWith(body.path("logStreamNamePrefix").asText());
        }
        List<FunctionLogs.Line> events = inStreams ? inTime(group.events().get(), body, true) : List.of();
        int limit = Math.min(body.path("limit").asInt(MOST_EVENTS), MOST_EVENTS);
        int skip = body.path("nextToken").asText("").startsWith("n/")
                ? Integer.parseInt(body.path("nextToken").asText().substring(2))
                : 0;
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode listed = answer.putArray("events");
        int seen = 0;
        for (FunctionLogs.Line event : events) {
            if (!pattern.test(event.message())) {
                continue;
            }
            if (seen++ < skip) {
                continue;
            }
            if (listed.size() == limit) {
                answer.put("nextToken", "n/" + (skip + limit));
                break;
            }
            listed.addObject()
                    .put("logStreamName", group.stream())
                    .put("timestamp", event.timestamp())
                    .put("message", event.message())
                    .put("ingestionTime", event.timestamp())
                    .put("eventId", Long.toString(event.sequence()));
        }
        ArrayNode searched = answer.putArray("searchedLogStreams");
        if (inStreams) {
            searched.addObject().put("logStreamName", group.stream()).put("searchedCompletely", true);
        }
        return answer;
    }
}
