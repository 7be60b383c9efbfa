package com.wildrydes.lambdas.rfq;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.wildrydes.lambdas.common.ApiResponses;
import com.wildrydes.lambdas.common.AwsErrors;
import com.wildrydes.lambdas.common.InvalidRequestException;
import com.wildrydes.lambdas.common.SnapStartPriming;
import com.wildrydes.lambdas.common.StructuredLog;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code GET /query-instant-ride-rfq/{id}}: 200 with the request, the quotes counted so far,
 * whether it is still open and how many of how many responders answered; 404 for an unknown ID;
 * 400 for one that is not a UUID. When the table cannot be read, 503 with Retry-After if asking
 * again can succeed (throttling, a 5xx, no answer), 500 if it cannot (see {@link AwsErrors}).
 */
public class QueryRfqHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final RfqStore store;
    private final Clock clock;

    public QueryRfqHandler() {
        this(RfqHandlerEnvironment.store(), Clock.systemUTC());
        SnapStartPriming.register(
                QueryRfqHandler.class,
                store.primer(),
                () -> ApiResponses.ok(RfqViews.queryAnswer(RfqSamples.closed(), clock.instant())));
    }

    public QueryRfqHandler(RfqStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        Map<String, String> path = request.getPathParameters();
        String rfqId;
        try {
            rfqId = RfqIds.requireValid(path == null ? null : path.get("id"));
        } catch (InvalidRequestException e) {
            return ApiResponses.badRequest(e);
        }
        Optional<RfqState> state;
        try {
            state = store.find(rfqId);
        } catch (SdkException e) {
            StructuredLog.error(
                    "rfq-not-read",
                    Map.of(
                            "rfqId",
                            rfqId,
                            "error",
                            String.valueOf(e.getMessage()),
                            "retryable",
                            AwsErrors.isRetryable(e)));
            return ApiResponses.readFailed(e, "The request for quotes could not be read");
        }
        return state.map(found -> ApiResponses.ok(RfqViews.queryAnswer(found, clock.instant())))
                .orElseGet(() -> ApiResponses.notFound("No request for quotes with rfq-id " + rfqId));
    }
}
