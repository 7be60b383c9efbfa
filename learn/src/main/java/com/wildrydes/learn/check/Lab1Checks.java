package com.wildrydes.learn.check;

import static com.wildrydes.learn.check.LabTemplate.hasAction;
import static com.wildrydes.learn.check.LabTemplate.onResource;
import static com.wildrydes.learn.check.LabTemplate.referencedId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lab 1's six steps (docs/learn-lab1.md), each read from the learner's template. Steps 4 to 6 are
 * also proven in local mode by {@link Lab1Proof}: the publish call is code, not template.
 */
final class Lab1Checks {

    static final String[] TITLES = {
        "The ride-completion topic",
        "The submit function may publish to it",
        "TOPIC_ARN in the submit function's environment",
        "The publish call in the submit function",
        "Three subscriptions, one per backend service",
        "The extraordinary-rides filter policy"
    };
    static final Map<String, String> SERVICES = Map.of(
            "customer-accounting", "CustomerAccounting",
            "customer-notification", "CustomerNotification",
            "extraordinary-rides", "ExtraordinaryRides");
    static final String[] SERVICE_NAMES = {"customer-accounting", "customer-notification", "extraordinary-rides"};
    static final String FILTER =
            "{\"fare\": [{\"numeric\": [\">=\", 50]}], \"distance\": [{\"numeric\": [\">=\", 20]}]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Lab1Checks() {}

    static List<StepResult> check(LabTemplate t) {
        List<StepResult> results = new ArrayList<>();
        Optional<String> submit = t.functionWithHandler("SubmitRideCompletion");
        Map<String, JsonNode> topics = t.resources("AWS::SNS::Topic");
        String topic = topics.size() == 1 ? topics.keySet().iterator().next() : null;

        results.add(topic(t, topics));
        if (topic == null || submit.isEmpty()) {
            String why = submit.isEmpty()
                    ? "no function with the submit handler (SubmitRideCompletion) in the stack"
                    : "step 1 first: the steps below need the topic";
            for (int step = 2; step <= 6; step++) {
                results.add(StepResult.notYet(step, TITLES[step - 1], why));
            }
            return results;
        }
        results.add(publishPermission(t, submit.get(), topic));
        results.add(topicArnVariable(t, submit.get(), topic));
        results.add(StepResult.notYet(
                4,
                TITLES[3],
                "proven in local mode only (a ride posted to the API must reach the topic); "
                        + "run the check without --template-only"));
        results.add(subscriptions(t, topic));
        results.add(filter(t, topic));
        return results;
    }

    private static StepResult topic(LabTemplate t, Map<String, JsonNode> topics) {
        String title = TITLES[0];
        if (topics.isEmpty()) {
            return StepResult.notYet(1, title, "no SNS topic (AWS::SNS::Topic) in Lab1Stack yet");
        }
        if (topics.size() > 1) {
            return StepResult.wrong(
                    1,
                    title,
                    topics.size() + " topics (" + String.join(", ", topics.keySet())
                            + "): lab 1 publishes every ride to one topic, which all three services subscribe to");
        }
        String id = topics.keySet().iterator().next();
        if (!t.properties(id).has("KmsMasterKeyId")) {
            return StepResult.wrong(
                    1, title, "the topic " + id + " is not encrypted at rest: give it a KMS key (.masterKey(key))");
        }
        boolean tlsOnly = t.resources("AWS::SNS::TopicPolicy").values().stream()
                .anyMatch(policy -> LabTemplate.list(policy.path("Properties").get("Topics")).stream()
                                .anyMatch(
                                        ref -> referencedId(ref).map(id::equals).orElse(false))
                        && policy.toString().contains("aws:SecureTransport"));
        if (!tlsOnly) {
            return StepResult.wrong(
                    1, title, "the topic " + id + " accepts requests without TLS: build it with .enforceSsl(true)");
        }
        return StepResult.done(1, title, "topic " + id + ", encrypted with its KMS key, TLS only");
    }

    private static StepResult publishPermission(LabTemplate t, String submit, String topic) {
        String title = TITLES[1];
        List<JsonNode> statements = t.roleStatements(submit);
        List<JsonNode> publish = statements.stream()
                .filter(s -> hasAction(s, "sns:Publish") || hasAction(s, "sns:*"))
                .toList();
        if (publish.isEmpty()) {
            return StepResult.notYet(
                    2, title, "the submit function's role has no sns:Publish yet (" + submit + "'s role)");
        }
        if (publish.stream().anyMatch(s -> s.path("Resource").asText("").equals("*"))) {
            return StepResult.wrong(
                    2,
                    title,
                    "the submit function may publish to every topic (Resource '*'): grant sns:Publish on the"
                            + " ride-completion topic only");
        }
        if (publish.stream().noneMatch(s -> onResource(s, topic))) {
            return StepResult.wrong(
                    2,
                    title,
                    "sns:Publish is granted on "
                            + t.describe(publish.get(0).get("Resource"))
                            + ", not on the ride-completion topic " + topic);
        }
        Optional<String> key = referencedId(t.properties(topic).get("KmsMasterKeyId"));
        if (key.isPresent()) {
            boolean generate = statements.stream()
                    .anyMatch(s -> (hasAction(s, "kms:GenerateDataKey") || hasAction(s, "kms:GenerateDataKey*"))
                            && onResource(s, key.get()));
            boolean decrypt =
                    statements.stream().anyMatch(s -> hasAction(s, "kms:Decrypt") && onResource(s, key.get()));
            if (!generate || !decrypt) {
                return StepResult.wrong(
                        2,
                        title,
                        "the submit function may call sns:Publish but not use the topic's key " + key.get()
                                + ": publishing to an encrypted topic also needs kms:GenerateDataKey and kms:Decrypt on"
                                + " it (TopicGrants.grantPublish or topic.grantPublish grant both)");
            }
        }
        return StepResult.done(2, title, "sns:Publish on " + topic + (key.isPresent() ? ", and its key" : ""));
    }

