package com.wildrydes.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.lambda.AwsFault;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * What a learner does from the console, on one lab: send a request to one of its API routes,
 * publish to one of its topics, redrive one of its dead-letter queues, start an execution of one of
 * its state machines, plan a fault. Each action names a node of the lab's topology, never a URL or
 * an ARN: the console looks up the lab's own resource, so nothing a page sends reaches beyond it.
 */
final class ConsoleActions implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FAULT_SERVICES = Set.of("DynamoDB", "SNS", "SQS");

    private final LabConsole console;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final ExecutorService executions = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "console-execution");
        thread.setDaemon(true);
        return thread;
    });

    private final Redrive redrive;

    ConsoleActions(LabConsole console) {
        this.console = console;
        this.redrive = new Redrive(console, executions);
    }

    /** {@code {route, body?, pathParameters?}}: the API's own answer (status, headers, body). */
    ObjectNode sendRequest(JsonNode action) throws Exception {
        ObjectNode route = node(action, "route", "route");
        String path = route.path("url").asText();
        JsonNode parameters = action.path("pathParameters");
        java.util.regex.Matcher placeholder =
                java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        StringBuilder url = new StringBuilder();
        while (placeholder.find()) {
            String value = parameters.path(placeholder.group(1)).asText("");
            if (value.isEmpty()) {
                throw new BadRequestException("pathParameters." + placeholder.group(1) + " is missing: the route "
                        + route.path("label").asText() + " needs it");
            }
            placeholder.appendReplacement(
                    url,
                    java.util.regex.Matcher.quoteReplacement(
                            URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        placeholder.appendTail(url);
        String method = route.path("method").asText();
        String body = action.has("body")
                ? (action.get("body").isTextual()
                        ? action.get("body").asText()
                        : action.get("body").toString())
                : "";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        request.method(
                method,
                body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        ObjectNode answer = JSON.createObjectNode();
        answer.put("status", response.statusCode());
        ObjectNode headers = answer.putObject("headers");
        response.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        answer.put("body", response.body());
        return answer;
    }

    /** {@code {topic, message, attributes?: {name: string or number}}}: the message ID SNS gave. */
    ObjectNode publish(JsonNode action) {
        ObjectNode topic = node(action, "topic", "topic");
        JsonNode message = action.get("message");
        if (message == null || message.isNull()) {
            throw new BadRequestException("message is missing: the text (or JSON) to publish");
        }
        Map<String, MessageAttributeValue> attributes = new java.util.LinkedHashMap<>();
        action.path("attributes").fields().forEachRemaining(attribute -> {
            JsonNode value = attribute.getValue();
            if (!value.isNumber() && !value.isTextual()) {
                throw new BadRequestException("attributes." + attribute.getKey() + " is " + value.getNodeType()
                        + "; expected a string or a number");
            }
            attributes.put(
                    attribute.getKey(),
                    MessageAttributeValue.builder()
                            .dataType(value.isNumber() ? "Number" : "String")
                            .stringValue(value.asText())
                            .build());
        });
        String topicArn =
                console.lab().resolve(LabConsole.ref(topic.path("id").asText())).asText();
        boolean fifo = topic.path("fifo").asBoolean(false);
        String messageId = console.engines()
                .sns()
                .publish(publish -> {
                    publish.topicArn(topicArn)
                            .message(message.isTextual() ? message.asText() : message.toString())
                            .messageAttributes(attributes);
                    if (fifo) {
                        publish.messageGroupId("console")
                                .messageDeduplicationId(UUID.randomUUID().toString());
                    }
                })
                .messageId();
        return JSON.createObjectNode().put("messageId", messageId);
    }

    /**
     * {@code {queue}}: moves the dead-letter queue's messages back to where they failed: a
     * redrive policy's source queue, or, for an on-failure destination, one more invocation of the
     * function with the request it failed on.
     */
    ObjectNode redrive(JsonNode action) {
        ObjectNode queue = node(action, "queue", "queue");
        return redrive.from(queue.path("id").asText());
    }

    /** {@code {stateMachine, input}}: starts the execution and answers its ARN at once (202). */
    ObjectNode startExecution(JsonNode action) {
        ObjectNode machine = node(action, "stateMachine", "statemachine");
        JsonNode input = action.get("input");
        if (input == null || !input.isObject()) {
            throw new BadRequestException("input is " + (input == null ? "missing" : input.getNodeType())
                    + "; expected the execution's input, a JSON object");
        }
        var stateMachine = console.lab().stateMachine(machine.path("id").asText());
        String executionArn = stateMachine.executionArn(UUID.randomUUID().toString());
        executions.submit(() -> stateMachine.execute(executionArn, input.toString()));
        return JSON.createObjectNode().put("executionArn", executionArn);
    }

    /**
     * {@code {node, service, operation, nth, status?, code?, message?}}: the faults-on-demand API
     * of local mode for a function's or a state machine's AWS calls.
     */
    ObjectNode planFault(JsonNode action) {
        String id = text(action, "node");
        ObjectNode node = console.topology().node(id);
        if (node == null) {
            throw BadRequestException.notFound("No node " + id + " in " + console.stackName());
        }
        String service = text(action, "service");
        if (!FAULT_SERVICES.contains(service)) {
            throw new BadRequestException("service is " + service + "; expected one of " + FAULT_SERVICES);
        }
        String operation = text(action, "operation");
        if (!operation.matches("[A-Z][A-Za-z]{1,63}")) {
            throw new BadRequestException(
                    "operation is " + operation + "; expected an API operation name such as PutItem");
        }
        int nth = action.path("nth").asInt(0);
        if (!action.path("nth").isInt() || nth < 1 || nth > 1000) {
            throw new BadRequestException("nth is " + action.path("nth") + "; expected a whole number from 1 to 1000");
        }
        int status = action.path("status").asInt(500);
        if (status < 400 || status > 599) {
            throw new BadRequestException("status is " + status + "; expected an HTTP error status from 400 to 599");
        }
        AwsFault fault = new AwsFault(
                status,
                action.path("code").asText("InternalServerError"),
                action.path("message").asText("Planned in the local console"),
                null);
        try {
            switch (node.path("kind").asText()) {
                case "function" -> console.lab().failNth(id, service, operation, nth, fault);
                case "statemachine" -> console.lab().failNthStateMachineCall(id, service, operation, nth, fault);
                default ->
                    throw new BadRequestException("node " + id + " is a "
                            + node.path("kind").asText() + "; faults are planned on a function or a state machine");
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage()); // an operation the service does not have
        }
        return JSON.createObjectNode()
                .put(
                        "planned",
                        "call " + nth + " from now of " + id + " to " + service + " " + operation + " answers "
                                + status);
    }

    private ObjectNode node(JsonNode action, String field, String kind) {
        String id = text(action, field);
        ObjectNode node = console.topology().node(id);
        if (node == null) {
            throw BadRequestException.notFound("No node " + id + " in " + console.stackName());
        }
        if (!node.path("kind").asText().equals(kind)) {
            throw new BadRequestException(
                    field + " " + id + " is a " + node.path("kind").asText() + ", not a " + kind);
        }
        return node;
    }

    private static String text(JsonNode action, String field) {
        JsonNode value = action.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new BadRequestException(
                    field + " is " + (value == null ? "missing" : value.toString()) + "; expected "
                            + (Set.of("service", "operation").contains(field)
                                    ? "a string"
                                    : "a node ID of the lab's topology"));
        }
        return value.asText();
    }

    @Override
    public void close() {
        executions.shutdownNow();
    }
}
