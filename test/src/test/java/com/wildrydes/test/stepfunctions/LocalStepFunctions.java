package com.wildrydes.test.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.local.engines.NodeScriptService;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs and validates Amazon States Language definitions offline, with the Node tools of
 * test/engines (installed by {@link com.wildrydes.test.engines.LocalEngines}).
 */
public final class LocalStepFunctions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(60);

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
        JsonNode result = NodeScriptService.of("run-state-machine.mjs").call(run, LIMIT, line -> {});
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
        JsonNode result = NodeScriptService.of("validate-asl.mjs").call(JSON.readTree(definition), LIMIT, line -> {});
        return result.get("valid").asBoolean() ? null : result.get("errors").asText();
    }
}
