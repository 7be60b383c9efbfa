package com.wildrydes.learn.check;

import static com.wildrydes.learn.check.LabTemplate.hasAction;
import static com.wildrydes.learn.check.LabTemplate.list;
import static com.wildrydes.learn.check.LabTemplate.onResource;
import static com.wildrydes.learn.check.LabTemplate.referencedId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lab 2's five steps (docs/learn-lab2.md), each read from the learner's template. A service's queue
 * is the queue whose construct ID starts with the service's ({@code CustomerAccountingQueue}); the
 * local proof ({@link Lab2Proof}) shows a failed ride retried from its queue and the filter at work.
 */
final class Lab2Checks {

    static final String[] TITLES = {
        "Three queues, each with a dead-letter queue",
        "Queue policies: the topic may send to them",
        "Raw-delivery subscriptions to the topic",
        "Poller permissions for each function",
        "Event source mappings, queue to function"
    };
    /** The services by construct ID, with the SERVICE_NAME of their function. */
    static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("CustomerAccounting", "customer-accounting");
        SERVICES.put("CustomerNotification", "customer-notification");
        SERVICES.put("ExtraordinaryRides", "extraordinary-rides");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> POLLER_ACTIONS =
            Set.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");

    private Lab2Checks() {}

    static List<StepResult> check(LabTemplate t) {
        List<StepResult> results = new ArrayList<>();
        Map<String, String> queues = new LinkedHashMap<>();
        for (String service : SERVICES.keySet()) {
            queueOf(t, service).ifPresent(queue -> queues.put(service, queue));
        }
        String topic =
                t.resources("AWS::SNS::Topic").keySet().stream().findFirst().orElse(null);
        results.add(queues(t, queues));
        if (!results.get(0).isDone()) {
            for (int step = 2; step <= 5; step++) {
                results.add(StepResult.notYet(step, TITLES[step - 1], "step 1 first: the steps below need the queues"));
            }
            return results;
        }
        results.add(policies(t, queues, topic));
        results.add(subscriptions(t, queues, topic));
        results.add(pollerPermissions(t, queues));
        results.add(eventSources(t, queues));
        return results;
    }

    /** The service's queue: a queue whose logical ID starts with the service's ID and that is no dead-letter queue. */
    static Optional<String> queueOf(LabTemplate t, String service) {
        Set<String> deadLetterQueues = deadLetterQueues(t);
        return t.resources("AWS::SQS::Queue").keySet().stream()
                .filter(id -> id.startsWith(service) && !deadLetterQueues.contains(id))
                .findFirst();
    }

    static Optional<String> deadLetterQueueOf(LabTemplate t, String queue) {
        return referencedId(t.properties(queue).path("RedrivePolicy").get("deadLetterTargetArn"));
    }

    private static Set<String> deadLetterQueues(LabTemplate t) {
        Set<String> found = new HashSet<>();
        for (String queue : t.resources("AWS::SQS::Queue").keySet()) {
            deadLetterQueueOf(t, queue).ifPresent(found::add);
        }
        return found;
    }

    private static StepResult queues(LabTemplate t, Map<String, String> queues) {
        String title = TITLES[0];
        if (queues.isEmpty()) {
            return StepResult.notYet(1, title, "no queue in Lab2Stack yet (expected CustomerAccountingQueue, ...)");
        }
        List<String> missing = new ArrayList<>(SERVICES.keySet());
        missing.removeAll(queues.keySet());
        if (!missing.isEmpty()) {
            return StepResult.notYet(
                    1, title, "no queue yet for " + String.join(", ", missing) + " (a construct ID starting so)");
        }
        for (Map.Entry<String, String> queue : queues.entrySet()) {
            JsonNode properties = t.properties(queue.getValue());
            Optional<String> deadLetters = deadLetterQueueOf(t, queue.getValue());
            if (deadLetters.isEmpty()) {
                return StepResult.wrong(
                        1,
                        title,
                        "the queue " + queue.getValue() + " has no dead-letter queue: a ride that keeps failing would"
                                + " be received again and again until it expires, and then be lost");
            }
            int visibility = properties.path("VisibilityTimeout").asInt(30);
            if (visibility < 10) {
                return StepResult.wrong(
                        1,
                        title,
                        "the queue " + queue.getValue() + " hides a received ride for " + visibility
                                + " s, less than its function's 10 s timeout: a ride still being processed would be"
                                + " handed out again");
            }
            if (!properties.path("SqsManagedSseEnabled").asBoolean(false) && !properties.has("KmsMasterKeyId")) {
                return StepResult.wrong(
                        1, title, "the queue " + queue.getValue() + " is not encrypted at rest (.encryption(...))");
            }
        }
        return StepResult.done(1, title, String.join(", ", queues.values()) + ", each with its dead-letter queue");
    }

