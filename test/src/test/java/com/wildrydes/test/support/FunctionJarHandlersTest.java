package com.wildrydes.test.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.lambda.LocalFunction;
import com.wildrydes.local.template.CloudAssembly;
import com.wildrydes.test.engines.EngineFixtures;
import com.wildrydes.test.engines.LocalEngines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nothing a handler needs is missing from the jar its functions deploy (the shaded jar is
 * minimized): every handler class that a function of a synthesized template names is loaded from
 * that function's jar asset in the cloud assembly, in a class loader of its own that sees only
 * that jar (local mode's, whose parent is the JDK's platform loader), built as the Lambda runtime
 * builds it, and invoked once with a real event through the Java runtime's own serializers,
 * against the local engines.
 */
@ExtendWith(LocalEngines.class)
class FunctionJarHandlersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RIDE =
            "{\"id\":\"r-1\",\"from\":\"Berlin\",\"to\":\"Frankfurt\",\"duration\":420,\"distance\":600,\"customer\":\"cmr\",\"fare\":256.50}";

    /** A handler's environment and event (given what earlier handlers answered), and what a good answer holds. */
    private record Run(
            Map<String, String> environment, Function<Map<String, String>, String> event, String answerHolds) {}

    @Test
    void everyTemplatesHandlerRunsFromItsFunctionsJar() throws Exception {
        Path cdkOut = SynthesizedApp.cloudAssembly();
        Map<String, Set<Path>> jarsByHandler = new LinkedHashMap<>();
        for (String stack : Labs.stackNames().toList()) {
            CloudAssembly assembly = CloudAssembly.read(cdkOut, stack);
            assembly.template().path("Resources").forEach(resource -> {
                if ("AWS::Lambda::Function".equals(resource.path("Type").asText())) {
                    JsonNode properties = resource.path("Properties");
                    jarsByHandler
                            .computeIfAbsent(properties.path("Handler").asText(), handler -> new LinkedHashSet<>())
                            .add(assembly.asset(
                                    properties.path("Code").path("S3Key").asText()));
                }
            });
        }
        assertEquals(
                Map.of(), otherHandlersIn(jarsByHandler), "other handlers' classes in a function's asset, by handler");
        Map<String, Run> runs = runs(LocalEngines.get());
        assertFalse(jarsByHandler.isEmpty(), "no function in the templates");
        for (String handler : jarsByHandler.keySet()) {
            if (!runs.containsKey(handler)) {
                fail("No event for " + handler + ", which a template names: add one to this test");
            }
        }

        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, String> standardError = new LinkedHashMap<>();
        for (Map.Entry<String, Run> entry : runs.entrySet()) {
            String handler = entry.getKey();
            Run run = entry.getValue();
            for (Path jar : jarsByHandler.getOrDefault(handler, Set.of())) {
                Map<String, String> environment = new LinkedHashMap<>(base(LocalEngines.get()));
                environment.putAll(run.environment());
                ByteArrayOutputStream written = new ByteArrayOutputStream();
                PrintStream err = System.err;
                System.setErr(new PrintStream(written, true, StandardCharsets.UTF_8));
                try (LocalFunction function = new LocalFunction(
                        "jar-check",
                        "arn:aws:lambda:us-east-1:000000000000:function:jar-check",
                        handler,
                        jar,
                        environment,
                        Duration.ofSeconds(30),
                        java.util.function.IntUnaryOperator.identity())) {
                    LocalFunction.Invocation answer =
                            function.invoke(run.event().apply(answers));
                    assertFalse(answer.failed(), handler + " from " + jar + ": " + answer.errorJson());
                    assertTrue(answer.payload().contains(run.answerHolds()), handler + " answered " + answer.payload());
                    answers.put(handler, answer.payload());
                } finally {
                    System.setErr(err);
                }
                if (written.size() > 0) {
                    standardError.put(handler, written.toString(StandardCharsets.UTF_8));
                }
            }
        }
        // Lambda writes standard error to the function's log group as it is: lines that are not in
        // Lambda's JSON log format, such as a library's stack trace on each new execution environment.
        assertEquals(Map.of(), standardError, "what handlers wrote to standard error, by handler");
    }

    /**
     * Each function deploys its own handler's package, not the jar of every handler: the handler
     * classes of our module in each asset other than the function's own.
     */
    private static Map<String, Set<String>> otherHandlersIn(Map<String, Set<Path>> jarsByHandler)
            throws java.io.IOException {
        Map<String, Set<String>> others = new TreeMap<>();
        for (Map.Entry<String, Set<Path>> entry : jarsByHandler.entrySet()) {
            String own =
                    entry.getKey().substring(0, entry.getKey().indexOf("::")).replace('.', '/') + ".class";
            for (Path jar : entry.getValue()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    zip.stream()
                            .map(ZipEntry::getName)
                            .filter(name -> name.startsWith("com/wildrydes/lambdas/") && name.endsWith("Handler.class"))
                            .filter(name -> !name.equals(own))
                            .forEach(name -> others.computeIfAbsent(entry.getKey(), handler -> new TreeSet<>())
                                    .add(name));
                }
            }
        }
        return others;
    }

    /** What every function's environment holds in local mode: the engines' addresses and credentials. */
    private static Map<String, String> base(RunningEngines engines) {
        return Map.of(
                "AWS_REGION", RunningEngines.REGION.id(),
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local",
                "AWS_ENDPOINT_URL_DYNAMODB", engines.dynamoDbEndpoint().toString(),
                "AWS_ENDPOINT_URL_SNS", engines.snsSqsEndpoint().toString(),
                "AWS_ENDPOINT_URL_SQS", engines.snsSqsEndpoint().toString());
    }

    /** Every handler the labs use, in an order where each finds what the ones before it made. */
    private static Map<String, Run> runs(RunningEngines engines) {
        EngineFixtures fixtures = new EngineFixtures(engines);
        String rides = fixtures.createTable("id", null);
        String bookings = fixtures.createTable("id", "responder");
        String responses = fixtures.createQueue(Map.of());
        Map<String, String> rfq = Map.of(
                "TABLE_NAME",
                bookings,
                "REQUEST_TOPIC_ARN",
                fixtures.createTopic(),
                "COMPLETION_TOPIC_ARN",
                fixtures.createTopic(),
                "RESPONSE_QUEUE_URL",
                responses,
                "DEADLINE_QUEUE_URL",
                fixtures.createQueue(Map.of()),
                "DEADLINE_SECONDS",
                "60",
                "EXPECTED_RESPONDERS",
                "1",
                "RESPONDER_NAMES",
                "[\"r\"]");
        Map<String, String> backend = Map.of("SERVICE_NAME", "jar-check", "FAILURE_RATE", "0");
        Map<String, Run> runs = new LinkedHashMap<>();
        runs.put(
                "com.wildrydes.lambdas.rides.SubmitRideCompletionHandler::handleRequest",
                new Run(
                        Map.of("TABLE_NAME", rides, "TOPIC_ARN", fixtures.createTopic()),
                        answers -> apiEvent("POST", null, RIDE.replace("\"id\":\"r-1\",", "")),
                        "\"statusCode\":201"));
        runs.put(
                "com.wildrydes.lambdas.backend.RideNotificationHandler::handleRequest",
                new Run(backend, answers -> snsEvent(RIDE), "null"));
        runs.put(
                "com.wildrydes.lambdas.backend.RideQueueHandler::handleRequest",
                new Run(backend, answers -> sqsEvent(RIDE), "\"batchItemFailures\":[]"));
        runs.put(
                "com.wildrydes.lambdas.rfq.SubmitRfqHandler::handleRequest",
                new Run(
                        rfq,
                        answers -> apiEvent(
                                "POST", null, "{\"from\":\"Berlin\",\"to\":\"Frankfurt\",\"customer\":\"cmr\"}"),
                        "\"statusCode\":201"));
        runs.put(
                "com.wildrydes.lambdas.rfq.QueryRfqHandler::handleRequest",
                new Run(rfq, answers -> apiEvent("GET", rfqId(answers), null), "\"statusCode\":200"));
        runs.put(
                "com.wildrydes.lambdas.rfq.DemoResponderHandler::handleRequest",
                new Run(
                        Map.of("RESPONDER_NAME", "r", "AVAILABILITY", "1", "MAX_DELAY_SECONDS", "0"),
                        answers -> snsEvent(
                                "{\"rfq-id\":\"" + rfqId(answers) + "\",\"from\":\"Berlin\",\"to\":\"Frankfurt\","
                                        + "\"customer\":\"cmr\",\"reply-to\":\"" + responses + "\"}"),
                        "null"));
        runs.put(
                "com.wildrydes.lambdas.rfq.QuoteCollectorHandler::handleRequest",
                new Run(
                        rfq,
                        answers -> sqsEvent("{\"responder\":\"r\",\"rfq-id\":\"" + rfqId(answers) + "\",\"quote\":42}"),
                        "\"batchItemFailures\":[]"));
        runs.put(
                "com.wildrydes.lambdas.rfq.RfqDeadlineHandler::handleRequest",
                new Run(
                        rfq,
                        answers -> sqsEvent("{\"rfq-id\":\"" + rfqId(answers) + "\"}"),
                        "\"batchItemFailures\":[]"));
        runs.put(
                "com.wildrydes.lambdas.fares.ChargeFareHandler::handleRequest",
                new Run(
                        Map.of(),
                        answers -> "{\"customerId\":\"cmr\",\"fareId\":\"f-1\",\"fareAmount\":\"256.50\"}",
                        "\"chargeId\""));
        runs.put(
                "com.wildrydes.lambdas.fares.CreditCustomerAccountHandler::handleRequest",
                new Run(Map.of(), answers -> "{\"customerId\":\"cmr\",\"chargeId\":\"ch_1\"}", "\"creditId\""));
        runs.put(
                "com.wildrydes.lambdas.fares.RefundFareHandler::handleRequest",
                new Run(
                        Map.of(),
                        answers -> "{\"fareId\":\"f-1\",\"chargeId\":\"ch_1\",\"customerId\":\"cmr\"}",
                        "\"fareId\""));
        return runs;
    }

    private static String rfqId(Map<String, String> answers) {
        try {
            JsonNode answer = JSON.readTree(answers.get("com.wildrydes.lambdas.rfq.SubmitRfqHandler::handleRequest"));
            return JSON.readTree(answer.path("body").asText()).path("rfq-id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String apiEvent(String method, String id, String body) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("httpMethod", method);
        event.put("pathParameters", id == null ? null : Map.of("id", id));
        event.put("body", body);
        return write(event);
    }

    private static String snsEvent(String message) {
        return write(Map.of(
                "Records",
                List.of(Map.of(
                        "EventSource",
                        "aws:sns",
                        "Sns",
                        Map.of(
                                "MessageId",
                                "m-1",
                                "Message",
                                message,
                                "Timestamp",
                                "2026-01-01T00:00:00.000Z",
                                "MessageAttributes",
                                Map.of())))));
    }

    private static String sqsEvent(String body) {
        return write(Map.of(
                "Records",
                List.of(Map.of(
                        "messageId",
                        "m-1",
                        "receiptHandle",
                        "h-1",
                        "body",
                        body,
                        "attributes",
                        Map.of("ApproximateReceiveCount", "1"),
                        "eventSource",
                        "aws:sqs"))));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
