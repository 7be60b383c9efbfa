package com.wildrydes.learn.check;

import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.engines.RunningEngines;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lab 2's behaviour in local mode, once its queues are subscribed and trigger their functions: a
 * ride the customer-accounting function fails on (FAILURE_RATE 1) is received again from its queue
 * and, after the queue's receive count, lands in its dead-letter queue; the other services receive
 * it once (FAILURE_RATE 0); a fare-20 ride does not reach extraordinary rides. The queues' 60 s
 * visibility timeouts run at local mode's time scale of 1/30.
 */
final class Lab2Proof {

    private Lab2Proof() {}

    static Proof prove(
            LabTemplate t, List<StepResult> results, Path cdkOut, String stackName, RunningEngines engines, String run)
            throws Exception {
        List<StepResult> proven = new ArrayList<>(results);
        List<String> notes = new ArrayList<>();
        Map<String, String> functions = new LinkedHashMap<>();
        LocalSettings settings =
                LocalSettings.fromSystemProperties().withTimeScale(1.0 / 30).withNamePrefix(run);
        for (Map.Entry<String, String> service : Lab2Checks.SERVICES.entrySet()) {
            String function = t.functionWithEnvironment("SERVICE_NAME", service.getValue())
                    .orElseThrow();
            functions.put(service.getKey(), function);
            settings = settings.withEnvironment(
                    function, "FAILURE_RATE", service.getKey().equals("CustomerAccounting") ? "1" : "0");
        }
        boolean flowing = results.get(2).isDone() && results.get(4).isDone();
        try (LocalLab lab = LocalLab.start(cdkOut, stackName, engines, settings)) {
            LocalRides rides = new LocalRides(lab, engines);
            HttpResponse<String> answer = rides.post(LocalRides.EXTRAORDINARY);
            notes.add("Your stack runs in local mode: the submit API answered " + answer.statusCode()
                    + " to the workshop's ride" + (answer.statusCode() == 201 ? "." : ": " + answer.body()));
            if (!flowing || answer.statusCode() != 201) {
                return new Proof(proven, notes);
            }
            String accounting = functions.get("CustomerAccounting");
            int received = rides.awaitInvocations(accounting, 2, 20);
            if (received < 2) {
                proven.set(
                        4,
                        StepResult.wrong(
                                5,
                                Lab2Checks.TITLES[4],
                                "in local mode a ride the customer-accounting function failed on was not received"
                                        + " again from its queue (" + received + " invocation)"));
                return new Proof(proven, notes);
            }
            proven.set(
                    4,
                    StepResult.done(
                            5,
                            Lab2Checks.TITLES[4],
                            results.get(4).detail()
                                    + "; in local mode a failed ride was received again from its queue"));
            String queue = Lab2Checks.queueOf(t, "CustomerAccounting").orElseThrow();
            String deadLetterUrl = lab.output(
                    Synthesis.probeOutput(Lab2Checks.deadLetterQueueOf(t, queue).orElseThrow()));
            boolean deadLettered = !rides.receive(deadLetterUrl, 1, 40).isEmpty();
            proven.set(
                    0,
                    deadLettered
                            ? StepResult.done(
                                    1,
                                    Lab2Checks.TITLES[0],
                                    results.get(0).detail() + "; in local mode a ride that kept failing moved to"
                                            + " the dead-letter queue after " + rides.invocations(accounting)
                                            + " receives")
                            : StepResult.wrong(
                                    1,
                                    Lab2Checks.TITLES[0],
                                    "in local mode a ride that kept failing (" + rides.invocations(accounting)
                                            + " receives) never reached the dead-letter queue of " + queue));
            String extraordinary = functions.get("ExtraordinaryRides");
            rides.awaitInvocations(extraordinary, 1, 15);
            HttpResponse<String> fare20 = rides.post(LocalRides.FARE_20);
            int notified = rides.awaitInvocations(functions.get("CustomerNotification"), 2, 15);
            Thread.sleep(1500);
            int extraordinaryCount = rides.invocations(extraordinary);
            if (fare20.statusCode() != 201 || notified < 2 || extraordinaryCount != 1) {
                proven.set(
                        2,
                        StepResult.wrong(
                                3,
                                Lab2Checks.TITLES[2],
                                "in local mode, of the workshop's ride and a fare-20 ride, customer notification"
                                        + " received " + notified + " (expected 2) and extraordinary rides "
                                        + extraordinaryCount + " (expected 1)"));
            } else {
                proven.set(
                        2,
                        StepResult.done(
                                3,
                                Lab2Checks.TITLES[2],
                                results.get(2).detail() + "; in local mode a fare-20 ride did not reach extraordinary"
                                        + " rides"));
            }
        }
        return new Proof(proven, notes);
    }
}
