package com.wildrydes.lambdas.rides;

import com.wildrydes.lambdas.common.SnapStartPriming;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The Rides table: one item per ride, keyed by its id, numbers stored as DynamoDB numbers. */
public class RideStore {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public RideStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** Stores a new ride; never overwrites one with the same id. */
    public void add(RideCompletion ride) {
        dynamoDb.putItem(put -> put.tableName(tableName)
                .item(Map.of(
                        "id", s(ride.id()),
                        "from", s(ride.from()),
                        "to", s(ride.to()),
                        "duration", n(ride.duration().toPlainString()),
                        "distance", n(ride.distance().toPlainString()),
                        "customer", s(ride.customer()),
                        "fare", n(ride.fare().toPlainString())))
                .conditionExpression("attribute_not_exists(id)"));
    }

    /** Removes a ride, as the undo of {@link #add} when it could not be published. */
    public void remove(String id) {
        dynamoDb.deleteItem(delete -> delete.tableName(tableName).key(Map.of("id", s(id))));
    }

    /** SnapStart priming: this store's requests for a sample ride, marshalled and signed, never sent. */
    public SnapStartPriming.Primer primer() {
        return () -> {
            RideStore dryRun = new RideStore(SnapStartPriming.dryRun(dynamoDb, DynamoDbClient.class), tableName);
            SnapStartPriming.each(
                            () -> dryRun.add(RideCompletion.sample()),
                            () -> dryRun.remove(RideCompletion.sample().id()))
                    .prime();
        };
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
