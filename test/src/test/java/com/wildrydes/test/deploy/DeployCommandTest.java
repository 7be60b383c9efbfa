package com.wildrydes.test.deploy;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.test.support.SynthesizedApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/deploy-local.md's first command as a user runs it, in a JVM of its own ({@code DeployMain},
 * what {@code exec:java@deploy} starts): it prints the lines to paste, serves the CDK CLI's
 * {@code cdk bootstrap} through the endpoint it printed, and on Ctrl-C stops with everything it
 * started.
 */
class DeployCommandTest {

    private static final Pattern ENDPOINT = Pattern.compile("^export AWS_ENDPOINT_URL=(http://127\\.0\\.0\\.1:\\d+)$");

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Test
    void printsTheLinesToPasteServesCdkBootstrapAndStopsOnCtrlC() throws Exception {
        Path assembly = SynthesizedApp.cloudAssembly();
        Process command = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "com.wildrydes.local.deploy.DeployMain",
                        "0")
                .redirectErrorStream(true)
                .start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(command.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (java.io.IOException e) {
                // the command's output ended
            }
        });
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (lines.stream().noneMatch(line -> line.startsWith("Serving")) && System.nanoTime() < deadline) {
                assertTrue(command.isAlive(), "the command stopped: " + lines);
                Thread.sleep(200);
            }
            String endpoint = lines.stream()
                    .map(ENDPOINT::matcher)
                    .filter(Matcher::matches)
                    .map(matcher -> matcher.group(1))
                    .findFirst()
                    .orElse(null);
            assertNotNull(endpoint, "the AWS_ENDPOINT_URL line to paste: " + lines);
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("export AWS_ACCESS_KEY_ID=")), lines::toString);

            CdkCli.Result bootstrap = new CdkCli(URI.create(endpoint))
                    .run(List.of("bootstrap", "--app", assembly.toString()))
                    .assertSucceeded();
            assertTrue(bootstrap.output().contains("bootstrapped."), bootstrap.output());

            List<ProcessHandle> started = command.toHandle().descendants().toList();
            new ProcessBuilder("kill", "-INT", Long.toString(command.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            assertTrue(command.waitFor(60, TimeUnit.SECONDS), "the command stopped after Ctrl-C: " + lines);
            for (ProcessHandle process : started) {
                process.onExit().get(10, TimeUnit.SECONDS);
            }
        } finally {
            command.destroyForcibly();
            command.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }
}