    private static StepResult topicArnVariable(LabTemplate t, String submit, String topic) {
        String title = TITLES[2];
        JsonNode value =
                t.properties(submit).path("Environment").path("Variables").get("TOPIC_ARN");
        if (value == null) {
            return StepResult.notYet(3, title, "the submit function has no TOPIC_ARN environment variable yet");
        }
        if (!(value.has("Ref") && value.get("Ref").asText().equals(topic))) {
            return StepResult.wrong(
                    3,
                    title,
                    "TOPIC_ARN is " + t.describe(value) + ", not the ride-completion topic's ARN: set it to"
                            + " topic.getTopicArn()");
        }
        return StepResult.done(3, title, "TOPIC_ARN = the ARN of " + topic);
    }

    private static StepResult subscriptions(LabTemplate t, String topic) {
        String title = TITLES[4];
        List<String> missing = new ArrayList<>();
        for (String service : SERVICE_NAMES) {
            Optional<String> function = t.functionWithEnvironment("SERVICE_NAME", service);
            if (function.isEmpty()) {
                return StepResult.wrong(5, title, "the " + service + " function is gone from the stack");
            }
            List<Map.Entry<String, JsonNode>> subscriptions = subscriptionsOf(t, function.get());
            if (subscriptions.isEmpty()) {
                missing.add(service);
                continue;
            }
            if (subscriptions.size() > 1) {
                return StepResult.wrong(
                        5,
                        title,
                        "the " + service + " function is subscribed " + subscriptions.size()
                                + " times: it would receive each ride " + subscriptions.size()
                                + " times (is one of the subscriptions meant for another service?)");
            }
            for (Map.Entry<String, JsonNode> subscription : subscriptions) {
                JsonNode on = subscription.getValue().path("Properties").get("TopicArn");
                if (!referencedId(on).map(topic::equals).orElse(false)) {
                    return StepResult.wrong(
                            5,
                            title,
                            "the " + service + " subscription " + subscription.getKey() + " is on " + t.describe(on)
                                    + ", not on the ride-completion topic " + topic);
                }
            }
            boolean invokable = t.resources("AWS::Lambda::Permission").values().stream()
                    .anyMatch(
                            p -> p.path("Properties").path("Principal").asText().equals("sns.amazonaws.com")
                                    && t.functionBehind(p.path("Properties").get("FunctionName"))
                                            .map(function.get()::equals)
                                            .orElse(false));
            if (!invokable) {
                return StepResult.wrong(
                        5,
                        title,
                        "SNS may not invoke the " + service + " function: no Lambda permission for"
                                + " sns.amazonaws.com (a LambdaSubscription or FilteredSubscription adds it)");
            }
        }
        if (missing.size() == SERVICE_NAMES.length) {
            return StepResult.notYet(5, title, "no subscription on the topic yet");
        }
        if (!missing.isEmpty()) {
            return StepResult.notYet(5, title, "no subscription yet for " + String.join(", ", missing));
        }
        return StepResult.done(5, title, "customer accounting, customer notification and extraordinary rides");
    }

    private static StepResult filter(LabTemplate t, String topic) {
        String title = TITLES[5];
        for (String service : new String[] {"customer-accounting", "customer-notification"}) {
            Optional<String> function = t.functionWithEnvironment("SERVICE_NAME", service);
            if (function.isPresent()
                    && subscriptionsOf(t, function.get()).stream()
                            .anyMatch(s -> s.getValue().path("Properties").has("FilterPolicy"))) {
                return StepResult.wrong(
                        6,
                        title,
                        "the " + service + " subscription has a filter policy: it must receive every ride;"
                                + " only extraordinary rides filters");
            }
        }
        Optional<String> extraordinary = t.functionWithEnvironment("SERVICE_NAME", "extraordinary-rides");
        List<Map.Entry<String, JsonNode>> subscriptions =
                extraordinary.map(f -> subscriptionsOf(t, f)).orElse(List.of());
        if (subscriptions.isEmpty()) {
            return StepResult.notYet(6, title, "step 5 first: extraordinary rides has no subscription yet");
        }
        JsonNode properties = subscriptions.get(0).getValue().path("Properties");
        JsonNode policy = properties.get("FilterPolicy");
        if (policy == null) {
            return StepResult.notYet(6, title, "the extraordinary-rides subscription has no filter policy yet");
        }
        if (properties.path("FilterPolicyScope").asText("MessageAttributes").equals("MessageBody")) {
            return StepResult.wrong(
                    6,
                    title,
                    "the filter applies to the message body; the fare and distance are message attributes"
                            + " (scope MessageAttributes, the default)");
        }
        try {
            JsonNode expected = JSON.readTree(FILTER);
            if (!expected.equals(policy)) {
                return StepResult.wrong(6, title, FilterDifference.describe(expected, policy));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return StepResult.done(6, title, "fare >= 50 and distance >= 20, on the message attributes");
    }

    /** The topic subscriptions whose endpoint is the function (directly, or through its alias). */
    static List<Map.Entry<String, JsonNode>> subscriptionsOf(LabTemplate t, String function) {
        return t.resources("AWS::SNS::Subscription").entrySet().stream()
                .filter(s -> t.functionBehind(s.getValue().path("Properties").get("Endpoint"))
                        .map(function::equals)
                        .orElse(false))
                .toList();
    }
}
