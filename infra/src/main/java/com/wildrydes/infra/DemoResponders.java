package com.wildrydes.infra;

import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.functions.JavaFunctionProps;
import com.wildrydes.constructs.rfq.ResponderOptions;
import com.wildrydes.constructs.rfq.ScatterGatherRfq;
import com.wildrydes.constructs.rfq.ScatterGatherRfqProps;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Code;

/**
 * Lab 3's ten demo responders, the workshop's unicorn-management resources: each answers one request
 * in two, after up to a minute, with a random quote. The workshop's choice, attached to the request for
 * quotes by name as any reuser's responders are; they live under the request for quotes' scope
 * ({@code RideBooking/UnicornManagementResourceN}), where the library created them before 3.0, so
 * their logical IDs and log group names did not change.
 */
final class DemoResponders {

    static final String HANDLER = "com.wildrydes.lambdas.rfq.DemoResponderHandler::handleRequest";
    static final String NAME_PREFIX = "UnicornManagementResource";
    static final int COUNT = 10;
    static final double AVAILABILITY = 0.5;
    static final Duration MAX_DELAY = Duration.seconds(60);
    /** Ten seconds more than the longest delay, to send the quote. */
    static final Duration TIMEOUT = Duration.seconds(70);
    /**
     * Concurrent executions each responder reserves and may not exceed: with the submit method's throttle
     * (1 request a second, burst 2), the ten hold at most 100 of an account's default 1,000.
     */
    static final int RESERVED_CONCURRENCY = 10;

    private DemoResponders() {}

    /**
     * Creates the responders and attaches them to {@code rfq}. Lambda keeps a throttled event for
     * retries; past the request's deadline its quote no longer counts, so the event is given up then
     * (into the responder's failed-invocations queue, which alarms).
     */
    static void addTo(ScatterGatherRfq rfq, Code code, LabSettings settings) {
        for (int i = 1; i <= COUNT; i++) {
            String name = NAME_PREFIX + i;
            JavaFunction responder = new JavaFunction(
                    rfq,
                    name,
                    JavaFunctionProps.builder()
                            .code(code)
                            .handler(HANDLER)
                            .description("Demo responder " + name + ": answers requests for quotes at random")
                            .memorySize(512)
                            .reservedConcurrentExecutions(
                                    settings.reserveResponderConcurrency() ? RESERVED_CONCURRENCY : null)
                            .snapStart(settings.snapStart())
                            .timeout(TIMEOUT)
                            .environment(Map.of(
                                    "RESPONDER_NAME", name,
                                    "AVAILABILITY", Double.toString(AVAILABILITY),
                                    "MAX_DELAY_SECONDS",
                                            Long.toString(MAX_DELAY.toSeconds().longValue())))
                            .build());
            rfq.addResponder(
                    name,
                    responder.getAlias(),
                    ResponderOptions.builder()
                            .maxEventAge(ScatterGatherRfqProps.DEFAULT_DEADLINE)
                            .build());
        }
    }
}
