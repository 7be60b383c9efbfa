package com.wildrydes.lambdas.learn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.wildrydes.lambdas.common.ApiRequests;
import com.wildrydes.lambdas.common.ApiResponses;
import com.wildrydes.lambdas.common.AwsClients;
import com.wildrydes.lambdas.common.Environment;
import com.wildrydes.lambdas.common.InvalidRequestException;
import com.wildrydes.lambdas.rides.RideCompletion;
import com.wildrydes.lambdas.rides.RideStore;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * The lab 1 learner's submit function (docs/learn-lab1.md): it stores the ride and answers 201,
 * and in step 4 the learner adds the call that publishes the ride to the ride-completion topic.
 * Until then it publishes nowhere, as the original workshop's starting point does. The finished
 * lab's {@code SubmitRideCompletionHandler} does the same and more (it undoes the write when the
 * publish fails); this one is kept short so that the publish call is the learner's.
 */
public class Lab1SubmitRideCompletionHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final SnsClient SNS = AwsClients.build(SnsClient.builder());

    private final RideStore store =
            new RideStore(AwsClients.build(DynamoDbClient.builder()), Environment.required("TABLE_NAME"));

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        RideCompletion ride;
        try {
            ride = RideCompletion.parse(UUID.randomUUID().toString(), ApiRequests.body(request));
        } catch (InvalidRequestException e) {
            return ApiResponses.badRequest(e);
        }
        store.add(ride);
        publish(ride);
        return ApiResponses.created("/rides/" + ride.id(), Map.of("id", ride.id()));
    }

    /** Publishes the ride to the topic whose ARN is in TOPIC_ARN: the learner writes this in step 4. */
    private void publish(RideCompletion ride) {
        // >>> step 4
        // <<< step 4
    }

    /** A Number message attribute, which a subscription's filter policy can compare with numbers. */
    private static MessageAttributeValue number(java.math.BigDecimal value) {
        return MessageAttributeValue.builder()
                .dataType("Number")
                .stringValue(value.toPlainString())
                .build();
    }
}
