package com.wildrydes.lambdas.rfq;

import com.wildrydes.lambdas.common.AwsClients;
import com.wildrydes.lambdas.common.Environment;
import com.wildrydes.lambdas.common.Json;
import java.time.Clock;

/** The scatter-gather handlers' shared configuration, read from the Lambda environment. */
final class RfqHandlerEnvironment {

    private RfqHandlerEnvironment() {}

    static RfqStore store() {
        return new RfqStore(AwsClients.dynamoDb(), Environment.required("TABLE_NAME"), Clock.systemUTC());
    }

    /** The collector's responders: RESPONDER_NAMES, a JSON array of the configured names. */
    static ExpectedResponders expectedResponders() {
        return new ExpectedResponders(
                Json.parseStringArray(Environment.required("RESPONDER_NAMES"), "RESPONDER_NAMES"));
    }

    /** Each handler is given only the addresses it uses; the others stay empty and unused. */
    static RfqMessaging messaging() {
        return new RfqMessaging(
                AwsClients.sns(),
                AwsClients.sqs(),
                optional("REQUEST_TOPIC_ARN"),
                optional("RESPONSE_QUEUE_URL"),
                optional("DEADLINE_QUEUE_URL"),
                optional("COMPLETION_TOPIC_ARN"));
    }

    private static String optional(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
