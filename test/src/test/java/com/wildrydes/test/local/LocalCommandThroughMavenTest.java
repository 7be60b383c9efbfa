package com.wildrydes.test.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.local.RepositoryRoot;
import com.wildrydes.test.support.SynthesizedApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The local command exactly as printed, not only its main class: the README's {@code local/run}
 * (a plain JVM from the classpath file the build writes, rebuilt first when stale) and the Maven
 * command the README also names and docs/console.md gives ({@code mvn -q -pl local compile exec:java -Dexec.args=...}),
 * whose build runs other plugin executions on the way (the console's npm install) and whose own
 * {@code -Dexec.args} must reach local mode and nothing else. Lab 4, the quickest to start.
 */
class LocalCommandThroughMavenTest {

    @Test
    void theReadmesCommandServesTheLabItNames() throws Exception {
        servesLab4(new ProcessBuilder(
                "local/run",
                "wild-rydes-async-msg-4",
                SynthesizedApp.cloudAssembly().toString(),
                "-Dwildrydes.local.port=0"));
    }

    /** docs/local-mode.md's {@code local/run all}, with a setting ({@code -Dwildrydes.local.timeScale=0.0333}) after it. */
    @Test
    void theRunCommandServesAllFourLabsWithASettingGivenAfterThem() throws Exception {
        serves(
                new ProcessBuilder(
                        "local/run",
                        "all",
                        SynthesizedApp.cloudAssembly().toString(),
                        "-Dwildrydes.local.port=0",
                        "-Dwildrydes.local.timeScale=0.0333"),
                List.of(
                        "wild-rydes-async-msg-1",
                        "wild-rydes-async-msg-2",
                        "wild-rydes-async-msg-3",
                        "wild-rydes-async-msg-4"));
    }

    @Test
    void theMavenCommandServesTheLabItNames() throws Exception {
        servesLab4(new ProcessBuilder(
                "mvn",
                "-B",
                "-q",
                "-Dstyle.color=never",
                "-pl",
                "local",
                "compile",
                "exec:java",
                "-Dwildrydes.local.port=0",
                "-Dexec.args=wild-rydes-async-msg-4 " + SynthesizedApp.cloudAssembly()));
    }

    private static void servesLab4(ProcessBuilder builder) throws Exception {
        serves(builder, List.of("wild-rydes-async-msg-4"));
    }

    private static void serves(ProcessBuilder builder, List<String> stacks) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Process command = builder.directory(RepositoryRoot.path().toFile())
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
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (lines.stream().noneMatch(line -> line.startsWith("Serving;"))
                    && command.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("Serving;")), "the command served: " + lines);
            for (String stack : stacks) {
                assertTrue(
                        lines.stream().anyMatch(line -> line.contains(stack + " up in")),
                        "it started " + stack + ": " + lines);
            }
        } finally {
            List<ProcessHandle> started = command.toHandle().descendants().toList();
            new ProcessBuilder("kill", "-INT", Long.toString(command.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            if (!command.waitFor(60, TimeUnit.SECONDS)) {
                command.destroyForcibly();
            }
            started.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
