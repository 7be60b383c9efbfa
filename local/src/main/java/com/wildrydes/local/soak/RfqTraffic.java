package com.wildrydes.local.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.engines.RunningEngines;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Lab 3: requests for quotes from the workshop's app, every demo responder available and quick.
 * The invariants: each accepted request closes once and publishes its completion event, one event
 * (all answered, or at its deadline): every copy of it the same message, so that a subscriber keyed
 * on {@code rfq-id}, as this one is, processes one; copies are counted as duplicates (the lab
 * publishes at least once: docs/reliability.md). Each quote is recorded once (the query's quotes name
 * distinct expected responders, as many as it counts answered). A deadline message dead-lettered
 * after its receives failed is redriven to its queue, as the operator's section of the README does
 * (counted as a dead letter), so a request it alone could close is not lost.
 */
final class RfqTraffic implements LabTraffic {

    private static final String SUBMIT = "RideBookingSubmitFunction507354A7";
    private static final String REQUEST = "{\"from\": \"Frankfurt\", \"to\": \"Las Vegas\", \"customer\": \"cmr\"}";
    private static final int RESPONDERS = 10;
    /**
     * The soak's time scale. Lab 3's queues keep their visibility timeout at six times the consumers'
     * 10 s timeout, and the publish claim relies on it: a redelivery must come after the claimer's
     * invocation is over. At 1/3 the timeout is 20 s, still twice the function's (1/6 made it equal:
     * a slow closing delivery and its redelivery then both published). Local mode does not scale the
     * functions' timeouts or the clock they read.
     */
    private static final double TIME_SCALE = 1.0 / 3;
    /**
     * The request's deadline (real seconds; the template's 2 minutes would make a settle take minutes).
     * Its deadline message, delayed on the time scale, arrives early (5 s), fails and is redelivered
     * after the scaled visibility timeout (20 s), past the deadline: it closes what every responder
     * did not.
     */
    private static final int DEADLINE_SECONDS = 15;

    private final Map<String, Long> accepted = new ConcurrentHashMap<>();
    private final Map<String, Integer> completions = new ConcurrentHashMap<>();
    /** The first completion event seen for each request: every further copy must be the same message. */
    private final Map<String, String> firstEvent = new ConcurrentHashMap<>();
    /** Requests that published two different completion events. */
    private final Set<String> differing = ConcurrentHashMap.newKeySet();

    private final Map<String, Long> completedAt = new ConcurrentHashMap<>();
    /** Why each request closed, as its completion event says. */
    private final Map<String, String> reasons = new ConcurrentHashMap<>();
    /** Quotes in the response dead-letter queue, as {@code rfq-id responder}: not recorded, and counted. */
    private final Set<String> deadLettered = ConcurrentHashMap.newKeySet();

    private String completionQueue;

    @Override
    public String stack() {
        return "wild-rydes-async-msg-3";
    }

    @Override
    public double requestsPerSecond() {
        return 0.5;
    }

    @Override
    public LocalSettings settings(LocalSettings base) {
        // Queues' 60 s visibility timeouts at 20 s: a failed quote or close is retried 20 s later.
        LocalSettings settings = base.withTimeScale(TIME_SCALE)
                .withAsyncRetryDelay(Duration.ofSeconds(1))
                .withEnvironment(SUBMIT, "DEADLINE_SECONDS", Integer.toString(DEADLINE_SECONDS));
        for (int i = 1; i <= RESPONDERS; i++) {
            String responder = responder(i);
            settings = settings.withEnvironment(responder, "AVAILABILITY", "1")
                    .withEnvironment(responder, "MAX_DELAY_SECONDS", "1");
        }
        return settings;
    }

    private static String responder(int i) {
        return RESPONDER_IDS[i - 1];
    }

    private static final String[] RESPONDER_IDS = {
        "RideBookingUnicornManagementResource1Function47FF249E",
        "RideBookingUnicornManagementResource2FunctionDC407AB3",
        "RideBookingUnicornManagementResource3Function82B7C3DD",
        "RideBookingUnicornManagementResource4FunctionA03368A4",
        "RideBookingUnicornManagementResource5Function9DD252D7",
        "RideBookingUnicornManagementResource6FunctionB0BBC2D7",
        "RideBookingUnicornManagementResource7Function74D5456D",
        "RideBookingUnicornManagementResource8Function97341D1C",
        "RideBookingUnicornManagementResource9Function27F17DF5",
        "RideBookingUnicornManagementResource10Function4DB1697A"
    };

