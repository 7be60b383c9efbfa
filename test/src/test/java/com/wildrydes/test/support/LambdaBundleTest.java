package com.wildrydes.test.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.infra.LambdaBundle;
import com.wildrydes.local.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Synthesis needs the handlers' packages, says how to build one when it is missing, and each package
 * a function deploys stays within its own size budget (every byte is uploaded, stored and loaded at
 * each cold start; bench/run prints the figures, FunctionJarHandlersTest proves nothing needed is
 * gone).
 */
class LambdaBundleTest {

    /** Issue 13's budget for the jar of every handler, which teams reusing the constructs deploy: 8 MB. */
    private static final long JAR_BUDGET_BYTES = 8_000_000;

    /** Issue 23's budget for a package whose handler calls no AWS API: 1 MB. */
    private static final long NO_SDK_BUDGET = 1_000_000;

    /** Issue 23's budget for the largest package: 6 MB. */
    private static final long LARGEST_BUDGET = 6_000_000;

    /** What the RFQ table's store sends, every request of which its priming makes. */
    private static final Set<String> RFQ_STORE = Set.of(
            "dynamodb:GetItem",
            "dynamodb:Query",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:TransactWriteItems");

    /**
     * Each handler class's package budget: today's size plus about 2 %, so that a new dependency shows
     * here, and none over the 6 MB of the largest. The packages of the handlers that call AWS are shrunk
     * by ProGuard to the client operations their handler calls (lambdas/sdk-shrink.pro): the DynamoDB
     * client's every operation took 2.3 MB compressed before. What is left of a client is mostly the
     * model classes its endpoint rules name for every operation, and the SDK's core.
     */
    private static final Map<String, Long> PACKAGE_BUDGETS = Map.ofEntries(
            Map.entry("RideNotificationHandler", NO_SDK_BUDGET),
            Map.entry("RideQueueHandler", NO_SDK_BUDGET),
            Map.entry("ChargeFareHandler", NO_SDK_BUDGET),
            Map.entry("CreditCustomerAccountHandler", NO_SDK_BUDGET),
            Map.entry("RefundFareHandler", NO_SDK_BUDGET),
            Map.entry("DemoResponderHandler", 3_770_000L),
            Map.entry("QueryRfqHandler", 4_760_000L),
            Map.entry("SubmitRideCompletionHandler", 5_320_000L),
            Map.entry("QuoteCollectorHandler", 5_880_000L),
            Map.entry("RfqDeadlineHandler", 5_880_000L),
            Map.entry("SubmitRfqHandler", 5_880_000L));

    /**
     * The AWS operations each handler that calls AWS can make, its SnapStart priming's included (a store
     * primes every request it can send): its package holds the request marshallers of these and of no
     * other operation. DynamoDB's DescribeEndpoints is the client's own endpoint discovery.
     */
    private static final Map<String, Set<String>> OPERATIONS = Map.of(
            "SubmitRideCompletionHandler", Set.of("dynamodb:PutItem", "dynamodb:DeleteItem", "sns:Publish"),
            "QueryRfqHandler", RFQ_STORE,
            "SubmitRfqHandler", rfq("sns:Publish", "sqs:SendMessage"),
            "QuoteCollectorHandler", rfq("sns:Publish", "sqs:SendMessage"),
            "RfqDeadlineHandler", rfq("sns:Publish", "sqs:SendMessage"),
            "DemoResponderHandler", Set.of("sqs:SendMessage"));

    /** The handlers that call no AWS API: their packages hold none of the SDK (but its relocated jackson-core). */
    private static final Set<String> NO_SDK = Set.of(
            "RideNotificationHandler",
            "RideQueueHandler",
            "ChargeFareHandler",
            "CreditCustomerAccountHandler",
            "RefundFareHandler");

    private static Set<String> rfq(String... more) {
        Set<String> operations = new TreeSet<>(RFQ_STORE);
        operations.addAll(List.of(more));
        return operations;
    }

    @AfterEach
    void clearOverride() {
        System.clearProperty(LambdaBundle.JAR_PROPERTY);
    }

    @Test
    void findsTheJarBuiltByTheLambdasModule() {
        assertEquals(RepositoryRoot.path().resolve("lambdas/target/wild-rydes-lambdas.jar"), LambdaBundle.jarPath());
    }

    @Test
    void theJarOfEveryHandlerStaysWithinItsSizeBudget() throws IOException {
        long size = Files.size(LambdaBundle.jarPath());
        assertTrue(
                size <= JAR_BUDGET_BYTES,
                "the jar of every handler is " + size + " bytes, over its budget of " + JAR_BUDGET_BYTES
                        + ": keep new dependencies out of lambdas/ or trim them in its shade configuration");
    }

    @Test
    void everyHandlersPackageStaysWithinItsOwnBudget() throws IOException {
        Path functions = LambdaBundle.jarPath().resolveSibling("functions");
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> packages = Files.list(functions)) {
            for (Path jar : packages.toList()) {
                sizes.put(jar.getFileName().toString().replaceFirst("\\.jar$", ""), Files.size(jar));
            }
        }
        assertEquals(new TreeSet<>(PACKAGE_BUDGETS.keySet()), sizes.keySet(), "packages in " + functions);
        Map<String, String> over = new TreeMap<>();
        sizes.forEach((handler, size) -> {
            if (size > PACKAGE_BUDGETS.get(handler)) {
                over.put(handler, size + " bytes, budget " + PACKAGE_BUDGETS.get(handler));
            }
        });
        assertEquals(Map.of(), over, "packages over their budget: keep what the handler does not load out of it");
    }

