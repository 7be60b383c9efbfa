import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.engines.EngineInstall;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.lambda.LocalFunction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Local mode's lab 2 throughput and how it grows with the number of rides (a measurement, not a
 * test): for each count, that many rides (every other one extraordinary) sent to the local API by 8
 * clients at once, timed until each of the three services has processed every ride it was sent,
 * with the demo's failures turned off (FAILURE_RATE 0) so that every ride takes one pass. First, on
 * the same engines, the same counts through the engines alone (EnginesAlone: publish, fan-out, receive
 * and delete, no functions); then lab 2's rides per second as a fraction of the engines' own.
 *   java -cp <local module classpath> bench/LocalThroughputBench.java <cdk.out> [counts, e.g. 100,1000,5000]
 */
public class LocalThroughputBench {

    private static final String[] BACKENDS = {
        "CustomerAccountingFunctionFA09DB28", "CustomerNotificationFunctionD73BCFC3", "ExtraordinaryRidesFunctionAD498A44"
    };
    private static final String BIG = EnginesAlone.BIG;
    private static final String SMALL = EnginesAlone.SMALL;

    public static void main(String[] args) throws Exception {
        Path cdkOut = Path.of(args[0]);
        String counts = args.length > 1 ? args[1] : "100,1000,5000";
        LocalSettings settings = LocalSettings.fromSystemProperties();
        for (String backend : BACKENDS) {
            settings = settings.withEnvironment(backend, "FAILURE_RATE", "0");
        }
        HttpClient http = HttpClient.newHttpClient();
        try (RunningEngines engines = new RunningEngines(EngineInstall.ensureInstalled(), Files.createTempDirectory("local-bench-logs"))) {
            EnginesAlone messaging = new EnginesAlone(engines);
            Map<Integer, Double> alone = ridesPerSecond(
                    "engines alone (lab 2's messaging, no functions)", counts, messaging::seconds, (rides, rate) -> "");
            Map<Integer, Double> calls;
            try (CallsAlone lab2Calls = new CallsAlone(engines, messaging, http)) {
                calls = ridesPerSecond(
                        "lab 2's calls alone (API request, PutItem, Publish; no functions, no local mode)",
                        counts,
                        lab2Calls::seconds,
                        (rides, rate) -> String.format(", %.2f of the engines alone", rate / alone.get(rides)));
            }
            lab2(cdkOut, engines, settings, http, counts, alone, calls);
        }
    }

    /** One way of carrying rides: its time for a count of them. */
    interface Phase {
        double seconds(int rides) throws Exception;
    }

    /** Each count of rides through a phase, after a warm-up of 10: its rides per second, a line each. */
    private static Map<Integer, Double> ridesPerSecond(
            String label, String counts, Phase phase, java.util.function.BiFunction<Integer, Double, String> against)
            throws Exception {
        phase.seconds(10); // warm-up, not counted
        Map<Integer, Double> rates = new java.util.LinkedHashMap<>();
        for (String count : counts.split(",")) {
            int rides = Integer.parseInt(count.trim());
            CpuUse before = CpuUse.now();
            double seconds = phase.seconds(rides);
            rates.put(rides, rides / seconds);
            System.out.printf("%s, %d rides: %.2f s, %.0f rides/s%s (load average %.1f); %s%n",
                    label, rides, seconds, rides / seconds, against.apply(rides, rides / seconds), loadAverage(),
                    CpuUse.now().perRideSince(before, rides));
        }
        return rates;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void lab2(Path cdkOut, RunningEngines engines, LocalSettings settings, HttpClient http, String counts,
            Map<Integer, Double> alone, Map<Integer, Double> calls) throws Exception {
        try (LocalLab lab = LocalLab.start(cdkOut, "wild-rydes-async-msg-2", engines, settings)) {
            URI submit = URI.create(lab.output("UnicornManagementServiceApiSubmitRideCompletionEndpoint"));
            send(http, submit, 10); // warm-up: class loading and JIT, not counted
            awaitProcessed(lab, 10, 5);
            int sentSoFar = 10;
            int bigSoFar = 5;
            for (String count : counts.split(",")) {
                int rides = Integer.parseInt(count.trim());
                CpuUse before = CpuUse.now();
                long start = System.nanoTime();
                send(http, submit, rides);
                sentSoFar += rides;
                bigSoFar += (rides + 1) / 2;
                awaitProcessed(lab, sentSoFar, bigSoFar);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("local lab 2, %d rides: %.2f s, %.0f rides/s, %.2f of the engines alone, %.2f of its calls alone (load average %.1f); %s%n",
                        rides, seconds, rides / seconds, rides / seconds / alone.get(rides), rides / seconds / calls.get(rides),
                        loadAverage(), CpuUse.now().perRideSince(before, rides));
            }
        }
    }

    private static void send(HttpClient http, URI submit, int rides) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < rides; i++) {
                String ride = i % 2 == 0 ? BIG : SMALL;
                answers.add(clients.submit(() -> http.send(
                                HttpRequest.newBuilder(submit)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(ride))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode()));
            }
            for (Future<Integer> answer : answers) {
                if (answer.get() != 201) {
                    throw new IllegalStateException("a ride was refused: " + answer.get());
                }
            }
        } finally {
            clients.shutdown();
        }
    }

    private static void awaitProcessed(LocalLab lab, int all, int big) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (PROCESSED.count(lab, BACKENDS[0]) < all
                || PROCESSED.count(lab, BACKENDS[1]) < all
                || PROCESSED.count(lab, BACKENDS[2]) < big) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every ride was processed within 300 s");
            }
            Thread.sleep(5);
        }
    }

    private static final ProcessedRides PROCESSED = new ProcessedRides();

    /**
     * Each backend's processed rides, counted from its log as it grows: reading only the lines written
     * since the last look keeps the bench's own polling out of what it measures.
     */
    private static final class ProcessedRides {
        private final Map<String, long[]> markAndCount = new java.util.HashMap<>();

        long count(LocalLab lab, String backend) {
            long[] seen = markAndCount.computeIfAbsent(backend, b -> new long[2]);
            for (var line : lab.functionByLogicalId(backend).logGroup().since(seen[0])) {
                seen[0] = line.sequence() + 1;
                if (line.message().contains("\"outcome\":\"processed\"")) {
                    seen[1]++;
                }
            }
            return seen[1];
        }
    }
}

