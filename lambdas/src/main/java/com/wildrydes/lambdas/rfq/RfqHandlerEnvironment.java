package com.wildrydes.lambdas.rfq;

import com.wildrydes.lambdas.common.AwsClients;
import com.wildrydes.lambdas.common.Environment;
import com.wildrydes.lambdas.common.Json;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The scatter-gather handlers' shared configuration, read from the Lambda environment. */
final class RfqHandlerEnvironment {

    private RfqHandlerEnvironment() {}

    static RfqStore store() {
        return new RfqStore(
                AwsClients.build(DynamoDbClient.builder()), Environment.required("TABLE_NAME"), Clock.systemUTC());
    }

    /** The collector's responders: RESPONDER_NAMES, a JSON array of the configured names. */
    static ExpectedResponders expectedResponders() {
        return new ExpectedResponders(
                Json.parseStringArray(Environment.required("RESPONDER_NAMES"), "RESPONDER_NAMES"));
    }
}
