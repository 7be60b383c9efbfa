package com.wildrydes.test.endpoint;

import static com.wildrydes.test.endpoint.LocalWorkshop.LAB1;
import static com.wildrydes.test.endpoint.LocalWorkshop.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.local.RepositoryRoot;
import com.wildrydes.test.engines.LocalEngines;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code aws logs tail} (AWS CLI v2; this machine's v1 has no {@code tail}) against local mode's
 * endpoint, through the calls the CLI makes (its {@code customizations/logs/tail.py}): one
 * FilterLogEvents per page with {@code interleaved} and a {@code startTime} from {@code --since}
 * (ten minutes by default), {@code filterPattern} from {@code --filter-pattern},
 * {@code logStreamNames} or {@code logStreamNamePrefix}, following {@code nextToken}; and with
 * {@code --follow}, the same call every 5 s from the newest event's timestamp, the events seen at
 * that timestamp skipped by {@code eventId}. Each event needs the fields the formats print
 * ({@code --format detailed|short|json|none}): timestamp, ingestionTime, logStreamName, message.
 * No other API is called: not StartLiveTail, which {@code aws logs start-live-tail} uses.
 */
@ExtendWith({LocalEngines.class, LocalWorkshop.class})
class LogsTailLocalTest {

    private static final String GROUP = "/aws/lambda/" + LAB1 + "-CustomerAccountingFunction";

    private final CloudFormationClient cloudFormation = client(CloudFormationClient.builder());
    private final CloudWatchLogsClient logs = client(CloudWatchLogsClient.builder());
    private final LambdaClient lambda = client(LambdaClient.builder());

    @Test
    void tailWithAndWithoutFollowSinceAndFilterPatternFindsTheFunctionsLines() throws Exception {
        long before = System.currentTimeMillis();
        invokeWithTheConsolesTestEvent();

        // `aws logs tail GROUP` (--since 10m by default): the invocation's lines, each with what the formats print.
        List<FilteredLogEvent> tailed = tail(request -> request.startTime(System.currentTimeMillis() - 600_000));
        assertTrue(tailed.stream().anyMatch(event -> event.message().contains("console-test-ride")), tailed.toString());
        for (FilteredLogEvent event : tailed) {
            assertNotNull(event.eventId(), event.toString());
            assertNotNull(event.timestamp(), event.toString());
            assertNotNull(event.ingestionTime(), event.toString());
            assertNotNull(event.logStreamName(), event.toString());
        }

        // `--filter-pattern '{ $.outcome = "processed" }'` and a plain term: only matching lines.
        List<FilteredLogEvent> processed =
                tail(request -> request.startTime(before).filterPattern("{ $.outcome = \"processed\" }"));
        assertFalse(processed.isEmpty(), "no processed line since the invocation");
        assertTrue(
                processed.stream().allMatch(event -> event.message().contains("\"outcome\":\"processed\"")),
                processed.toString());
        assertTrue(tail(request -> request.startTime(before).filterPattern("no-such-term-anywhere"))
                .isEmpty());

        // `--log-stream-name-prefix` and `--log-stream-names`: the function's stream, and none other.
        String stream = tailed.get(0).logStreamName();
        assertEquals(
                tailed.size(),
                tail(request -> request.startTime(before - 600_000).logStreamNamePrefix(stream.substring(0, 3)))
                        .size());
        assertTrue(tail(request -> request.startTime(before).logStreamNames("no-such-stream"))
                .isEmpty());

        // `--since` after the lines: none.
        assertTrue(tail(request -> request.startTime(System.currentTimeMillis() + 1_000))
                .isEmpty());

        // `--follow`: poll from the newest timestamp; what was seen there is skipped by its eventId, new lines come.
        long newest =
                tailed.stream().mapToLong(FilteredLogEvent::timestamp).max().orElseThrow();
        Set<String> seenAtNewest = new HashSet<>();
        tailed.stream()
                .filter(event -> event.timestamp() == newest)
                .forEach(event -> seenAtNewest.add(event.eventId()));
        List<FilteredLogEvent> again = tail(request -> request.startTime(newest));
        assertTrue(
                again.stream().map(FilteredLogEvent::eventId).toList().containsAll(seenAtNewest),
                "a poll from the newest timestamp gives the events at that timestamp again (startTime is inclusive), "
                        + "which the CLI skips by eventId: " + again);
        invokeWithTheConsolesTestEvent();
        List<FilteredLogEvent> followed = tail(request -> request.startTime(newest)).stream()
                .filter(event -> !seenAtNewest.contains(event.eventId()))
                .toList();
        assertTrue(
                followed.stream().anyMatch(event -> event.message().contains("console-test-ride")),
                followed.toString());
        assertTrue(followed.stream().allMatch(event -> event.timestamp() >= newest), followed.toString());
    }

    @Test
    void tailFollowsNextTokenAcrossPages() {
        invokeWithTheConsolesTestEvent();
        List<FilteredLogEvent> whole = tail(request -> request.startTime(0L));
        // The CLI's paginator follows nextToken: pages of one event give the same events in the same order.
        List<String> paged = logs
                .filterLogEventsPaginator(request -> request.logGroupName(GROUP)
                        .interleaved(true)
                        .startTime(0L)
                        .limit(1))
                .events()
                .stream()
                .map(FilteredLogEvent::eventId)
                .toList();
        assertEquals(whole.stream().map(FilteredLogEvent::eventId).toList(), paged);
        FilterLogEventsResponse last = logs.filterLogEvents(request ->
                request.logGroupName(GROUP).interleaved(true).startTime(0L).limit(whole.size()));
        assertNull(last.nextToken(), "a page holding every event has no next page");
    }

    /**
     * The two APIs end their time range differently, as AWS documents them: FilterLogEvents leaves
     * out events later than {@code endTime} (an event at it is returned), GetLogEvents those at or
     * after it.
     */
    @Test
    void filterLogEventsEndsAtEndTimeInclusiveGetLogEventsExclusive() {
        invokeWithTheConsolesTestEvent();
        FilteredLogEvent newest = tail(request -> request.startTime(0L)).stream()
                .reduce((first, second) -> second)
                .orElseThrow();
        List<FilteredLogEvent> upToIt = tail(request -> request.startTime(0L).endTime(newest.timestamp()));
        assertTrue(
                upToIt.stream().anyMatch(event -> event.eventId().equals(newest.eventId())),
                "FilterLogEvents returns the event at endTime: " + upToIt);
        List<software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent> before = logs.getLogEvents(
                        request -> request.logGroupName(GROUP)
                                .logStreamName(newest.logStreamName())
                                .startTime(0L)
                                .endTime(newest.timestamp()))
                .events();
        assertTrue(
                before.stream().allMatch(event -> event.timestamp() < newest.timestamp()),
                "GetLogEvents leaves out events at endTime: " + before);
    }

    /** FilterLogEvents as the CLI's tail sends it, every page. */
    private List<FilteredLogEvent> tail(UnaryOperator<FilterLogEventsRequest.Builder> options) {
        return logs
                .filterLogEventsPaginator(options.apply(FilterLogEventsRequest.builder()
                                .logGroupName(GROUP)
                                .interleaved(true))
                        .build())
                .events()
                .stream()
                .toList();
    }

    /** The README's `aws lambda invoke` with the original's SNS test event (docs/lab1/sns_event.json). */
    private void invokeWithTheConsolesTestEvent() {
        String function =
                cloudFormation.describeStacks(request -> request.stackName(LAB1)).stacks().get(0).outputs().stream()
                        .filter(output -> output.outputKey().equals("CustomerAccountingFunction"))
                        .map(Output::outputValue)
                        .findFirst()
                        .orElseThrow();
        try {
            String event = Files.readString(RepositoryRoot.path().resolve("docs/lab1/sns_event.json"));
            String error = lambda.invoke(
                            request -> request.functionName(function).payload(SdkBytes.fromUtf8String(event)))
                    .functionError();
            assertNull(error, "the test event is processed");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