/**
 * CPU used so far by this JVM (local mode and the bench's clients) and by the engines' processes (its
 * descendants): on a saturated machine throughput follows CPU per ride, which a busy neighbour does
 * not change the way it changes rides per second.
 */
record CpuUse(long jvmNanos, long enginesNanos) {

    static CpuUse now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long engines = ProcessHandle.current().descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L))
                .sum();
        return new CpuUse(jvm, engines);
    }

    String perRideSince(CpuUse before, int rides) {
        return String.format("CPU per ride: JVM %.2f ms, engines %.2f ms",
                (jvmNanos - before.jvmNanos) / 1e6 / rides, (enginesNanos - before.enginesNanos) / 1e6 / rides);
    }
}

/**
 * Lab 2's messaging on the local engines alone, without functions: the limit local mode's lab 2 runs
 * against. A topic fanning out to three standard queues by raw delivery, the third behind the
 * workshop's extraordinary-rides filter on the message attributes, as lab 2's template has them. Each
 * count of rides is published by 8 clients at once (the ride and attributes RidePublisher sends), and
 * one consumer per queue receives up to 10 messages at a time (long polls of 1 s) and deletes each
 * message, as local mode's event source does, until every queue has had its share.
 */
final class EnginesAlone {

    static final String BIG =
            "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": 256.50}";
    static final String SMALL =
            "{\"from\": \"Berlin\", \"to\": \"Potsdam\", \"duration\": 30, \"distance\": 35, \"customer\": \"cmr\", \"fare\": 45.10}";
    private static final String EXTRAORDINARY =
            "{\"distance\": [{\"numeric\": [\">=\", 20]}], \"fare\": [{\"numeric\": [\">=\", 50]}]}";

    private final SnsClient sns;
    private final SqsClient sqs;
    private final String topicArn;
    private final List<String> queues = new ArrayList<>();

    EnginesAlone(RunningEngines engines) {
        this.sns = engines.sns();
        this.sqs = engines.sqs();
        this.topicArn = sns.createTopic(t -> t.name("engines-alone-rides")).topicArn();
        for (String name : List.of("engines-alone-accounting", "engines-alone-notification", "engines-alone-extraordinary")) {
            String url = sqs.createQueue(q -> q.queueName(name)).queueUrl();
            String arn = sqs.getQueueAttributes(a -> a.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            Map<String, String> attributes = name.endsWith("extraordinary")
                    ? Map.of("RawMessageDelivery", "true", "FilterPolicyScope", "MessageAttributes", "FilterPolicy", EXTRAORDINARY)
                    : Map.of("RawMessageDelivery", "true");
            sns.subscribe(s -> s.topicArn(topicArn).protocol("sqs").endpoint(arn).attributes(attributes));
            queues.add(url);
        }
    }

    /** How a ride enters the topic: published here, or through something that publishes it. */
    interface RideSender {
        void send(boolean extraordinary) throws Exception;
    }

    /** Seconds from the first publish until the three queues have received and deleted their share of {@code rides}. */
    double seconds(int rides) throws Exception {
        return seconds(rides, this::publish);
    }

    /** The ride and the attributes RidePublisher publishes. */
    void publish(boolean extraordinary) {
        sns.publish(publish -> publish.topicArn(topicArn)
                .message(extraordinary ? BIG : SMALL)
                .messageAttributes(Map.of(
                        "fare", number(extraordinary ? "256.50" : "45.10"),
                        "distance", number(extraordinary ? "600" : "35"))));
    }

    /** As {@link #seconds(int)}, each ride sent by {@code sender} from one of 8 clients. */
    double seconds(int rides, RideSender sender) throws Exception {
        int big = (rides + 1) / 2;
        ExecutorService threads = Executors.newFixedThreadPool(8 + queues.size());
        try {
            long start = System.nanoTime();
            List<Future<Integer>> consumers = new ArrayList<>();
            for (int q = 0; q < queues.size(); q++) {
                String url = queues.get(q);
                int expected = q == 2 ? big : rides;
                consumers.add(threads.submit(() -> consume(url, expected)));
            }
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> publishers = new ArrayList<>();
            for (int p = 0; p < 8; p++) {
                publishers.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < rides; i = next.getAndIncrement()) {
                        sender.send(i % 2 == 0);
                    }
                    return null;
                }));
            }
            for (Future<?> publisher : publishers) {
                publisher.get();
            }
            for (Future<Integer> consumer : consumers) {
                consumer.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            threads.shutdownNow();
        }
    }

    private int consume(String url, int expected) {
        int done = 0;
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (done < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(url + ": " + done + " of " + expected + " messages within 300 s");
            }
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                            .messageSystemAttributeNamesWithStrings("All").messageAttributeNames("All"))
                    .messages();
            for (Message message : received) {
                sqs.deleteMessage(d -> d.queueUrl(url).receiptHandle(message.receiptHandle()));
                done++;
            }
        }
        return done;
    }

    private static MessageAttributeValue number(String value) {
        return MessageAttributeValue.builder().dataType("Number").stringValue(value).build();
    }
}

