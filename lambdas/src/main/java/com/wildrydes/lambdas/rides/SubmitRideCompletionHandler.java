package com.wildrydes.lambdas.rides;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.wildrydes.lambdas.common.ApiRequests;
import com.wildrydes.lambdas.common.ApiResponses;
import com.wildrydes.lambdas.common.AwsClients;
import com.wildrydes.lambdas.common.Environment;
import com.wildrydes.lambdas.common.InvalidRequestException;
import com.wildrydes.lambdas.common.SnapStartPriming;
import com.wildrydes.lambdas.common.StoreThenPublish;
import com.wildrydes.lambdas.common.StructuredLog;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * {@code POST /submit-ride-completion}: validates the ride, stores it in the Rides table, publishes
 * it to the ride-completion topic and answers 201 with its id and location.
 * <p>
 * Invalid input answers 400 naming the field, and nothing is stored or published. A ride is
 * acknowledged only once it is both stored and published: when the publish fails after the write,
 * the ride is deleted again, so no subscriber misses a ride the API confirmed. (If that delete fails
 * too, the orphan is logged with its id; it was never confirmed to the client.) A failure a retry
 * can fix (throttling, a 5xx, no answer) is 503 with Retry-After; one it cannot (DynamoDB or SNS
 * refusing the call itself) is 500, so that no client retries a request that can never succeed.
 */
public class SubmitRideCompletionHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final StoreThenPublish SUBMIT = new StoreThenPublish("ride", "rideId", "The ride");

    private final RideStore store;
    private final RidePublisher publisher;
    private final Supplier<String> newId;

    /**
     * Used by the Lambda runtime: TABLE_NAME and TOPIC_ARN come from the environment; the clients
     * are primed before a SnapStart snapshot.
     */
    public SubmitRideCompletionHandler() {
        this(
                new RideStore(AwsClients.build(DynamoDbClient.builder()), Environment.required("TABLE_NAME")),
                new RidePublisher(AwsClients.build(SnsClient.builder()), Environment.required("TOPIC_ARN")),
                () -> UUID.randomUUID().toString());
        SnapStartPriming.register(
                SubmitRideCompletionHandler.class,
                store.primer(),
                publisher.primer(),
                () -> ApiResponses.created("/rides/" + newId.get(), Map.of("id", "priming")));
    }

    public SubmitRideCompletionHandler(RideStore store, RidePublisher publisher, Supplier<String> newId) {
        this.store = store;
        this.publisher = publisher;
        this.newId = newId;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        RideCompletion ride;
        try {
            ride = RideCompletion.parse(newId.get(), ApiRequests.body(request));
        } catch (InvalidRequestException e) {
            StructuredLog.info("ride-rejected", Map.of("field", e.getField(), "problem", e.getProblem()));
            return ApiResponses.badRequest(e);
        }
        return SUBMIT.submit(
                ride.id(),
                () -> store.add(ride),
                () -> publisher.publish(ride),
                () -> store.remove(ride.id()),
                () -> ApiResponses.created("/rides/" + ride.id(), Map.of("id", ride.id())));
    }
}