    private static StepResult policies(LabTemplate t, Map<String, String> queues, String topic) {
        String title = TITLES[1];
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> queue : queues.entrySet()) {
            List<JsonNode> statements = queueStatements(t, queue.getValue());
            List<JsonNode> sends = statements.stream()
                    .filter(s -> hasAction(s, "sqs:SendMessage") || hasAction(s, "sqs:*"))
                    .toList();
            if (sends.isEmpty()) {
                missing.add(queue.getValue());
                continue;
            }
            for (JsonNode send : sends) {
                if (hasAction(send, "sqs:*")) {
                    return StepResult.wrong(
                            2,
                            title,
                            "the policy of " + queue.getValue() + " allows sqs:* (every action): SNS needs"
                                    + " sqs:SendMessage only");
                }
                String principal = send.path("Principal").toString();
                if (!principal.contains("sns.amazonaws.com")) {
                    return StepResult.wrong(
                            2,
                            title,
                            "the policy of " + queue.getValue() + " lets " + principal
                                    + " send: only the SNS service (sns.amazonaws.com) needs to");
                }
                JsonNode source = send.path("Condition").path("ArnEquals").get("aws:SourceArn");
                if (source == null
                        || !referencedId(source).map(id -> id.equals(topic)).orElse(false)) {
                    return StepResult.wrong(
                            2,
                            title,
                            "the policy of " + queue.getValue() + " lets SNS send from any topic, anyone's: add the"
                                    + " condition ArnEquals aws:SourceArn = the ride-completion topic's ARN");
                }
            }
        }
        if (missing.size() == queues.size()) {
            return StepResult.notYet(2, title, "no queue policy lets the topic send yet");
        }
        if (!missing.isEmpty()) {
            return StepResult.notYet(2, title, "no policy yet lets the topic send to " + String.join(", ", missing));
        }
        return StepResult.done(2, title, "sqs:SendMessage for sns.amazonaws.com from the ride-completion topic only");
    }

    private static List<JsonNode> queueStatements(LabTemplate t, String queue) {
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode policy : t.resources("AWS::SQS::QueuePolicy").values()) {
            boolean forQueue = list(policy.path("Properties").get("Queues")).stream()
                    .anyMatch(q -> referencedId(q).map(queue::equals).orElse(false));
            if (forQueue) {
                policy.path("Properties")
                        .path("PolicyDocument")
                        .path("Statement")
                        .forEach(statements::add);
            }
        }
        return statements;
    }

    private static StepResult subscriptions(LabTemplate t, Map<String, String> queues, String topic) {
        String title = TITLES[2];
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> queue : queues.entrySet()) {
            List<JsonNode> subscriptions = t.resources("AWS::SNS::Subscription").values().stream()
                    .map(s -> s.path("Properties"))
                    .filter(p -> referencedId(p.get("Endpoint"))
                            .map(queue.getValue()::equals)
                            .orElse(false))
                    .toList();
            if (subscriptions.isEmpty()) {
                missing.add(queue.getValue());
                continue;
            }
            JsonNode subscription = subscriptions.get(0);
            if (!referencedId(subscription.get("TopicArn"))
                    .map(id -> id.equals(topic))
                    .orElse(false)) {
                return StepResult.wrong(
                        3,
                        title,
                        "the subscription of " + queue.getValue() + " is on " + t.describe(subscription.get("TopicArn"))
                                + ", not on the ride-completion topic");
            }
            if (!subscription.path("RawMessageDelivery").asBoolean(false)) {
                return StepResult.wrong(
                        3,
                        title,
                        "the subscription of " + queue.getValue() + " is without raw message delivery: the function"
                                + " would read SNS's envelope instead of the ride (rawMessageDelivery(true))");
            }
            boolean extraordinary = queue.getKey().equals("ExtraordinaryRides");
            JsonNode filter = subscription.get("FilterPolicy");
            if (extraordinary && filter == null) {
                return StepResult.wrong(
                        3,
                        title,
                        "the extraordinary-rides subscription has no filter: it would receive every ride (use"
                                + " extraordinaryRidesFilter())");
            }
            if (!extraordinary && filter != null) {
                return StepResult.wrong(
                        3,
                        title,
                        "the subscription of " + queue.getValue() + " has a filter policy: only extraordinary rides"
                                + " filters");
            }
            if (extraordinary) {
                try {
                    JsonNode expected = JSON.readTree(Lab1Checks.FILTER);
                    if (!expected.equals(filter)) {
                        return StepResult.wrong(3, title, FilterDifference.describe(expected, filter));
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        if (missing.size() == queues.size()) {
            return StepResult.notYet(3, title, "no queue is subscribed to the topic yet");
        }
        if (!missing.isEmpty()) {
            return StepResult.notYet(3, title, "not subscribed yet: " + String.join(", ", missing));
        }
        return StepResult.done(3, title, "raw delivery to each queue; extraordinary rides through lab 1's filter");
    }

    private static StepResult pollerPermissions(LabTemplate t, Map<String, String> queues) {
        String title = TITLES[3];
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> queue : queues.entrySet()) {
            String service = SERVICES.get(queue.getKey());
            Optional<String> function = t.functionWithEnvironment("SERVICE_NAME", service);
            if (function.isEmpty()) {
                return StepResult.wrong(4, title, "the " + service + " function is gone from the stack");
            }
            List<JsonNode> statements = t.roleStatements(function.get());
            Set<String> granted = new HashSet<>();
            Set<String> elsewhere = new HashSet<>();
            for (JsonNode statement : statements) {
                for (String action : POLLER_ACTIONS) {
                    if (hasAction(statement, action) || hasAction(statement, "sqs:*")) {
                        if (onResource(statement, queue.getValue())) {
                            granted.add(action);
                        } else {
                            list(statement.get("Resource")).forEach(r -> elsewhere.add(t.describe(r)));
                        }
                    }
                }
            }
            if (granted.containsAll(POLLER_ACTIONS)) {
                continue;
            }
            if (!elsewhere.isEmpty()) {
                return StepResult.wrong(
                        4,
                        title,
                        "the " + service + " function may poll " + String.join(", ", elsewhere) + ", not its own queue "
                                + queue.getValue());
            }
            if (!granted.isEmpty()) {
                Set<String> lacking = new HashSet<>(POLLER_ACTIONS);
                lacking.removeAll(granted);
                return StepResult.wrong(
                        4,
                        title,
                        "the " + service + " function's role lacks "
                                + String.join(", ", new java.util.TreeSet<>(lacking)) + " on " + queue.getValue()
                                + ": Lambda's poller needs all three");
            }
            missing.add(service);
        }
        if (missing.size() == queues.size()) {
            return StepResult.notYet(4, title, "no function may read its queue yet");
        }
        if (!missing.isEmpty()) {
            return StepResult.notYet(4, title, "may not read its queue yet: " + String.join(", ", missing));
        }
        return StepResult.done(4, title, "sqs:ReceiveMessage, DeleteMessage, GetQueueAttributes on each own queue");
    }

    private static StepResult eventSources(LabTemplate t, Map<String, String> queues) {
        String title = TITLES[4];
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> queue : queues.entrySet()) {
            String service = SERVICES.get(queue.getKey());
            List<JsonNode> mappings = t.resources("AWS::Lambda::EventSourceMapping").values().stream()
                    .map(m -> m.path("Properties"))
                    .filter(p -> referencedId(p.get("EventSourceArn"))
                            .map(queue.getValue()::equals)
                            .orElse(false))
                    .toList();
            if (mappings.isEmpty()) {
                missing.add(queue.getValue());
                continue;
            }
            JsonNode mapping = mappings.get(0);
            Optional<String> function = t.functionBehind(mapping.get("FunctionName"));
            Optional<String> expected = t.functionWithEnvironment("SERVICE_NAME", service);
            if (!function.equals(expected)) {
                return StepResult.wrong(
                        5,
                        title,
                        queue.getValue() + " triggers " + function.orElse(t.describe(mapping.get("FunctionName")))
                                + ", not the " + service + " function");
            }
            boolean partial = list(mapping.get("FunctionResponseTypes")).stream()
                    .anyMatch(v -> v.asText().equals("ReportBatchItemFailures"));
            if (!partial) {
                return StepResult.wrong(
                        5,
                        title,
                        "the mapping of " + queue.getValue() + " is without ReportBatchItemFailures: Lambda would"
                                + " ignore the failures the function reports, and delete the failed rides with the"
                                + " batch (reportBatchItemFailures(true))");
            }
            if (!mapping.path("ScalingConfig").has("MaximumConcurrency")) {
                return StepResult.wrong(
                        5,
                        title,
                        "the mapping of " + queue.getValue() + " does not bound its consumers: set maxConcurrency(5),"
                                + " the workshop's pool of 5");
            }
        }
        if (missing.size() == queues.size()) {
            return StepResult.notYet(5, title, "no queue triggers its function yet");
        }
        if (!missing.isEmpty()) {
            return StepResult.notYet(5, title, "no event source mapping yet for " + String.join(", ", missing));
        }
        return StepResult.done(
                5, title, "each queue triggers its function, failures reported per ride, at most 5 at once");
    }
}