/**
 * Lab 2's own calls without local mode: each ride POSTed by the bench's HTTP client to a bare HTTP
 * server on this JVM, which stores it in a table (PutItem, as RideStore) and publishes it (as
 * RidePublisher), answering 201; the three queues consumed as {@link EnginesAlone} does. No
 * functions, no Lambda polling, no API emulation: the most lab 2's calls allow on these engines,
 * so local mode's own cost is lab 2's figure against this one.
 */
final class CallsAlone implements AutoCloseable {

    private final EnginesAlone messaging;
    private final software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb;
    private final HttpClient http;
    private final com.sun.net.httpserver.HttpServer server;
    private final URI submit;
    private final AtomicInteger ids = new AtomicInteger();

    CallsAlone(RunningEngines engines, EnginesAlone messaging, HttpClient http) throws java.io.IOException {
        this.messaging = messaging;
        this.http = http;
        this.dynamoDb = engines.dynamoDb();
        dynamoDb.createTable(t -> t.tableName("calls-alone-rides")
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .keySchema(k -> k.attributeName("id").keyType("HASH")));
        server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/rides", exchange -> {
            boolean extraordinary = new String(exchange.getRequestBody().readAllBytes()).equals(EnginesAlone.BIG);
            store(extraordinary);
            messaging.publish(extraordinary);
            byte[] answer = "{}".getBytes();
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        submit = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rides");
    }

    private void store(boolean extraordinary) {
        java.util.function.Function<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> s =
                software.amazon.awssdk.services.dynamodb.model.AttributeValue::fromS;
        java.util.function.Function<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> n =
                software.amazon.awssdk.services.dynamodb.model.AttributeValue::fromN;
        dynamoDb.putItem(put -> put.tableName("calls-alone-rides")
                .item(Map.of(
                        "id", s.apply("ride-" + ids.incrementAndGet()),
                        "from", s.apply("Berlin"),
                        "to", s.apply(extraordinary ? "Frankfurt" : "Potsdam"),
                        "duration", n.apply(extraordinary ? "420" : "30"),
                        "distance", n.apply(extraordinary ? "600" : "35"),
                        "customer", s.apply("cmr"),
                        "fare", n.apply(extraordinary ? "256.50" : "45.10")))
                .conditionExpression("attribute_not_exists(id)"));
    }

    double seconds(int rides) throws Exception {
        return messaging.seconds(rides, extraordinary -> {
            int status = http.send(
                            HttpRequest.newBuilder(submit)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(extraordinary ? EnginesAlone.BIG : EnginesAlone.SMALL))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status != 201) {
                throw new IllegalStateException("a ride was refused: " + status);
            }
        });
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
