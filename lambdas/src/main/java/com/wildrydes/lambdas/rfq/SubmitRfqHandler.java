package com.wildrydes.lambdas.rfq;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.wildrydes.lambdas.common.ApiRequests;
import com.wildrydes.lambdas.common.ApiResponses;
import com.wildrydes.lambdas.common.AwsErrors;
import com.wildrydes.lambdas.common.Environment;
import com.wildrydes.lambdas.common.InvalidRequestException;
import com.wildrydes.lambdas.common.SnapStartPriming;
import com.wildrydes.lambdas.common.StoreThenPublish;
import com.wildrydes.lambdas.common.StructuredLog;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code POST /submit-instant-ride-rfq}: stores the request (open until its deadline or until every
 * expected responder answered), starts its deadline timer, publishes it to the responders, and
 * answers 201 with its {@code rfq-id} and where to query it. Invalid input answers 400 naming the
 * field, with nothing stored or sent. A request that cannot be sent out is deleted again, so no
 * customer waits on a request no responder saw; the answer is 503 with Retry-After when a retry can
 * succeed, 500 when it cannot (see {@link AwsErrors}).
 */
public class SubmitRfqHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final StoreThenPublish SUBMIT = new StoreThenPublish("rfq", "rfqId", "The request for quotes");

    private final RfqStore store;
    private final RfqMessaging messaging;
    private final int expectedResponders;
    private final Duration deadline;
    private final Clock clock;
    private final Supplier<String> newId;

    public SubmitRfqHandler() {
        this(
                RfqHandlerEnvironment.store(),
                RfqMessaging.fromEnvironment(),
                Integer.parseInt(Environment.required("EXPECTED_RESPONDERS")),
                Duration.ofSeconds(Long.parseLong(Environment.required("DEADLINE_SECONDS"))),
                Clock.systemUTC(),
                () -> UUID.randomUUID().toString());
        SnapStartPriming.register(
                SubmitRfqHandler.class,
                store.primer(),
                messaging.primer(),
                () -> ApiResponses.created(
                        "/query-instant-ride-rfq/" + newId.get(), Map.of(RfqRequest.RFQ_ID, "priming")));
    }

    public SubmitRfqHandler(
            RfqStore store,
            RfqMessaging messaging,
            int expectedResponders,
            Duration deadline,
            Clock clock,
            Supplier<String> newId) {
        this.store = store;
        this.messaging = messaging;
        this.expectedResponders = expectedResponders;
        this.deadline = deadline;
        this.clock = clock;
        this.newId = newId;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        RfqRequest rfq;
        try {
            rfq = RfqRequest.parse(newId.get(), ApiRequests.body(request));
        } catch (InvalidRequestException e) {
            StructuredLog.info("rfq-rejected", Map.of("field", e.getField(), "problem", e.getProblem()));
            return ApiResponses.badRequest(e);
        }
        // The deadline is scheduled before the publish: a request no responder saw is removed again,
        // and its deadline message then finds nothing open to close.
        return SUBMIT.submit(
                rfq.rfqId(),
                () -> store.createRequest(
                        rfq, expectedResponders, clock.instant().plus(deadline)),
                () -> {
                    messaging.scheduleDeadline(rfq.rfqId(), deadline);
                    messaging.publishRequest(rfq);
                },
                () -> store.deleteRequest(rfq.rfqId()),
                () -> ApiResponses.created(
                        "/query-instant-ride-rfq/" + rfq.rfqId(), Map.of(RfqRequest.RFQ_ID, rfq.rfqId())));
    }
}
