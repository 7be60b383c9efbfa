package com.wildrydes.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.wildrydes.test.support.SynthesizedApp;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lambda stops a function at its timeout: a timed-out invocation makes no AWS call after its
 * deadline, whatever its code does. Local mode keeps the handler's thread (Java cannot stop one)
 * and interrupts it; the SDK aborts calls on an interrupted thread, but a handler that swallows the
 * interrupt (a {@code catch (InterruptedException e) {}} around a sleep, a common slip in
 * learners' code) went on calling AWS after its deadline. The handler here, compiled into a copy of
 * lab 3's deadline function jar (its SDK), calls DynamoDB twice, swallowing what fails and any
 * interrupt in between; DynamoDB answers each call after 4 s, the function times out after 3 s:
 * its second call must not reach DynamoDB.
 */
class InvocationDeadlineTest {

    private static final String DEADLINE_FUNCTION = "RideBookingDeadlineFunctionCF17F978";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final long DYNAMODB_ANSWERS_AFTER_MILLIS = 4000;

    private static final String HANDLER = """
            package deadlinetest;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
            import com.amazonaws.services.lambda.runtime.events.SQSEvent;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;
            import java.util.List;
            import java.util.Map;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

            public class SwallowingHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
                // builder(), as our handlers build theirs: the jar keeps only the SDK methods its handler calls.
                private final DynamoDbClient dynamoDb = DynamoDbClient.builder().build();

                @Override
                public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
                    for (int call = 1; call <= 2; call++) {
                        String outcome;
                        try {
                            dynamoDb.getItem(get -> get.tableName("RidesBooking")
                                    .key(Map.of("id", AttributeValue.fromS("x"), "responder", AttributeValue.fromS("-"))));
                            outcome = "sent";
                        } catch (RuntimeException e) {
                            outcome = "failed: " + e.getMessage();
                        }
                        try {
                            Files.writeString(Path.of(System.getenv("OUTCOMES")), "call " + call + " " + outcome + "\\n",
                                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException swallowed) {
                            // the slip: the interrupt is lost here
                        }
                    }
                    return SQSBatchResponse.builder().withBatchItemFailures(List.of()).build();
                }
            }
            """;

    @Test
    void aTimedOutInvocationSendsNoAwsCallAfterItsDeadline(@TempDir Path work) throws Exception {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        HttpServer slowDynamoDb = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slowDynamoDb.setExecutor(Executors.newCachedThreadPool());
        slowDynamoDb.createContext("/", exchange -> {
            arrivals.add(System.currentTimeMillis());
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(DYNAMODB_ANSWERS_AFTER_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        slowDynamoDb.start();
        Path jar = functionJarWithTheHandler(work);
        Path outcomes = work.resolve("outcomes.txt");
        try (LocalFunction function = new LocalFunction(
                "deadline-test",
                "arn:aws:lambda:us-east-1:000000000000:function:deadline-test",
                "deadlinetest.SwallowingHandler::handleRequest",
                jar,
                Map.of(
                        "AWS_REGION", "us-east-1",
                        "AWS_ACCESS_KEY_ID", "local",
                        "AWS_SECRET_ACCESS_KEY", "local",
                        "AWS_ENDPOINT_URL_DYNAMODB",
                                "http://127.0.0.1:" + slowDynamoDb.getAddress().getPort(),
                        "OUTCOMES", outcomes.toString()),
                TIMEOUT,
                seconds -> seconds)) {
            function.initialiseAhead().get();

            LocalFunction.Invocation invocation = function.invoke("{\"Records\":[]}");
            // The handler's thread goes on after the timeout: wait for its second call's outcome.
            List<String> lines = List.of();
            for (long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                    lines.size() < 2 && System.nanoTime() < until; ) {
                Thread.sleep(100);
                lines = Files.exists(outcomes) ? Files.readAllLines(outcomes) : List.of();
            }

            assertEquals("Sandbox.Timedout", invocation.errorType(), invocation.errorJson());
            assertEquals(2, lines.size(), "the handler made both calls: " + lines);
            // The first call started before the deadline and ended at it or after it (DynamoDB answers late):
            // the second call came after the deadline and must not have been sent.
            assertTrue(
                    lines.get(1).startsWith("call 2 failed: local mode: this invocation timed out"),
                    "the call after the deadline was not sent: " + lines);
            assertTrue(arrivals.size() <= 1, "only the call made before the deadline may reach DynamoDB: " + lines);
        } finally {
            slowDynamoDb.stop(0);
        }
    }

    /** Lab 3's deadline function jar (its SDK and runtime libraries) with the handler above compiled into it. */
    private static Path functionJarWithTheHandler(Path work) throws IOException {
        Path cdkOut = SynthesizedApp.cloudAssembly();
        JsonNode template = new ObjectMapper()
                .readTree(cdkOut.resolve("wild-rydes-async-msg-3.template.json").toFile());
        Path assetJar = cdkOut.resolve("asset."
                + template.path("Resources")
                        .path(DEADLINE_FUNCTION)
                        .path("Properties")
                        .path("Code")
                        .path("S3Key")
                        .asText());
        Path source = work.resolve("src/deadlinetest/SwallowingHandler.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, HANDLER);
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "a JDK's compiler");
        int status =
                compiler.run(null, null, null, "-cp", assetJar.toString(), "-d", classes.toString(), source.toString());
        assertEquals(0, status, "the test handler compiles against the function's jar");
        Path jar = work.resolve("function.jar");
        try (JarFile asset = new JarFile(assetJar.toFile());
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Enumeration<JarEntry> entries = asset.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                out.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream in = asset.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("deadlinetest/SwallowingHandler.class"));
            Files.copy(classes.resolve("deadlinetest/SwallowingHandler.class"), out);
            out.closeEntry();
        }
        return jar;
    }
}
