package com.wildrydes.local.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the engines' folder's Node scripts (the offline state machine interpreter, the ASL
 * validator, the IAM evaluator) on a JSON argument file and reads its answer: the JSON object on
 * the last line it prints. A script that fails, or outlives its limit, fails the call with what it
 * wrote to standard error.
 */
public final class NodeScript {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * V8's concurrent GC threads cost a short Node process about as much CPU as its work on a
     * two-core machine (bench/synth measured it for the jsii kernel); one GC thread is plenty here.
     */
    static final String SINGLE_THREADED_GC = "--single-threaded-gc";

    private NodeScript() {}

    public static JsonNode run(String script, String argumentJson, Duration limit) {
        return run(script, argumentJson, limit, line -> {});
    }

    /**
     * Runs the script as {@link #run(String, String, Duration)} does, and hands each line it prints
     * (its answer, the last, included) to {@code progress} as soon as it is printed: a state
     * machine's states as the execution enters and leaves them.
     */
    public static JsonNode run(
            String script, String argumentJson, Duration limit, java.util.function.Consumer<String> progress) {
        Path argument = null;
        Path log = null;
        try {
            argument = Files.createTempFile("wild-rydes-node-", ".json");
            log = Files.createTempFile("wild-rydes-node-", ".log");
            Files.writeString(argument, argumentJson, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder("node", SINGLE_THREADED_GC, script, argument.toString())
                    .directory(EngineInstall.ensureInstalled().toFile())
                    .redirectError(log.toFile())
                    .start();
            StringBuilder out = new StringBuilder();
            String last = null;
            try (java.io.BufferedReader lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    out.append(line).append('\n');
                    if (!line.isBlank()) {
                        last = line;
                        tell(progress, line);
                    }
                }
            }
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " failed: " + Files.readString(log) + out);
            }
            return JSON.readTree(last == null ? "" : last);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + script + " ran", e);
        } finally {
            deleteQuietly(argument);
            deleteQuietly(log);
        }
    }

    /** A watcher's failure (the console's) must not cut the script's run short: reported, not thrown. */
    static void tell(java.util.function.Consumer<String> progress, String line) {
        try {
            progress.accept(line);
        } catch (RuntimeException e) {
            System.err.println("Could not pass on the line " + line + ": " + e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind harms nothing
            }
        }
    }
}
