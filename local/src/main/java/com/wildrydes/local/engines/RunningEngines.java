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
import java.util.function.IntSupplier;
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
    /** What dynoxide prints when the port it was given is in use. */
    private static final String PORT_TAKEN = "already in use";

    private static final int DYNOXIDE_ATTEMPTS = 5;

    private final EngineProcess dynoxide;
    private final EngineProcess fauxqs;
    private final URI dynamoDbEndpoint;
    private final URI snsSqsEndpoint;

    public RunningEngines(Path engines, Path logs) {
        this(engines, logs, RunningEngines::freePort);
    }

    /**
     * As {@link #RunningEngines(Path, Path)}, with dynoxide's port picked by {@code ports}. dynoxide
     * cannot be handed a bound socket, so a port picked free can be taken by another process before
     * dynoxide binds it; dynoxide then exits, and it is started again on the next port picked (at
     * most {@value #DYNOXIDE_ATTEMPTS} times).
     */
    public RunningEngines(Path engines, Path logs, IntSupplier ports) {
        // Both start at once and are awaited after: neither waits for the other's start-up.
        // fauxqs picks its own free port and prints it: no race for the port.
        EngineProcess fauxqsStarted = EngineProcess.start(
                "fauxqs",
                List.of("node", NodeScriptService.SINGLE_THREADED_GC, "fauxqs-loopback.mjs", "0"),
                engines,
                logs.resolve("fauxqs.log"));
        Dynoxide started;
        try {
            started = startDynoxide(engines, logs.resolve("dynoxide.log"), ports);
        } catch (RuntimeException e) {
            fauxqsStarted.close();
            throw e;
        }
        this.dynoxide = started.process();
        this.dynamoDbEndpoint = URI.create("http://127.0.0.1:" + started.port());
        try {
            this.snsSqsEndpoint = URI.create(awaitLine(fauxqsStarted, LISTENING)
                    .orElseThrow(() -> new IllegalStateException("fauxqs exited before listening; see " + logs)));
        } catch (RuntimeException e) {
            // Nothing this constructor started outlives its failure.
            fauxqsStarted.close();
            dynoxide.close();
            throw e;
        }
        this.fauxqs = fauxqsStarted;
    }

    private record Dynoxide(EngineProcess process, int port) {}

    /**
     * Starts dynoxide on a port from {@code ports}, again on another port when the one picked was
     * taken before dynoxide bound it. Listening is known from dynoxide's own line, printed once it
     * holds the port: a connection alone could reach whoever took the port.
     */
    private static Dynoxide startDynoxide(Path engines, Path log, IntSupplier ports) {
        for (int attempt = 1; ; attempt++) {
            int port = ports.getAsInt();
            EngineProcess process = EngineProcess.start(
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
                    log);
            try {
                if (awaitLine(process, Pattern.compile("listening on http://127\\.0\\.0\\.1:" + port + "\\b"))
                        .isPresent()) {
                    process.awaitPort(port);
                    return new Dynoxide(process, port);
                }
            } catch (RuntimeException e) {
                process.close();
                throw e;
            }
            if (attempt == DYNOXIDE_ATTEMPTS || !logContains(log, PORT_TAKEN)) {
                throw new IllegalStateException("dynoxide exited before listening on 127.0.0.1:" + port + " (attempt "
                        + attempt + " of " + DYNOXIDE_ATTEMPTS + "); see " + log);
            }
        }
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

    /**
     * The first match of {@code pattern} in the engine's log (group 1 if the pattern has one), or
     * empty once the engine has exited without printing it; fails after 30 s.
     */
    private static java.util.Optional<String> awaitLine(EngineProcess engine, Pattern pattern) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            // Read whether it lived before reading the log, so that its last words are read too.
            boolean alive = engine.process().isAlive();
            try (BufferedReader reader = Files.newBufferedReader(engine.log(), StandardCharsets.UTF_8)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    Matcher matcher = pattern.matcher(line);
                    if (matcher.find()) {
                        return java.util.Optional.of(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
                    }
                }
            } catch (IOException notYet) {
                // the log file appears with the first output
            }
            if (!alive) {
                return java.util.Optional.empty();
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        engine.close();
        throw new IllegalStateException(
                engine.name() + " did not print /" + pattern + "/ within 30 s; see " + engine.log());
    }

    private static boolean logContains(Path log, String text) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
