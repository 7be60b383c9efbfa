package com.wildrydes.local.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.engines.RunningEngines;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Labs 1 and 2: the workshop's rides, every other one extraordinary, sent to the submit API. The
 * invariant: every accepted ride is processed by each service subscribed to it, or is in that
 * service's on-failure queue (lab 1) or dead-letter queue (lab 2); nothing else. A ride processed
 * more than once by one service is a duplicate (documented at-least-once: both labs), counted.
 */
final class RidesTraffic implements LabTraffic {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern RIDE_ID = Pattern.compile("\"rideId\":\"([^\"]+)\"");
    private static final Pattern OUTCOME = Pattern.compile("\"outcome\":\"([^\"]+)\"");
    private static final String EXTRAORDINARY_SERVICE = "ExtraordinaryRides";
    private static final Map<String, String> FUNCTIONS = Map.of(
            "CustomerAccounting",
            "CustomerAccountingFunctionFA09DB28",
            "CustomerNotification",
            "CustomerNotificationFunctionD73BCFC3",
            EXTRAORDINARY_SERVICE,
            "ExtraordinaryRidesFunctionAD498A44");
    static final String BIG =
            "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": 256.50}";
    static final String SMALL =
            "{\"from\": \"Berlin\", \"to\": \"Potsdam\", \"duration\": 30, \"distance\": 35, \"customer\": \"cmr\", \"fare\": 45.10}";

    private final int lab;
    private final AtomicLong sent = new AtomicLong();
    /** Accepted rides: id to the nanoTime it was accepted. */
    private final Map<String, Long> accepted = new ConcurrentHashMap<>();

    private final Set<String> extraordinary = ConcurrentHashMap.newKeySet();
    /** Per service: ride id to times processed, and the nanoTime it was first processed. */
    private final Map<String, Map<String, Integer>> processed = new ConcurrentHashMap<>();

    private final Map<String, Map<String, Long>> firstProcessedAt = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> deadLettered = new ConcurrentHashMap<>();
    private final Map<String, Integer> linesRead = new ConcurrentHashMap<>();
    private final Set<String> unknownRides = ConcurrentHashMap.newKeySet();
    private final AtomicLong redeliveries = new AtomicLong();

    RidesTraffic(int lab) {
        this.lab = lab;
        for (String service : FUNCTIONS.keySet()) {
            processed.put(service, new ConcurrentHashMap<>());
            firstProcessedAt.put(service, new ConcurrentHashMap<>());
            deadLettered.put(service, ConcurrentHashMap.newKeySet());
        }
    }

    @Override
    public String stack() {
        return "wild-rydes-async-msg-" + lab;
    }

    @Override
    public double requestsPerSecond() {
        return 2;
    }

    @Override
    public LocalSettings settings(LocalSettings base) {
        // Lab 1: Lambda's 1 and 2 minute waits before retrying a failed asynchronous invocation
        // shortened to 1 and 2 s; lab 2: the queues' 60 s visibility timeout to 2 s. Template unchanged.
        return lab == 1 ? base.withAsyncRetryDelay(Duration.ofSeconds(1)) : base.withTimeScale(1.0 / 30);
    }

    @Override
    public void prepare(LocalLab lab, RunningEngines engines) {}

    @Override
    public void sendOne(LocalLab lab, SoakFigures figures) throws Exception {
        boolean big = sent.incrementAndGet() % 2 == 0;
        figures.requests.incrementAndGet();
        HttpResponse<String> answer = SoakClient.send(
                SoakClient.post(
                        lab.output("UnicornManagementServiceApiSubmitRideCompletionEndpoint"), big ? BIG : SMALL),
                figures);
        if (answer.statusCode() == 201) {
            String id = JSON.readTree(answer.body()).path("id").asText();
            if (big) {
                extraordinary.add(id);
            }
            accepted.put(id, System.nanoTime());
            figures.accepted.incrementAndGet();
        } else if (answer.statusCode() < 500) {
            figures.violation("a valid ride was refused: " + answer.statusCode() + " " + answer.body());
        }
    }

    @Override
    public void observe(LocalLab lab, RunningEngines engines, SoakFigures figures) {
        long now = System.nanoTime();
        for (Map.Entry<String, String> service : FUNCTIONS.entrySet()) {
            List<String> lines = lab.functionByLogicalId(service.getValue()).logLines();
            int from = linesRead.getOrDefault(service.getKey(), 0);
            for (String line : lines.subList(Math.min(from, lines.size()), lines.size())) {
                Matcher ride = RIDE_ID.matcher(line);
                Matcher outcome = OUTCOME.matcher(line);
                if (!ride.find() || !outcome.find()) {
                    continue;
                }
                String id = ride.group(1);
                if (outcome.group(1).equals("processed")) {
                    processed.get(service.getKey()).merge(id, 1, Integer::sum);
                    firstProcessedAt.get(service.getKey()).putIfAbsent(id, now);
                } else {
                    redeliveries.incrementAndGet();
                }
            }
            linesRead.put(service.getKey(), lines.size());
            String queue =
                    lab.output(service.getKey() + (this.lab == 1 ? "FailedInvocationsQueueUrl" : "DeadLetterQueueUrl"));
            for (Message message : drain(engines, queue)) {
                Matcher ids = UUID.matcher(message.body());
                while (ids.find()) {
                    deadLettered.get(service.getKey()).add(ids.group());
                }
            }
        }
    }

    private static List<Message> drain(RunningEngines engines, String queueUrl) {
        List<Message> messages = engines.sqs()
                .receiveMessage(receive ->
                        receive.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
                .messages();
        for (Message message : messages) {
            engines.sqs().deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
        return messages;
    }

    private boolean subscribed(String service, String rideId) {
        return !service.equals(EXTRAORDINARY_SERVICE) || extraordinary.contains(rideId);
    }

    private boolean accountedFor(String service, String rideId) {
        return processed.get(service).containsKey(rideId)
                || deadLettered.get(service).contains(rideId);
    }

    @Override
    public boolean settled() {
        for (String id : accepted.keySet()) {
            for (String service : FUNCTIONS.keySet()) {
                if (subscribed(service, id) && !accountedFor(service, id)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public void check(LocalLab lab, RunningEngines engines, SoakFigures figures) {
        for (Map.Entry<String, Long> ride : accepted.entrySet()) {
            String id = ride.getKey();
            long last = 0;
            boolean complete = true;
            for (String service : FUNCTIONS.keySet()) {
                if (!subscribed(service, id)) {
                    if (processed.get(service).containsKey(id)) {
                        figures.violation(service + " processed ride " + id + ", which its filter policy excludes");
                    }
                    continue;
                }
                if (!accountedFor(service, id)) {
                    figures.lost.incrementAndGet();
                    figures.violation("ride " + id + " neither processed by " + service + " nor in its "
                            + (this.lab == 1 ? "on-failure" : "dead-letter") + " queue");
                }
                if (deadLettered.get(service).contains(id)) {
                    figures.deadLetters.incrementAndGet();
                }
                Long at = firstProcessedAt.get(service).get(id);
                if (at == null) {
                    complete = false;
                } else {
                    last = Math.max(last, at);
                }
                Integer times = processed.get(service).get(id);
                if (times != null && times > 1) {
                    figures.duplicates.addAndGet(times - 1);
                }
            }
            if (complete && last > 0) {
                figures.latency(Math.max(0, (last - ride.getValue()) / 1_000_000));
            }
        }
        // A ride whose submit timed out after it was published, which the client then sent again as another.
        processed
                .values()
                .forEach(rides -> rides.keySet().stream()
                        .filter(id -> !accepted.containsKey(id))
                        .forEach(unknownRides::add));
        figures.duplicates.addAndGet(unknownRides.size());
        figures.redeliveries.set(redeliveries.get());
    }

    @Override
    public Duration settleTime() {
        // Lab 1's throttled events wait up to minutes between tries, as Lambda's do.
        return Duration.ofMinutes(lab == 1 ? 5 : 3);
    }

    static JsonNode json(String text) throws java.io.IOException {
        return JSON.readTree(text);
    }
}
