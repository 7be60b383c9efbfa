package com.wildrydes.test.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.local.engines.NodeScriptService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * State machine executions, in local mode and in the tests, share one Node interpreter process per JVM
 * (Node's start and the interpreter's imports cost about as much CPU as a saga's execution): each
 * execution still gets its own answer and state events, a failing or overdue one fails alone, and the
 * interpreter outlives it.
 */
class SharedInterpreterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = "run-state-machine.mjs";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    /** Two Pass states that put the execution's own input into its output. */
    private static Map<String, Object> passing(int n) throws Exception {
        return Map.of(
                "definition",
                JSON.readTree("{\"StartAt\":\"First\",\"States\":{"
                        + "\"First\":{\"Type\":\"Pass\",\"Parameters\":{\"n.$\":\"$.n\"},\"Next\":\"Second\"},"
                        + "\"Second\":{\"Type\":\"Pass\",\"End\":true}}}"),
                "input",
                Map.of("n", n));
    }

    @Test
    void manyExecutionsRunInOneNodeProcess() throws Exception {
        LocalStepFunctions.run(JSON.writeValueAsString(passing(0).get("definition")), Map.of("n", 0), Map.of());
        List<Long> before = interpreters();
        for (int n = 1; n <= 3; n++) {
            LocalStepFunctions.run(JSON.writeValueAsString(passing(n).get("definition")), Map.of("n", n), Map.of());
        }

        assertEquals(1, before.size(), "one interpreter left running for the next execution: " + before);
        assertEquals(before, interpreters(), "the same interpreter ran the next executions");
    }

    @Test
    void concurrentExecutionsEachGetTheirOwnAnswerAndStateEvents() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int n = 0; n < 16; n++) {
                int own = n;
                outcomes.add(threads.submit(() -> {
                    List<String> lines = new CopyOnWriteArrayList<>();
                    JsonNode answer = NodeScriptService.of(SCRIPT).call(passing(own), LIMIT, lines::add);
                    return answer.path("output").path("n").asInt() + " " + answer.path("states") + " " + lines.size();
                }));
            }
            for (int n = 0; n < 16; n++) {
                assertEquals(n + " [\"First\",\"Second\"] 4", outcomes.get(n).get(), "execution " + n);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailingRequestFailsAloneWithTheScriptsReason() throws Exception {
        Map<String, Object> faultOnAPassState = Map.of(
                "definition", passing(1).get("definition"),
                "input", Map.of("n", 1),
                "faults", List.of(Map.of("state", "First", "calls", List.of(1), "error", "States.Timeout")));

        IllegalStateException failure = assertThrows(
                IllegalStateException.class,
                () -> NodeScriptService.of(SCRIPT).call(faultOnAPassState, LIMIT, line -> {}));

        assertTrue(failure.getMessage().contains("Fault for First, which is no Task state"), failure.getMessage());
        assertEquals(
                2,
                NodeScriptService.of(SCRIPT)
                        .call(passing(2), LIMIT, line -> {})
                        .path("output")
                        .path("n")
                        .asInt());
    }

    @Test
    void anExecutionThatOutlivesItsLimitFailsAndTheInterpreterGoesOn() throws Exception {
        Map<String, Object> waiting = Map.of(
                "definition",
                JSON.readTree(
                        "{\"StartAt\":\"Wait\",\"States\":{\"Wait\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}"),
                "input",
                Map.of());

        IllegalStateException failure = assertThrows(
                IllegalStateException.class,
                () -> NodeScriptService.of(SCRIPT).call(waiting, Duration.ofSeconds(1), line -> {}));

        assertTrue(failure.getMessage().contains("no answer within PT1S"), failure.getMessage());
        assertEquals(
                3,
                NodeScriptService.of(SCRIPT)
                        .call(passing(3), LIMIT, line -> {})
                        .path("output")
                        .path("n")
                        .asInt());
    }

    /** This JVM's Node processes running the interpreter. */
    private static List<Long> interpreters() {
        return ProcessHandle.current()
                .descendants()
                .filter(process -> process.info().commandLine().orElse("").contains(SCRIPT))
                .map(ProcessHandle::pid)
                .sorted()
                .toList();
    }
}
