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

/**
 * Local mode's figures (a measurement, not a test): how long lab 1 takes to come up from cdk.out
 * (engines started, then the stack brought up), and how long the workshop's extraordinary ride
 * takes from the HTTP request to all three services' processed log lines, with no failures
 * injected (the backends' FAILURE_RATE set to 0 by local mode's environment setting).
 *   java -cp <local module classpath> bench/LocalModeBench.java <cdk.out> [rides]
 */
public class LocalModeBench {

    public static void main(String[] args) throws Exception {
        Path cdkOut = Path.of(args[0]);
        int rides = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long start = System.nanoTime();
        Path logs = Files.createTempDirectory("local-bench-logs");
        try (RunningEngines engines = new RunningEngines(EngineInstall.ensureInstalled(), logs)) {
            long enginesUp = System.nanoTime();
            String[] backends = {"CustomerAccountingFunctionFA09DB28", "CustomerNotificationFunctionD73BCFC3", "ExtraordinaryRidesFunctionAD498A44"};
            LocalSettings settings = LocalSettings.fromSystemProperties();
            for (String backend : backends) {
                settings = settings.withEnvironment(backend, "FAILURE_RATE", "0");
            }
            try (LocalLab lab = LocalLab.start(cdkOut, "wild-rydes-async-msg-1", engines, settings)) {
                long labUp = System.nanoTime();
                System.out.printf("lab 1 up: %d ms (engines %d ms, stack %d ms)%n", ms(labUp - start), ms(enginesUp - start), ms(labUp - enginesUp));
                HttpClient http = HttpClient.newHttpClient();
                for (int ride = 1; ride <= rides; ride++) {
                    int[] before = new int[backends.length];
                    for (int i = 0; i < backends.length; i++) {
                        before[i] = processed(lab.functionByLogicalId(backends[i]));
                    }
                    long sent = System.nanoTime();
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(lab.output("UnicornManagementServiceApiSubmitRideCompletionEndpoint")))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": 256.50}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    long answered = System.nanoTime();
                    if (answer.statusCode() != 201) {
                        throw new IllegalStateException("the ride was refused: " + answer.statusCode() + " " + answer.body());
                    }
                    for (int i = 0; i < backends.length; i++) {
                        while (processed(lab.functionByLogicalId(backends[i])) <= before[i]) {
                            if (System.nanoTime() - sent > 30_000_000_000L) {
                                throw new IllegalStateException(backends[i] + " did not process the ride within 30 s");
                            }
                            Thread.sleep(1);
                        }
                    }
                    System.out.printf("ride %d: 201 after %d ms, all three services processed it after %d ms%n",
                            ride, ms(answered - sent), ms(System.nanoTime() - sent));
                }
            }
        }
    }

    private static int processed(LocalFunction function) {
        return (int) function.logLines().stream().filter(line -> line.contains("\"outcome\":\"processed\"")).count();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
