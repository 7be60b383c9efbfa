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

    /**
     * Each handler class's package budget. Issue 23's 6 MB holds for the SQS-only responder; a handler
     * that needs the DynamoDB client does not fit: the clients' model classes alone take 2.0 MB
     * (DynamoDB, 1,246 classes), 0.68 MB (SNS) and 0.48 MB (SQS) compressed, every one reachable from
     * the client's interface, and a handler taking an API Gateway or SQS event also needs joda-time
     * (0.33 MB), which the runtime's serializer loads by name. Those budgets are today's size plus
     * about 2 %, so that a new dependency shows here.
     */
    private static final Map<String, Long> PACKAGE_BUDGETS = Map.ofEntries(
            Map.entry("RideNotificationHandler", NO_SDK_BUDGET),
            Map.entry("RideQueueHandler", NO_SDK_BUDGET),
            Map.entry("ChargeFareHandler", NO_SDK_BUDGET),
            Map.entry("CreditCustomerAccountHandler", NO_SDK_BUDGET),
            Map.entry("RefundFareHandler", NO_SDK_BUDGET),
            Map.entry("DemoResponderHandler", LARGEST_BUDGET),
            Map.entry("QueryRfqHandler", 6_200_000L),
            Map.entry("SubmitRideCompletionHandler", 7_300_000L),
            Map.entry("QuoteCollectorHandler", 8_050_000L),
            Map.entry("RfqDeadlineHandler", 8_050_000L),
            Map.entry("SubmitRfqHandler", 8_050_000L));

    /** The handlers that call no AWS API: their packages hold none of the SDK (but its relocated jackson-core). */
    private static final Set<String> NO_SDK = Set.of(
            "RideNotificationHandler",
            "RideQueueHandler",
            "ChargeFareHandler",
            "CreditCustomerAccountHandler",
            "RefundFareHandler");

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
