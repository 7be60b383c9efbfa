package com.wildrydes.constructs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.apigateway.JsonSchema;
import software.amazon.awscdk.services.apigateway.JsonSchemaType;
import software.amazon.awscdk.services.apigateway.JsonSchemaVersion;

/**
 * The JSON schemas API Gateway checks request bodies against before a function runs. Numbers may
 * come as JSON numbers or as numeric strings, as in the workshop's own sample event.
 */
final class RequestSchemas {


    /** A non-negative decimal written as a string, such as "899.99". */
    static final String NON_NEGATIVE_DECIMAL = "^[0-9]+(\\.[0-9]+)?$";

    private static final JsonSchema TEXT = JsonSchema.builder().type(JsonSchemaType.STRING).minLength(1).build();

    private RequestSchemas() {
    }

    /** A ride completion: from, to, customer, duration, distance, fare. */
    static JsonSchema rideCompletion() {
        JsonSchema number = JsonSchema.builder()
                .type(List.of(JsonSchemaType.NUMBER, JsonSchemaType.STRING))
                .minimum(0)
                .pattern(NON_NEGATIVE_DECIMAL)
                .build();
        Map<String, JsonSchema> properties = new LinkedHashMap<>();
        properties.put("from", TEXT);
        properties.put("to", TEXT);
        properties.put("duration", number);
        properties.put("distance", number);
        properties.put("customer", TEXT);
        properties.put("fare", number);
        return requiredObject("RideCompletion", properties);
    }

    /** A request for quotes: from, to, customer. */
    static JsonSchema rfqRequest() {
        Map<String, JsonSchema> properties = new LinkedHashMap<>();
        properties.put("from", TEXT);
        properties.put("to", TEXT);
        properties.put("customer", TEXT);
        return requiredObject("RfqRequest", properties);
    }

    /**
     * A draft-4 object schema in which every property is required. The properties come
     * insertion-ordered, never from Map.of: the schema's key order feeds the API deployment's hash,
     * and Map.of's order changes from JVM to JVM, which would redeploy the API on every synth.
     */
    private static JsonSchema requiredObject(String title, Map<String, JsonSchema> properties) {
        return JsonSchema.builder()
                .schema(JsonSchemaVersion.DRAFT4)
                .title(title)
                .type(JsonSchemaType.OBJECT)
                .required(List.copyOf(properties.keySet()))
                .properties(properties)
                .build();
    }
}
