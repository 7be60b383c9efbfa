package com.wildrydes.test.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.console.ConsoleServer;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.support.SynthesizedApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local console in a real browser (the machine's headless Chromium), one lab at a time: the
 * page draws the template's nodes and edges, and what a learner does there (send the workshop's
 * sample request, plan faults, redrive, start a saga execution) shows on the counters, the dead-
 * letter queues and the states graph. Each lab's page is saved as {@code target/console/<stack>.png};
 * how late the page showed each update is logged (goal: within 1 s), not asserted. Any error in
 * the browser's console fails the test.
 */
@ExtendWith(LocalEngines.class)
class ConsoleBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "console");
    private static final String SUBMIT_RIDE_ROUTE = "UnicornManagementServiceApisubmitridecompletionPOST219933A7";
    private static final String ACCOUNTING = "CustomerAccountingFunctionFA09DB28";
    private static final String NOTIFICATION = "CustomerNotificationFunctionD73BCFC3";
    private static final String EXTRAORDINARY = "ExtraordinaryRidesFunctionAD498A44";

    /** Screen pixels of the smallest label a learner reads without zooming (the page's own text is 11 to 13 px). */
    private static final double SMALLEST_LEGIBLE_LABEL_PX = 9;

    private static Chromium chromium;

    @BeforeAll
    static void startBrowser() throws Exception {
        chromium = new Chromium();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void lab1FansOutTheRideFiltersTheOrdinaryOneAndDeadLettersTheFailingService() throws Exception {
        LocalSettings settings = accountingFails().withAsyncRetryDelay(Duration.ofMillis(200));
        withConsole("wild-rydes-async-msg-1", settings, (lab, page) -> {
            String filtered = "ExtraordinaryRidesSubscription689B6D9F";
            anOrdinaryRideSkipsTheFilteredService(page, filtered);

            assertShows(page.sendSample(SUBMIT_RIDE_ROUTE, "extraordinary ride"), "\"status\": 201");
            page.awaitCounter(EXTRAORDINARY, "invocations", 1);
            page.awaitCounter(NOTIFICATION, "invocations", 2);
            page.awaitCounter(filtered, "delivered", 1);
            assertTrue(page.label(NOTIFICATION).contains("inv 2"), page.label(NOTIFICATION));

            // Accounting fails every time (FAILURE_RATE 1): Lambda retries twice, then the on-failure destination.
            String deadLetters = onFailureDestinationOf(page, ACCOUNTING);
            page.awaitCounter(ACCOUNTING, "retried", 2);
            page.awaitCounter(deadLetters, "deadLettered", 1);
            page.click(deadLetters);
            assertTrue(page.awaitDetails("RetriesExhausted").contains("SimulatedFailureException"));
            long before = page.counter(ACCOUNTING, "invocations");
            String redriven = page.redrive(deadLetters);
            assertTrue(redriven.matches("(?s)200 .*\"moved\": [1-9].*"), redriven);
            page.awaitCounter(ACCOUNTING, "invocations", before + 1);
        });
    }

    @Test
    void lab2ChainsTheRideThroughQueuesAndMovesThePoisonedMessageToTheDeadLetterQueue() throws Exception {
        // On local mode's time scale the queues' 60 s visibility timeout becomes 2 s (template unchanged).
        LocalSettings settings = accountingFails().withTimeScale(1.0 / 30);
        withConsole("wild-rydes-async-msg-2", settings, (lab, page) -> {
            anOrdinaryRideSkipsTheFilteredService(page, "ExtraordinaryRidesChainSubscription80C024D2");

            // Each receive fails; after the redrive policy's maxReceiveCount the queue moves it to its DLQ.
            String queue = queueFeeding(page, ACCOUNTING);
            String deadLetters = deadLetterQueueOf(page, queue);
            page.awaitCounter(ACCOUNTING, "retried", 1);
            page.awaitCounter(deadLetters, "deadLettered", 1);
            page.click(deadLetters);
            page.awaitDetails("Potsdam");
            String redriven = page.redrive(deadLetters);
            assertTrue(redriven.contains("\"moved\": 1"), redriven);
            page.awaitCounter(queue, "received", 6);
        });
    }

    @Test
    void lab3ScattersTheRequestToTheTenRespondersAndDeadLettersTheOneWhoseQuoteCannotBeSent() throws Exception {
        String submit = "RideBookingSubmitFunction507354A7";
        String failing = "RideBookingUnicornManagementResource1Function47FF249E";
        LocalSettings settings = LocalSettings.fromSystemProperties()
                .withNamePrefix("console-")
                .withTimeScale(1.0 / 30)
                .withAsyncRetryDelay(Duration.ofMillis(200))
                .withEnvironment(submit, "DEADLINE_SECONDS", "900")
                // The responder whose quote fails always answers at once (the demo declines at random).
                .withEnvironment(failing, "AVAILABILITY", "1")
                .withEnvironment(failing, "MAX_DELAY_SECONDS", "0");
        withConsole("wild-rydes-async-msg-3", settings, (lab, page) -> {
            List<String> drawnResponders = page.nodes().stream()
                    .filter(id -> id.matches("RideBookingUnicornManagementResource\\d+Function[0-9A-F]{8}"))
                    .toList();
            assertEquals(10, drawnResponders.size(), drawnResponders.toString());
            // At first sight the ten alike responders (with their dead-letter queues) are one node.
            Map<String, List<String>> groups = page.foldedGroups();
            assertEquals(1, groups.size(), groups.toString());
            String group = groups.keySet().iterator().next();
            assertEquals(new java.util.TreeSet<>(drawnResponders), new java.util.TreeSet<>(groups.get(group)));
            assertTrue(drawnResponders.stream().noneMatch(page::shown), "the responders are folded");
            assertTrue(page.label(group).startsWith("10 × "), page.label(group));
            for (int nth = 1; nth <= 3; nth++) {
                String planned = page.planFault(failing, "SQS", "SendMessage", nth, 400, "InvalidParameterValue");
                assertTrue(planned.startsWith("200"), planned);
            }
            String answer = page.sendSample("RideBookingApisubmitinstantriderfqPOST252F1E4F", "request for quotes");
            assertTrue(answer.contains("rfq-id"), answer);
            for (String responder : drawnResponders) {
                page.awaitCounter(responder, "invocations", 1);
            }
            page.awaitCounter(failing, "failed", 3);
            page.awaitCounter(failing, "retried", 2);
            String deadLetters = onFailureDestinationOf(page, failing);
            page.awaitCounter(deadLetters, "deadLettered", 1);
            // The folded group counts for its members: 10 invocations, 2 retries, 3 failures among them.
            assertTrue(page.label(group).contains("fail 3"), page.label(group));
            page.unfold(group, failing);
            assertTrue(page.shown(deadLetters));
            page.click(deadLetters);
            page.awaitDetails("SqsException");
            page.fold(group);
            assertTrue(drawnResponders.stream().noneMatch(page::shown), "the responders folded again");
        });
    }

    @Test
    void lab4ColoursEachSagaExecutionsPathAndRoutesItsNotificationsByFilter() throws Exception {
        String saga = "FareCollectionSagaStateMachine8ADF76D1";
        withConsole(
                "wild-rydes-async-msg-4",
                LocalSettings.fromSystemProperties().withNamePrefix("console-"),
                (lab, page) -> {
                    page.noteStateColours();
                    assertTrue(
                            page.startExecution(saga, "credit fails: refunded").startsWith("202"));
                    page.awaitCounter(saga, "failed", 1);
                    colouredStateByStateWhileRunning(page, saga);
                    assertTrue(
                            page.classes(saga + "/RegisterFare").contains("state-succeeded"),
                            page.classes(saga + "/RegisterFare"));
                    assertTrue(page.classes(saga + "/CreditCustomerAccount").contains("state-caught"));
                    assertTrue(page.classes(saga + "/FareCollectionFailed").contains("state-failed"));
                    assertEquals(
                            "",
                            page.classes(saga + "/FareCollected"),
                            "a state the execution never entered stays grey");
                    assertTrue(page.click(saga).contains("CreditCustomerAccount"));

                    assertShows(page.startExecution(saga, "fare collected"), "202");
                    page.awaitCounter(saga, "succeeded", 1);
                    assertTrue(page.classes(saga + "/FareCollected").contains("state-succeeded"));
                    assertEquals("", page.classes(saga + "/NotifyFailure"));

                    String successful = "FareCollectionSagaSuccessfulTransactionsSubscriptionB622756E";
                    String failed = "FareCollectionSagaFailedTransactionsSubscription23A4E733";
                    page.awaitCounter(successful, "delivered", 1);
                    page.awaitCounter(failed, "delivered", 1);
                    page.awaitCounter("FareCollectionSagaOperatorActionsSubscriptionD2EE1478", "filteredOut", 2);
                    String queue =
                            page.edges().get("subscription " + successful).split(">")[1];
                    page.awaitCounter(queue, "depth", 1);
                });
    }

    /**
     * As the AWS console does, the page coloured the execution's states while it ran, as the
     * interpreter entered and left each: the credit step shown in progress, the first state green
     * before the execution ended (the end's time as the page's live log lists it).
     */
    private static void colouredStateByStateWhileRunning(ConsolePage page, String saga) {
        long ended = page.lastLogged("EXECUTION_ENDED");
        List<Map<String, Object>> colours = page.stateColours();
        System.out.println("console saga colours (execution ended at " + ended + "): " + colours);
        assertTrue(
                colours.stream()
                        .anyMatch(c -> c.get("state").equals(saga + "/CreditCustomerAccount")
                                && String.valueOf(c.get("classes")).contains("state-running")),
                "the credit step shown in progress while it ran: " + colours);
        long registered = colours.stream()
                .filter(c -> c.get("state").equals(saga + "/RegisterFare")
                        && String.valueOf(c.get("classes")).contains("state-succeeded"))
                .mapToLong(c -> ((Number) c.get("at")).longValue())
                .min()
                .orElseThrow(() -> new AssertionError("RegisterFare never shown succeeded: " + colours));
        assertTrue(
                registered < ended,
                "RegisterFare shown succeeded at " + registered + ", before the execution ended at " + ended + ": "
                        + colours);
    }

    /** Labs 1 and 2: accounting always fails (the demo's FAILURE_RATE), the other services never. */
    private static LocalSettings accountingFails() {
        return LocalSettings.fromSystemProperties()
                .withNamePrefix("console-")
                .withEnvironment(ACCOUNTING, "FAILURE_RATE", "1")
                .withEnvironment(NOTIFICATION, "FAILURE_RATE", "0")
                .withEnvironment(EXTRAORDINARY, "FAILURE_RATE", "0");
    }

    /** The workshop's ordinary ride reaches the two unfiltered services; the extraordinary-rides filter drops it. */
    private static void anOrdinaryRideSkipsTheFilteredService(ConsolePage page, String filtered) throws Exception {
        assertShows(page.sendSample(SUBMIT_RIDE_ROUTE, "ordinary ride"), "\"status\": 201");
        page.awaitCounter(NOTIFICATION, "invocations", 1);
        page.awaitCounter(ACCOUNTING, "invocations", 1);
        page.awaitCounter(filtered, "filteredOut", 1);
        Thread.sleep(1000);
        assertEquals(0, page.counter(EXTRAORDINARY, "invocations"), "the filtered-out service is not invoked");
        assertEquals(0, page.counter(filtered, "delivered"));
    }

    /** The action's answer (its HTTP status first) shows that, or the test fails with the whole answer. */
    private static void assertShows(String answer, String expected) {
        assertTrue(answer.contains(expected), answer);
    }

    @FunctionalInterface
    private interface Scenario {
        void run(LocalLab lab, ConsolePage page) throws Exception;
    }

    private static void withConsole(String stack, LocalSettings settings, Scenario scenario) throws Exception {
        try (LocalLab lab = LocalLab.start(SynthesizedApp.cloudAssembly(), stack, LocalEngines.get(), settings);
                ConsoleServer console = new ConsoleServer(0)) {
            console.add(lab, LocalEngines.get());
            ConsolePage page = new ConsolePage(chromium.driver(), console.pageUrl(stack));
            try {
                ConsolePage.assertDrawsTheTemplate(page, TemplateGraph.of(lab.template(), lab));
                assertReadableAtFirstSight(stack, page);
                scenario.run(lab, page);
                chromium.screenshot(SCREENSHOTS.resolve(stack + ".png"));
                assertEquals(List.of(), chromium.consoleErrors(), "errors in the browser's console");
            } finally {
                logLatencies(stack, page.latencies());
                // Leaves the page before its server stops: its live connection would fail, loudly, in
                // the next lab's console log.
                chromium.leave();
            }
        }
    }

    /**
     * Readable as the page first shows it, without zooming: every node label at least {@link
     * #SMALLEST_LEGIBLE_LABEL_PX} screen pixels high, no two node boxes (labels included) on top of
     * each other, every node inside the graph's area.
     */
    private static void assertReadableAtFirstSight(String stack, ConsolePage page) {
        Map<String, Object> seen = page.legibility();
        System.out.println("console legibility " + stack + ": " + seen);
        double smallest = ((Number) seen.get("smallestLabelPx")).doubleValue();
        assertTrue(
                smallest >= SMALLEST_LEGIBLE_LABEL_PX,
                "labels readable without zooming (at least " + SMALLEST_LEGIBLE_LABEL_PX + " px): " + seen);
        assertEquals(List.of(), seen.get("overlaps"), "nodes drawn over each other: " + seen);
        assertEquals(List.of(), seen.get("outside"), "nodes outside the graph's area: " + seen);
    }

    /** Logged for the goal (within 1 s on the 2-core machine); timings under load are not asserted. */
    private static void logLatencies(String stack, List<Long> millis) throws java.io.IOException {
        if (millis.isEmpty()) {
            return;
        }
        String line = String.format(
                "%s: %d page updates, event to page (ms): median %d, p95 %d, max %d%n",
                stack,
                millis.size(),
                millis.get(millis.size() / 2),
                millis.get((int) Math.min(millis.size() - 1, Math.ceil(millis.size() * 0.95) - 1)),
                millis.get(millis.size() - 1));
        System.out.print("console latency " + line);
        Files.createDirectories(SCREENSHOTS);
        Files.writeString(
                SCREENSHOTS.resolve("latency.txt"),
                line,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private static String onFailureDestinationOf(ConsolePage page, String function) {
        return page.edges().entrySet().stream()
                .filter(edge -> edge.getKey().startsWith("onFailure ")
                        && edge.getValue().startsWith(function + ">"))
                .map(edge -> edge.getValue().split(">")[1])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no on-failure destination drawn for " + function));
    }

    private static String queueFeeding(ConsolePage page, String function) {
        return page.edges().entrySet().stream()
                .filter(edge -> edge.getKey().startsWith("eventSource ")
                        && edge.getValue().endsWith(">" + function))
                .map(edge -> edge.getValue().split(">")[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no queue drawn feeding " + function));
    }

    private static String deadLetterQueueOf(ConsolePage page, String queue) {
        return page.edges().entrySet().stream()
                .filter(edge ->
                        edge.getKey().startsWith("redrive ") && edge.getValue().startsWith(queue + ">"))
                .map(edge -> edge.getValue().split(">")[1])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no dead-letter queue drawn for " + queue));
    }
}