    @Test
    void noPackageIsOverTheLargestBudget() {
        PACKAGE_BUDGETS.forEach((handler, budget) ->
                assertTrue(budget <= LARGEST_BUDGET, handler + "'s budget " + budget + " is over " + LARGEST_BUDGET));
    }

    @Test
    void aHandlersPackageHoldsTheClientOperationsItCallsAndNoOther() throws IOException {
        Pattern marshaller =
                Pattern.compile("software/amazon/awssdk/services/(\\w+)/transform/(\\w+)RequestMarshaller\\.class");
        Map<String, Set<String>> held = new TreeMap<>();
        for (String handler : OPERATIONS.keySet()) {
            try (ZipFile zip = new ZipFile(LambdaBundle.packagePath(handler).toFile())) {
                held.put(
                        handler,
                        zip.stream()
                                .map(entry -> marshaller.matcher(entry.getName()))
                                .filter(Matcher::matches)
                                .map(match -> match.group(1) + ":" + match.group(2))
                                .filter(operation -> !operation.equals("dynamodb:DescribeEndpoints"))
                                .collect(Collectors.toCollection(TreeSet::new)));
            }
        }
        Map<String, Set<String>> expected = new TreeMap<>();
        OPERATIONS.forEach((handler, operations) -> expected.put(handler, new TreeSet<>(operations)));
        assertEquals(expected, held, "the AWS operations whose request marshallers each package holds");
    }

    @Test
    void aHandlerThatCallsNoAwsApiCarriesNoAwsSdk() throws IOException {
        Map<String, List<String>> sdkEntries = new TreeMap<>();
        for (String handler : NO_SDK) {
            Path jar = LambdaBundle.packagePath(handler);
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                List<String> sdk = zip.stream()
                        .map(ZipEntry::getName)
                        .filter(name -> name.startsWith("software/amazon/awssdk/")
                                || name.startsWith("META-INF/software.amazon.awssdk/")
                                || name.startsWith("META-INF/services/software.amazon.awssdk.")
                                || name.startsWith("org/slf4j/"))
                        .filter(name -> !name.startsWith("software/amazon/awssdk/thirdparty/jackson/")
                                && !name.equals(
                                        "META-INF/services/software.amazon.awssdk.thirdparty.jackson.core.JsonFactory"))
                        .filter(name -> !name.endsWith("/"))
                        .toList();
                if (!sdk.isEmpty()) {
                    sdkEntries.put(handler, sdk.subList(0, Math.min(5, sdk.size())));
                }
            }
        }
        assertEquals(
                Map.of(),
                sdkEntries,
                "AWS SDK entries (the first five) in the packages of handlers that call no AWS API");
    }

    @Test
    void aMissingJarStopsSynthesisWithHowToBuildIt() {
        System.setProperty(LambdaBundle.JAR_PROPERTY, "/nonexistent/wild-rydes-lambdas.jar");
        IllegalStateException error =
                assertThrows(IllegalStateException.class, () -> LambdaBundle.code(LambdaBundle.RIDE_QUEUE));
        assertTrue(
                error.getMessage().contains("/nonexistent/functions/RideQueueHandler.jar does not exist"),
                error.getMessage());
        assertTrue(error.getMessage().contains("mvn -B -DskipTests -pl lambdas,infra -am package"), error.getMessage());
    }
}
