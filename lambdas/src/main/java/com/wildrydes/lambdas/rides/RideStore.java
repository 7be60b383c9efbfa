package com.wildrydes.lambdas.rides;

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

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