    @Override
    public void prepare(LocalLab lab, RunningEngines engines) {
        String name = "soak-completions-" + java.util.UUID.randomUUID();
        completionQueue =
                engines.sqs().createQueue(create -> create.queueName(name)).queueUrl();
        String arn = engines.sqs()
                .getQueueAttributes(get -> get.queueUrl(completionQueue).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings()
                .get("QueueArn");
        engines.sns()
                .subscribe(subscribe -> subscribe
                        .topicArn(lab.output("RfqCompletionTopicArn"))
                        .protocol("sqs")
                        .endpoint(arn)
                        .attributes(Map.of("RawMessageDelivery", "true")));
    }

    @Override
    public void sendOne(LocalLab lab, SoakFigures figures) throws Exception {
        figures.requests.incrementAndGet();
        HttpResponse<String> answer = SoakClient.send(
                SoakClient.post(lab.output("RideBookingApiSubmitInstantRideRfqEndpoint"), REQUEST), figures);
        if (answer.statusCode() / 100 == 2) {
            accepted.put(RidesTraffic.json(answer.body()).path("rfq-id").asText(), System.nanoTime());
            figures.accepted.incrementAndGet();
        } else if (answer.statusCode() < 500) {
            figures.violation("a valid request for quotes was refused: " + answer.statusCode() + " " + answer.body());
        }
    }

    @Override
    public void observe(LocalLab lab, RunningEngines engines, SoakFigures figures) {
        List<Message> messages;
        do {
            messages = engines.sqs()
                    .receiveMessage(receive -> receive.queueUrl(completionQueue).maxNumberOfMessages(10))
                    .messages();
            for (Message message : messages) {
                try {
                    JsonNode event = RidesTraffic.json(message.body());
                    String rfqId = event.path("rfq-id").asText();
                    if (!firstEvent.computeIfAbsent(rfqId, id -> message.body()).equals(message.body())) {
                        differing.add(rfqId);
                    }
                    reasons.putIfAbsent(rfqId, event.path("reason").asText());
                    completions.merge(rfqId, 1, Integer::sum);
                    completedAt.putIfAbsent(rfqId, System.nanoTime());
                } catch (java.io.IOException e) {
                    figures.violation("a completion event that is not JSON: " + message.body());
                }
                engines.sqs()
                        .deleteMessage(
                                delete -> delete.queueUrl(completionQueue).receiptHandle(message.receiptHandle()));
            }
        } while (!messages.isEmpty());
        redriveDeadlineDeadLetters(lab, engines, figures);
        String deadLetters = lab.output("ResponseDeadLetterQueueUrl");
        do {
            messages = engines.sqs()
                    .receiveMessage(receive -> receive.queueUrl(deadLetters).maxNumberOfMessages(10))
                    .messages();
            for (Message message : messages) {
                try {
                    JsonNode quote = RidesTraffic.json(message.body());
                    if (deadLettered.add(quote.path("rfq-id").asText() + " "
                            + quote.path("responder").asText())) {
                        figures.deadLetters.incrementAndGet();
                    }
                } catch (java.io.IOException e) {
                    figures.violation("a dead-lettered quote that is not JSON: " + message.body());
                }
                engines.sqs()
                        .deleteMessage(delete -> delete.queueUrl(deadLetters).receiptHandle(message.receiptHandle()));
            }
        } while (!messages.isEmpty());
    }

    /**
     * An operator's redrive of the deadline dead-letter queue (the deadline queue's messages that
     * failed 5 receives): each message back to the deadline queue, where it closes its request and
     * publishes, or finds it published.
     */
    private void redriveDeadlineDeadLetters(LocalLab lab, RunningEngines engines, SoakFigures figures) {
        String deadLetters = lab.physicalId("RideBookingDeadlineDeadLetterQueue2D6DEBCA");
        String queue = lab.physicalId("RideBookingDeadlineQueue414FCB68");
        List<Message> messages;
        do {
            messages = engines.sqs()
                    .receiveMessage(receive -> receive.queueUrl(deadLetters).maxNumberOfMessages(10))
                    .messages();
            for (Message message : messages) {
                figures.deadLetters.incrementAndGet();
                engines.sqs().sendMessage(send -> send.queueUrl(queue).messageBody(message.body()));
                engines.sqs()
                        .deleteMessage(delete -> delete.queueUrl(deadLetters).receiptHandle(message.receiptHandle()));
            }
        } while (!messages.isEmpty());
    }

    @Override
    public boolean settled() {
        return completions.keySet().containsAll(accepted.keySet());
    }

    /** The invariants, reading each request through the query API. */
    @Override
    public void check(LocalLab lab, RunningEngines engines, SoakFigures figures) throws Exception {
        String base = lab.output("RideBookingApiQueryInstantRideRfqEndpoint");
        String query = base.substring(0, base.indexOf('{'));
        for (Map.Entry<String, Long> request : accepted.entrySet()) {
            String rfqId = request.getKey();
            int events = completions.getOrDefault(rfqId, 0);
            if (events == 0) {
                figures.lost.incrementAndGet();
                figures.violation("request " + rfqId + " never published its completion event");
            } else {
                // Copies of the one event: at least once, as documented; a subscriber keyed on rfq-id sees one.
                figures.duplicates.addAndGet(events - 1);
                figures.latency((completedAt.get(rfqId) - request.getValue()) / 1_000_000);
            }
            if (differing.contains(rfqId)) {
                figures.violation("request " + rfqId + " published two different completion events");
            }
            HttpResponse<String> answer = SoakClient.send(SoakClient.get(query + rfqId), figures);
            if (answer.statusCode() != 200) {
                figures.violation("query of " + rfqId + ": " + answer.statusCode() + " " + answer.body());
                continue;
            }
            JsonNode state = RidesTraffic.json(answer.body());
            Set<String> responders = new HashSet<>();
            state.path("quotes")
                    .forEach(quote -> responders.add(quote.path("responder").asText()));
            if (responders.size() != state.path("quotes").size()
                    || responders.size() != state.path("answered").asInt()
                    || responders.size() > RESPONDERS) {
                figures.violation("request " + rfqId + " recorded a quote twice or miscounted: " + state);
            }
            // Each quote is recorded, or late (after the request closed), or in the dead-letter queue: a
            // request closed for all answered holds every responder's quote.
            if ("all-answered".equals(reasons.get(rfqId)) && responders.size() != RESPONDERS) {
                figures.violation("request " + rfqId + " closed for all answered without every quote: " + state);
            }
            if (state.path("open").asBoolean(true) && events > 0) {
                figures.violation("request " + rfqId + " published its completion but is open: " + state);
            }
        }
    }

    @Override
    public Duration settleTime() {
        // Each request fans out to ten responders and back: on a starved CPU, completions came minutes late
        // (a p50 of 210 s was seen at a load average of 70); a settle returns as soon as all are in.
        return Duration.ofMinutes(5);
    }
}
