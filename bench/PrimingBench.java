import com.wildrydes.local.engines.EngineInstall;
import com.wildrydes.local.engines.RunningEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.ToolProvider;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The first request after init against a warm one, for every handler that holds SDK clients, each
 * in fresh JVMs (bench/FirstRequest.java) against one set of local engines: once without priming
 * (what a SnapStart restore pays without it) and once with the priming SnapStart runs before the
 * snapshot. Each handler runs from its function's own package (functions/ beside the jar, or the
 * folder given), as Lambda runs it. Prints init, priming, first and warm-median milliseconds,
 * first/warm as a ratio, and beside it the handler's overhead: a warm request's time over the time
 * its AWS calls took, made by the handler's own clients inside it (FirstRequest.AwsCallTimer).
 *   java -cp <local module classpath> bench/PrimingBench.java <lambda jar> [warm requests] [runs] [packages folder]
 * Not a test: nothing here passes or fails.
 */
public class PrimingBench {

    private static final List<String> HANDLERS = List.of(
            "com.wildrydes.lambdas.rides.SubmitRideCompletionHandler",
            "com.wildrydes.lambdas.rfq.SubmitRfqHandler",
            "com.wildrydes.lambdas.rfq.QueryRfqHandler",
            "com.wildrydes.lambdas.rfq.QuoteCollectorHandler",
            "com.wildrydes.lambdas.rfq.RfqDeadlineHandler",
            "com.wildrydes.lambdas.rfq.DemoResponderHandler");

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path packages = args.length > 3 ? Path.of(args[3]).toAbsolutePath() : jar.resolveSibling("functions");
        Path classes = compileFirstRequest(jar);
        try (RunningEngines engines = new RunningEngines(EngineInstall.ensureInstalled(), Files.createTempDirectory("priming-bench-logs"))) {
            Map<String, String> environment = resources(engines);
            System.out.println("handler mode init_ms prime_ms first_ms warm_median_ms aws_median_ms aws_calls warm/aws first/warm");
            Map<String, List<double[]>> figures = new java.util.LinkedHashMap<>();
            for (int run = 0; run < runs; run++) {
                for (String handler : HANDLERS) {
                    for (String mode : List.of("unprimed", "primed")) {
                        Map<String, String> env = new HashMap<>(environment);
                        env.put("RFQ_IDS", IntStream.rangeClosed(0, warm).mapToObj(i -> UUID.randomUUID().toString())
                                .collect(Collectors.joining(",")));
                        env.put("TABLE_NAME", handler.contains(".rides.") ? "bench-rides" : "bench-bookings");
                        if (!handler.contains(".rides.")) {
                            // The deadline handler closes only requests whose deadline has passed.
                            env.put("SEED_DEADLINE_SECONDS", handler.endsWith("RfqDeadlineHandler") ? "-60" : "3600");
                            run(classes, jar, env, "seed");
                        }
                        Path ownPackage = packages.resolve(handler.substring(handler.lastIndexOf('.') + 1) + ".jar");
                        String line = run(classes, ownPackage, env, handler, mode, Integer.toString(warm)).strip();
                        String[] f = line.split(" ");
                        double[] numbers = {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]), 0,
                                Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8])};
                        numbers[4] = numbers[2] / numbers[3];
                        figures.computeIfAbsent(f[0] + " " + f[1], key -> new ArrayList<>()).add(numbers);
                        System.out.printf("%s %.1f%n", line, numbers[4]);
                    }
                }
            }
            System.out.printf("%nmedians of %d runs (fresh JVMs each): first request after init as a multiple of a warm one%n", runs);
            System.out.println("handler mode init_ms prime_ms first_ms warm_median_ms aws_median_ms aws_calls warm/aws first/warm");
            figures.forEach((key, rows) -> System.out.printf("%s %.0f %.0f %.1f %.1f %.1f %.0f %.2f %.1f%n", key,
                    median(rows, 0), median(rows, 1), median(rows, 2), median(rows, 3), median(rows, 5), median(rows, 6),
                    median(rows, 7), median(rows, 4)));
        }
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(row -> row[column]).sorted().toArray();
        return values[values.length / 2];
    }

    /** The tables, topics and queues the handlers are configured with, and the engines' addresses. */
    private static Map<String, String> resources(RunningEngines engines) {
        var dynamoDb = engines.dynamoDb();
        dynamoDb.createTable(t -> t.tableName("bench-rides").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
        dynamoDb.createTable(t -> t.tableName("bench-bookings").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("responder").attributeType(ScalarAttributeType.S).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("responder").keyType(KeyType.RANGE).build()));
        var sns = engines.sns();
        var sqs = engines.sqs();
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", RunningEngines.REGION.id());
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", engines.dynamoDbEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_SNS", engines.snsSqsEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_SQS", engines.snsSqsEndpoint().toString());
        env.put("TOPIC_ARN", sns.createTopic(t -> t.name("bench-rides")).topicArn());
        env.put("REQUEST_TOPIC_ARN", sns.createTopic(t -> t.name("bench-requests")).topicArn());
        env.put("COMPLETION_TOPIC_ARN", sns.createTopic(t -> t.name("bench-completions")).topicArn());
        env.put("RESPONSE_QUEUE_URL", sqs.createQueue(q -> q.queueName("bench-responses")).queueUrl());
        env.put("DEADLINE_QUEUE_URL", sqs.createQueue(q -> q.queueName("bench-deadlines")).queueUrl());
        env.put("EXPECTED_RESPONDERS", "1");
        env.put("DEADLINE_SECONDS", "600");
        env.put("RESPONDER_NAMES", "[\"r\"]");
        env.put("RESPONDER_NAME", "r");
        env.put("AVAILABILITY", "1");
        env.put("MAX_DELAY_SECONDS", "0");
        return env;
    }

    /** Compiled ahead, so that no compiler runs (and warms the JDK) in the measured JVMs. */
    private static Path compileFirstRequest(Path jar) throws IOException {
        Path out = Files.createTempDirectory("priming-bench-classes");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", out.toString(), "-cp", jar.toString(), "bench/FirstRequest.java");
        if (status != 0) {
            throw new IllegalStateException("bench/FirstRequest.java did not compile");
        }
        // The SDK adds the interceptors this file names to every client built in the JVM.
        Path global = out.resolve("software/amazon/awssdk/global/handlers/execution.interceptors");
        Files.createDirectories(global.getParent());
        Files.writeString(global, "FirstRequest$AwsCallTimer\n");
        return out;
    }

    private static String run(Path classes, Path jar, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + ":" + jar, "FirstRequest"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed:\n" + output);
        }
        // The handlers' own log lines come first; the figures are the last line.
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }
}
