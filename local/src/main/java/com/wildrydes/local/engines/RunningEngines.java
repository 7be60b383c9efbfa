package com.wildrydes.local.engines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local engines of one test run, each listening on 127.0.0.1 only: dynoxide (DynamoDB) and
 * fauxqs (SNS and SQS), with real AWS SDK clients pointed at them. Closing stops both processes.
 * Started by {@link LocalEngines}.
 */
public final class RunningEngines implements AutoCloseable {

    public static final Region REGION = Region.US_EAST_1;
    private static final Pattern LISTENING = Pattern.compile("listening (http://127\\.0\\.0\\.1:\\d+)");

    private final EngineProcess dynoxide;
    private final EngineProcess fauxqs;
    private final URI dynamoDbEndpoint;
    private final URI snsSqsEndpoint;

    public RunningEngines(Path engines, Path logs) {
        int port = freePort();
        this.dynoxide = EngineProcess.start(
                "dynoxide",
                List.of(
                        engines.resolve("node_modules/@dynoxide/linux-x64/dynoxide")
                                .toString(),
                        "serve",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port)),
                engines,
                logs.resolve("dynoxide.log"));
        this.dynamoDbEndpoint = URI.create("http://127.0.0.1:" + port);
        EngineProcess started = null;
        try {
            // Both start at once and are awaited after: neither waits for the other's start-up.
            // fauxqs picks its own free port and prints it: no race for the port.
            started = EngineProcess.start(
                    "fauxqs",
                    List.of("node", NodeScript.SINGLE_THREADED_GC, "fauxqs-loopback.mjs", "0"),
                    engines,
                    logs.resolve("fauxqs.log"));
            this.dynoxide.awaitPort(port);
            this.snsSqsEndpoint = URI.create(awaitListeningLine(started));
        } catch (RuntimeException e) {
            // Nothing this constructor started outlives its failure.
            if (started != null) {
                started.close();
            }
            dynoxide.close();
            throw e;
        }
        this.fauxqs = started;
    }

    public DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder()
                .endpointOverride(dynamoDbEndpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * A DynamoDB client whose calls pass through {@code interceptor}: how a test makes the real
     * client meet an AWS condition the engine cannot produce (a transaction conflict, throttling).
     */
    public DynamoDbClient dynamoDb(ExecutionInterceptor interceptor) {
        return DynamoDbClient.builder()
                .endpointOverride(dynamoDbEndpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override.addExecutionInterceptor(interceptor))
                .build();
    }

    public SnsClient sns() {
        return SnsClient.builder()
                .endpointOverride(snsSqsEndpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public SqsClient sqs() {
        return SqsClient.builder()
                .endpointOverride(snsSqsEndpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public URI snsSqsEndpoint() {
        return snsSqsEndpoint;
    }

    @Override
    public void close() {
        fauxqs.close();
        dynoxide.close();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }

    private static String awaitListeningLine(EngineProcess engine) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!engine.process().isAlive()) {
                throw new IllegalStateException("fauxqs exited before listening; see " + engine.log());
            }
            try (BufferedReader reader = Files.newBufferedReader(engine.log(), StandardCharsets.UTF_8)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
            } catch (IOException notYet) {
                // the log file appears with the first output
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        engine.close();
        throw new IllegalStateException("fauxqs did not report its address within 30 s; see " + engine.log());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
