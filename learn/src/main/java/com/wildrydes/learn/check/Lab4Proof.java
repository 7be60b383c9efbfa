package com.wildrydes.learn.check;

import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.stepfunctions.StateMachineExecution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Lab 4's behaviour in local mode: the workshop's sample inputs run through the learner's state
 * machine. After step 3 customer {@code 3} succeeds through NotifySuccess; after step 4
 * {@code 3_fail_auth} fails through SetFareStatusFailed and NotifyFailure; after step 5
 * {@code 3_fail_credit} is refunded before it fails.
 */
final class Lab4Proof {

    private static final String MACHINE = "StartHereStateMachineArn";

    private Lab4Proof() {}

    static Proof prove(
            LabTemplate t,
            List<StepResult> results,
            Path cdkOut,
            String stackName,
            RunningEngines engines,
            String run) {
        List<StepResult> proven = new ArrayList<>(results);
        List<String> notes = new ArrayList<>();
        try (LocalLab lab = LocalLab.start(
                cdkOut, stackName, engines, LocalSettings.fromSystemProperties().withNamePrefix(run))) {
            StateMachineExecution first = execute(lab, "3");
            notes.add("Your stack runs in local mode: customer 3's execution "
                    + first.status().toLowerCase() + ", through " + String.join(", ", first.states()) + ".");
            if (results.get(2).isDone()) {
                proven.set(2, expect(results.get(2), first, "SUCCEEDED", List.of("NotifySuccess", "FareCollected")));
            }
            if (results.get(3).isDone()) {
                proven.set(
                        3,
                        expect(
                                results.get(3),
                                execute(lab, "3_fail_auth"),
                                "FAILED",
                                List.of("SetFareStatusFailed", "NotifyFailure")));
            }
            if (results.get(4).isDone()) {
                proven.set(
                        4,
                        expect(
                                results.get(4),
                                execute(lab, "3_fail_credit"),
                                "FAILED",
                                List.of("RefundFare", "SetFareStatusFailed", "NotifyFailure")));
            }
        }
        return new Proof(proven, notes);
    }

    private static StateMachineExecution execute(LocalLab lab, String customer) {
        String input = "{\"customerId\": \"" + customer + "\", \"fareId\": \"wr_" + UUID.randomUUID()
                + "\", \"fareAmount\": \"$20.00\", \"cc\": \"2424 2424 2424 2424\", \"expiryDate\": \"12/22\", \"cvv\": \"111\"}";
        return lab.startExecution(MACHINE, input);
    }

    private static StepResult expect(
            StepResult step, StateMachineExecution execution, String status, List<String> through) {
        String path = String.join(", ", execution.states());
        if (!execution.status().equals(status) || !execution.states().containsAll(through)) {
            return StepResult.wrong(
                    step.step(),
                    step.title(),
                    "in local mode the execution " + execution.status().toLowerCase() + " through " + path
                            + (execution.error() == null
                                    ? ""
                                    : " (" + execution.error() + ": " + execution.cause() + ")")
                            + "; expected " + status.toLowerCase() + " through " + String.join(", ", through));
        }
        return StepResult.done(step.step(), step.title(), step.detail() + "; in local mode: " + path);
    }
}
