package com.wildrydes.local.lambda;

import java.util.Locale;
import java.util.Map;

/**
 * The services and operations a fault can be planned on, checked against the AWS SDK's own model
 * (an operation {@code PutItem} of DynamoDB has the request class {@code PutItemRequest}): a
 * misspelled name would otherwise be planned, never match a call, and leave a test that believes it
 * injected a fault passing without one.
 */
final class ServiceOperations {

    /** Each service faults can be planned on, by its name in any case, with its SDK model package. */
    private static final Map<String, String> MODEL_PACKAGES = Map.of(
            "dynamodb", "software.amazon.awssdk.services.dynamodb.model",
            "sns", "software.amazon.awssdk.services.sns.model",
            "sqs", "software.amazon.awssdk.services.sqs.model");

    private ServiceOperations() {}

    /** @throws IllegalArgumentException naming what was given, if the service or its operation does not exist */
    static void requireKnown(String service, String operation) {
        String models = service == null ? null : MODEL_PACKAGES.get(service.toLowerCase(Locale.ROOT));
        if (models == null) {
            throw new IllegalArgumentException(
                    "Faults on demand take the service DynamoDB, SNS or SQS (any case), got " + service);
        }
        if (operation == null
                || !operation.matches("[A-Z][A-Za-z0-9]*")
                || !exists(models + "." + operation + "Request")) {
            throw new IllegalArgumentException("No operation " + operation + " in " + service
                    + "'s API: expected its name as AWS writes it, for example PutItem, Publish or SendMessage");
        }
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, ServiceOperations.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
