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
        JsonSchema text = TEXT;
        JsonSchema number = JsonSchema.builder()
                .type(List.of(JsonSchemaType.NUMBER, JsonSchemaType.STRING))
                .minimum(0)
                .pattern(NON_NEGATIVE_DECIMAL)
                .build();
        // Insertion-ordered, never Map.of: the schema's key order feeds the API deployment's hash,
        // and Map.of's order changes from JVM to JVM, which would redeploy the API on every synth.
        Map<String, JsonSchema> properties = new LinkedHashMap<>();
        properties.put("from", text);
        properties.put("to", text);
        properties.put("duration", number);
        properties.put("distance", number);
        properties.put("customer", text);
        properties.put("fare", number);
        return JsonSchema.builder()
                .schema(JsonSchemaVersion.DRAFT4)
                .title("RideCompletion")
                .type(JsonSchemaType.OBJECT)
                .required(List.of("from", "to", "duration", "distance", "customer", "fare"))
                .properties(properties)
                .build();
    }

    /** A request for quotes: from, to, customer. */
    static JsonSchema rfqRequest() {
        Map<String, JsonSchema> properties = new LinkedHashMap<>();
        properties.put("from", TEXT);
        properties.put("to", TEXT);
        properties.put("customer", TEXT);
        return JsonSchema.builder()
                .schema(JsonSchemaVersion.DRAFT4)
                .title("RfqRequest")
                .type(JsonSchemaType.OBJECT)
                .required(List.of("from", "to", "customer"))
                .properties(properties)
                .build();
    }
}
