package com.wildrydes.test.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.local.engines.EngineInstall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs and validates Amazon States Language definitions offline, with the Node tools of
 * test/engines (installed by {@link com.wildrydes.test.engines.LocalEngines}).
 */
public final class LocalStepFunctions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalStepFunctions() {}

    /**
     * The outcome of one execution: status, output or error and cause, the states entered in order, every
     * state failure (retried, caught or not), and how many times each Task state ran.
     */
    public record Execution(
            String status,
            JsonNode output,
            String error,
            String cause,
            List<String> states,
            JsonNode failures,
            JsonNode calls) {

        /** How many times the Task state {@code state} ran, retries included. */
        public int calls(String state) {
            return calls.path(state).asInt(0);
        }
    }

    /**
     * A condition the local engines cannot produce, as Step Functions reports it to the state: the listed
     * calls of Task state {@code state} (1 = its first attempt) fail with {@code error} instead of reaching
     * the engine or the function. The definition's own Retry and Catch decide what follows.
     */
    public record Fault(String state, List<Integer> calls, String error) {}

    public static Execution run(String definition, Object input, Map<String, String> endpoints) throws IOException {
        return run(definition, input, endpoints, List.of());
    }

    public static Execution run(String definition, Object input, Map<String, String> endpoints, List<Fault> faults)
            throws IOException {
        Map<String, Object> run = new LinkedHashMap<>(endpoints);
        run.put("definition", JSON.readTree(definition));
        run.put("input", input);
        run.put("faults", faults);
        JsonNode result = node("run-state-machine.mjs", JSON.writeValueAsString(run));
        return new Execution(
                result.get("status").asText(),
                result.get("output"),
                result.hasNonNull("error") ? result.get("error").asText() : null,
                result.hasNonNull("cause") ? result.get("cause").asText() : null,
                JSON.convertValue(result.get("states"), List.class),
                result.get("failures"),
                result.get("calls"));
    }

    /** asl-validator's verdict: null when the definition is valid, else its errors. */
    public static String validationErrors(String definition) throws IOException {
        JsonNode result = node("validate-asl.mjs", definition);
        return result.get("valid").asBoolean() ? null : result.get("errors").asText();
    }

    private static JsonNode node(String script, String argumentFile) throws IOException {
        Path engines = EngineInstall.ensureInstalled();
        Path file = Files.createTempFile("sfn-", ".json");
        Path log = Files.createTempFile("sfn-", ".log");
        try {
            Files.writeString(file, argumentFile, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder("node", script, file.toString())
                    .directory(engines.toFile())
                    .redirectError(log.toFile())
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        script + " failed: " + Files.readString(log) + new String(out, StandardCharsets.UTF_8));
            }
            String[] lines = new String(out, StandardCharsets.UTF_8).strip().split("\n");
            return JSON.readTree(lines[lines.length - 1]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(log);
        }
    }
}
