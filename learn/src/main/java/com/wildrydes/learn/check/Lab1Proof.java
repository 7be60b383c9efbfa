package com.wildrydes.learn.check;

import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.engines.RunningEngines;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Lab 1's behaviour in local mode: after step 4 a posted ride reaches the topic with its fare and
 * distance attributes; after step 5 it reaches all three services; after step 6 a fare-20 ride does
 * not reach extraordinary rides while the workshop's extraordinary ride does. The backends run
 * with FAILURE_RATE 0 here, so that one ride is one invocation.
 */
final class Lab1Proof {

    private Lab1Proof() {}

    static Proof prove(
            LabTemplate t, List<StepResult> results, Path cdkOut, String stackName, RunningEngines engines, String run)
            throws Exception {
        List<StepResult> proven = new ArrayList<>(results);
        List<String> notes = new ArrayList<>();
        LocalSettings settings = LocalSettings.fromSystemProperties()
                .withAsyncRetryDelay(Duration.ofMillis(200))
                .withNamePrefix(run);
        String[] backends = new String[3];
        for (int i = 0; i < 3; i++) {
            Optional<String> function = t.functionWithEnvironment("SERVICE_NAME", Lab1Checks.SERVICE_NAMES[i]);
            backends[i] = function.orElse(null);
            if (function.isPresent()) {
                settings = settings.withEnvironment(function.get(), "FAILURE_RATE", "0");
            }
        }
        try (LocalLab lab = LocalLab.start(cdkOut, stackName, engines, settings)) {
            LocalRides rides = new LocalRides(lab, engines);
            if (!(results.get(0).isDone()
                    && results.get(1).isDone()
                    && results.get(2).isDone())) {
                HttpResponse<String> answer = rides.post(LocalRides.EXTRAORDINARY);
                notes.add("Your stack runs in local mode: the submit API answered " + answer.statusCode()
                        + " to the workshop's ride" + (answer.statusCode() == 201 ? "." : ": " + answer.body()));
                proven.set(
                        3,
                        StepResult.notYet(
                                4, Lab1Checks.TITLES[3], "steps 1 to 3 first: the call publishes to that topic"));
                return new Proof(proven, notes);
            }
            String topicArn = lab.output(Synthesis.probeOutput(onlyTopic(t)));
            String probe = rides.probe(topicArn, run + "probe");
            HttpResponse<String> first = rides.post(LocalRides.EXTRAORDINARY);
            HttpResponse<String> second = rides.post(LocalRides.FARE_20);
            proven.set(3, publishCall(rides, probe, first, second));
            if (!proven.get(3).isDone()) {
                return new Proof(proven, notes);
            }
            if (results.get(4).isDone()) {
                for (int i = 0; i < 2; i++) {
                    int got = rides.awaitInvocations(backends[i], 2, 15);
                    if (got < 2) {
                        proven.set(
                                4,
                                StepResult.wrong(
                                        5,
                                        Lab1Checks.TITLES[4],
                                        "in local mode the " + Lab1Checks.SERVICE_NAMES[i] + " function received " + got
                                                + " of the 2 rides posted"));
                        return new Proof(proven, notes);
                    }
                }
            }
            if (results.get(5).isDone()) {
                int got = rides.awaitInvocations(backends[2], 1, 15);
                Thread.sleep(1500);
                got = rides.invocations(backends[2]);
                if (got != 1) {
                    proven.set(
                            5,
                            StepResult.wrong(
                                    6,
                                    Lab1Checks.TITLES[5],
                                    got == 0
                                            ? "in local mode the workshop's extraordinary ride (fare 256.50, distance 600)"
                                                    + " did not reach extraordinary rides"
                                            : "in local mode a fare-20 ride reached extraordinary rides"));
                } else {
                    proven.set(
                            5,
                            StepResult.done(
                                    6,
                                    Lab1Checks.TITLES[5],
                                    results.get(5).detail()
                                            + "; in local mode the fare-256.50 ride reached extraordinary rides,"
                                            + " the fare-20 ride did not"));
                }
            }
        }
        return new Proof(proven, notes);
    }

    private static StepResult publishCall(
            LocalRides rides, String probe, HttpResponse<String> first, HttpResponse<String> second) {
        String title = Lab1Checks.TITLES[3];
        for (HttpResponse<String> answer : List.of(first, second)) {
            if (answer.statusCode() != 201) {
                return StepResult.wrong(
                        4,
                        title,
                        "in local mode the submit API answered " + answer.statusCode() + " " + answer.body()
                                + " to the workshop's ride, instead of 201");
            }
        }
        List<Message> published = rides.receive(probe, 2, 10);
        if (published.isEmpty()) {
            return StepResult.notYet(
                    4,
                    title,
                    "in local mode the submit function stored the rides and answered 201, but published nothing to"
                            + " the topic: add the publish call to Lab1SubmitRideCompletionHandler.publish");
        }
        for (Message message : published) {
            for (String attribute : List.of("fare", "distance")) {
                MessageAttributeValue value = message.messageAttributes().get(attribute);
                if (value == null || !value.dataType().equals("Number")) {
                    return StepResult.wrong(
                            4,
                            title,
                            "the ride was published without the " + attribute
                                    + " message attribute of type Number, which the filter of step 6 reads"
                                    + (value == null ? "" : " (it has type " + value.dataType() + ")"));
                }
            }
            if (!message.body().contains("\"id\"")) {
                return StepResult.wrong(
                        4, title, "the published message is not the ride as JSON with its id: " + message.body());
            }
        }
        return StepResult.done(4, title, "in local mode each posted ride reached the topic, with fare and distance");
    }

    private static String onlyTopic(LabTemplate t) {
        return t.resources("AWS::SNS::Topic").keySet().iterator().next();
    }
}
