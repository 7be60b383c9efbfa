package com.wildrydes.lambdas.rfq;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.wildrydes.lambdas.common.ApiResponses;
import com.wildrydes.lambdas.common.InvalidRequestException;
import com.wildrydes.lambdas.common.SnapStartPriming;
import java.time.Clock;
import java.util.Map;

/**
 * {@code GET /query-instant-ride-rfq/{id}}: 200 with the request, the quotes counted so far,
 * whether it is still open and how many of how many responders answered; 404 for an unknown ID;
 * 400 for one that is not a UUID.
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
        return store.find(rfqId)
                .map(state -> ApiResponses.ok(RfqViews.queryAnswer(state, clock.instant())))
                .orElseGet(() -> ApiResponses.notFound("No request for quotes with rfq-id " + rfqId));
    }
}
