package com.wildrydes.lambdas.rides;

import com.wildrydes.lambdas.common.SnapStartPriming;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes completed rides to the ride-completion topic, with {@code fare} and {@code distance}
 * as Number message attributes so that subscribers can filter on them.
 */
public class RidePublisher {

    private final SnsClient sns;
    private final String topicArn;

    public RidePublisher(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    /** Returns the SNS message id. */
    public String publish(RideCompletion ride) {
        return sns.publish(publish -> publish.topicArn(topicArn)
                        .message(ride.toJson())
                        .messageAttributes(Map.of(
                                "fare", number(ride.fare().toPlainString()),
                                "distance", number(ride.distance().toPlainString()))))
                .messageId();
    }

    /** SnapStart priming: the publish of a sample ride, marshalled and signed, never sent. */
    public SnapStartPriming.Primer primer() {
        return () -> new RidePublisher(SnapStartPriming.dryRun(sns, SnsClient.class), topicArn)
                .publish(RideCompletion.sample());
    }

    private static MessageAttributeValue number(String value) {
        return MessageAttributeValue.builder()
                .dataType("Number")
                .stringValue(value)
                .build();
    }
}
