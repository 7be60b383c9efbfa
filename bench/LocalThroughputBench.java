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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Local mode's lab 2 throughput and how it grows with the number of rides (a measurement, not a
 * test): for each count, that many rides (every other one extraordinary) sent to the local API by 8
 * clients at once, timed until each of the three services has processed every ride it was sent,
 * with the demo's failures turned off (FAILURE_RATE 0) so that every ride takes one pass.
 *   java -cp <local module classpath> bench/LocalThroughputBench.java <cdk.out> [counts, e.g. 25,50,100,200]
 */
public class LocalThroughputBench {

    private static final String[] BACKENDS = {
        "CustomerAccountingFunctionFA09DB28", "CustomerNotificationFunctionD73BCFC3", "ExtraordinaryRidesFunctionAD498A44"
    };
    private static final String BIG =
            "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": 256.50}";
    private static final String SMALL =
            "{\"from\": \"Berlin\", \"to\": \"Potsdam\", \"duration\": 30, \"distance\": 35, \"customer\": \"cmr\", \"fare\": 45.10}";

    public static void main(String[] args) throws Exception {
        Path cdkOut = Path.of(args[0]);
        String counts = args.length > 1 ? args[1] : "25,50,100,200";
        LocalSettings settings = LocalSettings.fromSystemProperties();
        for (String backend : BACKENDS) {
            settings = settings.withEnvironment(backend, "FAILURE_RATE", "0");
        }
        HttpClient http = HttpClient.newHttpClient();
        try (RunningEngines engines = new RunningEngines(EngineInstall.ensureInstalled(), Files.createTempDirectory("local-bench-logs"));
                LocalLab lab = LocalLab.start(cdkOut, "wild-rydes-async-msg-2", engines, settings)) {
            URI submit = URI.create(lab.output("UnicornManagementServiceApiSubmitRideCompletionEndpoint"));
            send(http, submit, 10); // warm-up: class loading and JIT, not counted
            awaitProcessed(lab, 10, 5);
            int sentSoFar = 10;
            int bigSoFar = 5;
            for (String count : counts.split(",")) {
                int rides = Integer.parseInt(count.trim());
                long start = System.nanoTime();
                send(http, submit, rides);
                sentSoFar += rides;
                bigSoFar += (rides + 1) / 2;
                awaitProcessed(lab, sentSoFar, bigSoFar);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("local lab 2, %d rides: %.2f s, %.0f rides/s%n", rides, seconds, rides / seconds);
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
        while (processed(lab, BACKENDS[0]) < all || processed(lab, BACKENDS[1]) < all || processed(lab, BACKENDS[2]) < big) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every ride was processed within 300 s");
            }
            Thread.sleep(5);
        }
    }

    private static long processed(LocalLab lab, String backend) {
        LocalFunction function = lab.functionByLogicalId(backend);
        return function.logLines().stream().filter(line -> line.contains("\"outcome\":\"processed\"")).count();
    }
}
