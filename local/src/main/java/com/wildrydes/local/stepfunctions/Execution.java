package com.wildrydes.local.stepfunctions;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** One execution: what it was started with and how it ended, or that it was stopped. */
final class Execution {

    record Outcome(String status, Double stopDate, String output, String error, String cause, List<String> states) {}

    private final LocalStateMachine stateMachine;
    private final String arn;
    private final String name;
    private final String input;
    private final double startDate;
    private volatile CompletableFuture<StateMachineExecution> result;
    private volatile Outcome stopped;
    private volatile Double endDate;
    private final List<com.fasterxml.jackson.databind.JsonNode> steps =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    Execution(LocalStateMachine stateMachine, String arn, String name, String input, double startDate) {
        this.stateMachine = stateMachine;
        this.arn = arn;
        this.name = name;
        this.input = input;
        this.startDate = startDate;
    }

    void run(ExecutorService threads) {
        result = CompletableFuture.supplyAsync(() -> stateMachine.execute(arn, input, steps::add), threads)
                .whenComplete((done, failed) -> endDate = StepFunctionsExecutions.now());
    }

    /** The interpreter's state events so far, as they happened (see {@link LocalStateMachine#execute}). */
    List<com.fasterxml.jackson.databind.JsonNode> steps() {
        return List.copyOf(steps);
    }

    LocalStateMachine stateMachine() {
        return stateMachine;
    }

    String arn() {
        return arn;
    }

    String name() {
        return name;
    }

    String input() {
        return input;
    }

    double startDate() {
        return startDate;
    }

    /**
     * Marks the execution aborted, as StopExecution does. The interpreter's run is not cut
     * short: a task already under way finishes, but the execution reports ABORTED from now on.
     */
    synchronized double abort(String error, String cause) {
        Outcome outcome = outcome();
        if (!outcome.status().equals("RUNNING")) {
            return outcome.stopDate() == null ? StepFunctionsExecutions.now() : outcome.stopDate();
        }
        stopped = new Outcome("ABORTED", StepFunctionsExecutions.now(), null, error, cause, List.of());
        return stopped.stopDate();
    }

    Outcome outcome() {
        if (stopped != null) {
            return stopped;
        }
        if (result == null || !result.isDone()) {
            return new Outcome("RUNNING", null, null, null, null, List.of());
        }
        try {
            StateMachineExecution done = result.join();
            return new Outcome(done.status(), endDate, done.output(), done.error(), done.cause(), done.states());
        } catch (RuntimeException e) {
            // The interpreter itself failed (not the execution): reported as a failed execution.
            return new Outcome(
                    "FAILED",
                    endDate,
                    null,
                    "States.Runtime",
                    String.valueOf(e.getCause() == null ? e : e.getCause()),
                    List.of());
        }
    }
}
