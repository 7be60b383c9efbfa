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
 * The README's local command exactly as printed, through Maven ({@code mvn -q -pl local compile
 * exec:java -Dexec.args=...}), not only its main class: the local module's build runs other plugin
 * executions on the way (the console's npm install), and the command's own {@code -Dexec.args} must
 * reach local mode and nothing else. Lab 4, the quickest to start.
 */
class LocalCommandThroughMavenTest {

    @Test
    void theReadmesMavenCommandServesTheLabItNames() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Process command = new ProcessBuilder(
                        "mvn",
                        "-B",
                        "-q",
                        "-Dstyle.color=never",
                        "-pl",
                        "local",
                        "compile",
                        "exec:java",
                        "-Dwildrydes.local.port=0",
                        "-Dexec.args=wild-rydes-async-msg-4 " + SynthesizedApp.cloudAssembly())
                .directory(RepositoryRoot.path().toFile())
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
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (lines.stream().noneMatch(line -> line.startsWith("Serving;"))
                    && command.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(
                    lines.stream().anyMatch(line -> line.startsWith("Serving;")),
                    "the README's Maven command served lab 4: " + lines);
            assertTrue(
                    lines.stream().anyMatch(line -> line.contains("wild-rydes-async-msg-4 up in")),
                    "it started the lab it was given: " + lines);
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
