package com.wildrydes.test.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.test.support.SynthesizedApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's local command as a learner runs it, in a JVM of its own on lab 1's synthesized
 * template: it prints the stack's outputs with local values and the engines' endpoints, serves the
 * lab's API, prints each function's log lines prefixed with the function's name, and on Ctrl-C
 * (SIGINT) stops every process it started and exits.
 */
class LocalCommandTest {

    private static final String RIDE =
            "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": 256.50}";
    private static final Pattern SUBMIT_ENDPOINT = Pattern.compile(
            "^  UnicornManagementServiceApiSubmitRideCompletionEndpoint = (http://127\\.0\\.0\\.1:\\d+/\\S+)$");
    private static final Pattern CONSOLE_PAGE =
            Pattern.compile("^Console .*: (http://127\\.0\\.0\\.1:\\d+/labs/wild-rydes-async-msg-1)$");
    private static final Pattern FUNCTION_LINE = Pattern.compile("^\\[([^\\]]+)\\] .*\"ride-message\".*");

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Test
    void servesLabOneUntilCtrlCThenStopsEverythingItStarted() throws Exception {
        Process command = start("-Dwildrydes.local.asyncRetryDelay=PT0.2S", "wild-rydes-async-msg-1");
        try {
            awaitLine(line -> line.startsWith("Serving;"), Duration.ofSeconds(90));
            String endpoint = lines.stream()
                    .map(SUBMIT_ENDPOINT::matcher)
                    .filter(Matcher::matches)
                    .map(matcher -> matcher.group(1))
                    .findFirst()
                    .orElse(null);
            assertNotNull(endpoint, "the submit endpoint under its output key, as a local URL: " + lines);
            assertTrue(
                    lines.stream().anyMatch(line -> line.matches("^  export AWS_ENDPOINT_URL=http://localhost:\\d+$")),
                    "the endpoint line to paste: " + lines);
            assertTrue(
                    lines.contains("  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local"),
                    "the dummy credentials to paste: " + lines);
            assertTrue(
                    lines.contains("  export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1"),
                    "the region to paste: " + lines);
            assertTrue(
                    lines.stream().anyMatch(line -> line.matches("^  dynamodb  http://127\\.0\\.0\\.1:\\d+.*")),
                    lines::toString);
            assertTrue(
                    lines.stream().anyMatch(line -> line.matches("^  sns, sqs  http://127\\.0\\.0\\.1:\\d+.*")),
                    lines::toString);
            String page = lines.stream()
                    .map(CONSOLE_PAGE::matcher)
                    .filter(Matcher::matches)
                    .map(matcher -> matcher.group(1))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the console's URL: " + lines));
            HttpResponse<String> console = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(page)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, console.statusCode(), console.body());
            assertTrue(console.body().contains("Wild Rydes local console"), console.body());

            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(endpoint))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(RIDE))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(201, response.statusCode(), response.body());
            // Each of the three services logs the ride (processed, or the demo's random failure before a retry).
            awaitLine(line -> functionsThatLoggedTheRide().size() >= 3, Duration.ofSeconds(30));

            List<ProcessHandle> started = command.toHandle().descendants().toList();
            assertFalse(started.isEmpty(), "the command started the engines");
            new ProcessBuilder("kill", "-INT", Long.toString(command.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();

            // Its shutdown waits up to 5 s for each event source and invoker and 10 s for each engine:
            // on a loaded 2-core machine those add up past 30 s (seen once), so the limit is their sum.
            assertTrue(command.waitFor(60, TimeUnit.SECONDS), "the command stopped after Ctrl-C: " + lines);
            for (ProcessHandle process : started) {
                try {
                    process.onExit().get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("still running 10 s after Ctrl-C: " + process.info(), e);
                }
            }
        } finally {
            command.destroyForcibly();
            command.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * Starts the local command as {@code local/run} starts it, on any free port with those settings
     * ({@code -D...}) and stacks, on the synthesized app; its output lines are collected in {@link #lines}.
     */
    private Process start(String... arguments) throws java.io.IOException {
        List<String> settings = new java.util.ArrayList<>(
                // Any free port: 4566 may be held by another run on the same machine.
                List.of("-Dwildrydes.local.port=0"));
        List.of(arguments).stream()
                .filter(argument -> argument.startsWith("-D"))
                .forEach(settings::add);
        List<String> stacks = new java.util.ArrayList<>();
        List.of(arguments).stream()
                .filter(argument -> !argument.startsWith("-D"))
                .forEach(stacks::add);
        stacks.add(SynthesizedApp.cloudAssembly().toString());
        List<String> commandLine = LocalRunJvm.command(settings, stacks);
        Process command =
                new ProcessBuilder(commandLine).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(command.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (java.io.IOException e) {
                // the command's output ended
            }
        });
        reader.start();
        return command;
    }

    /** Several labs in one command: each gets its own console page, on the one console server. */
    @Test
    void eachLabOfOneCommandHasItsConsolePage() throws Exception {
        Process command = start("wild-rydes-async-msg-1", "wild-rydes-async-msg-2");
        try {
            awaitLine(line -> line.startsWith("Serving;"), Duration.ofSeconds(120));
            Pattern consolePage = Pattern.compile("^Console .*: (http://127\\.0\\.0\\.1:\\d+/labs/(\\S+))$");
            Map<String, String> pages = new java.util.TreeMap<>();
            lines.stream()
                    .map(consolePage::matcher)
                    .filter(Matcher::matches)
                    .forEach(matcher -> pages.put(matcher.group(2), matcher.group(1)));
            assertEquals(
                    List.of("wild-rydes-async-msg-1", "wild-rydes-async-msg-2"),
                    List.copyOf(pages.keySet()),
                    "a console line per lab: " + lines);
            for (String page : pages.values()) {
                HttpResponse<String> console = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(page)).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                assertEquals(200, console.statusCode(), page + ": " + console.body());
                assertTrue(console.body().contains("Wild Rydes local console"), console.body());
            }
        } finally {
            command.destroyForcibly();
            command.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * A setting, stack or cloud assembly the command cannot use stops it at once, before it starts
     * any engine, with exit status 2 and one message that names what was given and what was
     * expected: never a stack trace, never a hang.
     */
    @Test
    void refusesWhatItCannotUseWithAMessageNamingItAndNoStackTrace() throws Exception {
        String lab1 = "wild-rydes-async-msg-1";
        String assembly = SynthesizedApp.cloudAssembly().toString();
        for (String scale : List.of("fast", "0", "-1", "NaN", "2", "1e308", "")) {
            assertRefused(
                    List.of("-Dwildrydes.local.timeScale=" + scale, lab1, assembly),
                    "wildrydes.local.timeScale",
                    "'" + scale + "'");
        }
        for (String delay : List.of("soon", "PT-1S", "P9999999D")) {
            assertRefused(
                    List.of("-Dwildrydes.local.asyncRetryDelay=" + delay, lab1, assembly),
                    "wildrydes.local.asyncRetryDelay",
                    "'" + delay + "'");
        }
        assertRefused(
                List.of("-Dwildrydes.local.iamDenials=maybe", lab1, assembly), "wildrydes.local.iamDenials", "'maybe'");
        assertRefused(
                List.of("-Dwildrydes.local.consolePort=http", lab1, assembly), "wildrydes.local.consolePort", "'http'");
        assertRefused(List.of("wild-rydes-async-msg-9", assembly), "wild-rydes-async-msg-9", lab1);
        assertRefused(List.of(lab1, "wild-rydes-async-msg-9", assembly), "wild-rydes-async-msg-9", lab1);
        for (String port : List.of("http", "-1", "65536", "")) {
            assertRefused(
                    List.of("-Dwildrydes.local.port=" + port, lab1, assembly),
                    "wildrydes.local.port",
                    "'" + port + "'");
        }
        // A port something else holds: refused before any engine starts, naming the port and the setting.
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            assertRefused(
                    List.of("-Dwildrydes.local.port=" + port, lab1, assembly),
                    "port " + port,
                    "already in use",
                    "-Dwildrydes.local.port=");
        }
        // The console's port taken: refused before any engine starts, naming it.
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            assertRefused(
                    List.of("-Dwildrydes.local.port=0", "-Dwildrydes.local.consolePort=" + port, lab1, assembly),
                    "console",
                    "127.0.0.1:" + port);
        }
        Path nowhere = Files.createTempDirectory("no-cloud-assembly");
        assertRefused(List.of(lab1, nowhere.toString()), nowhere.toString(), "npx cdk synth");

        // A template that is not one of ours: a Python function with inline code, and a resource type local mode does
        // not know.
        Path foreign = Files.createTempDirectory("foreign-cloud-assembly");
        Files.writeString(foreign.resolve("manifest.json"), """
                {"version": "48.0.0", "artifacts": {"foreign": {"type": "aws:cloudformation:stack",
                  "properties": {"templateFile": "foreign.template.json"}}}}""");
        Files.writeString(foreign.resolve("foreign.template.json"), """
                {"Resources": {"Inline": {"Type": "AWS::Lambda::Function", "Properties": {
                  "Runtime": "python3.12", "Handler": "index.handler", "Role": "arn:aws:iam::1:role/r",
                  "Code": {"ZipFile": "def handler(e, c): return 1"}}}}}""");
        assertRefused(List.of("foreign", foreign.toString()), "Inline", "python3.12");
        Files.writeString(foreign.resolve("foreign.template.json"), """
                {"Resources": {"Bucket": {"Type": "AWS::S3::Bucket"}}}""");
        assertRefused(List.of("foreign", foreign.toString()), "Bucket", "AWS::S3::Bucket");
    }

    private static void assertRefused(List<String> arguments, String... named) throws Exception {
        List<String> command = LocalRunJvm.command(
                arguments.stream().filter(argument -> argument.startsWith("-D")).toList(),
                arguments.stream()
                        .filter(argument -> !argument.startsWith("-D"))
                        .toList());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        }
        assertTrue(ended, arguments + ": the command did not stop within 60 s: " + output);
        assertEquals(2, process.exitValue(), arguments + ": " + output);
        assertFalse(
                output.contains("\tat ") || output.contains("Exception in thread"),
                arguments + ": a stack trace: " + output);
        assertFalse(output.contains("Serving;"), arguments + ": " + output);
        for (String name : named) {
            assertTrue(output.contains(name), arguments + ": the message does not name " + name + ": " + output);
        }
    }

    private Set<String> functionsThatLoggedTheRide() {
        return lines.stream()
                .map(FUNCTION_LINE::matcher)
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1))
                .collect(Collectors.toSet());
    }

    private void awaitLine(Predicate<String> wanted, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (lines.stream().noneMatch(wanted)) {
            assertTrue(System.nanoTime() < deadline, "waited " + wait + " in vain; the command printed: " + lines);
            Thread.sleep(50);
        }
    }
}
