package com.wildrydes.constructs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.apigateway.JsonSchema;
import software.amazon.awscdk.services.apigateway.JsonSchemaType;
import software.amazon.awscdk.services.apigateway.JsonSchemaVersion;

/**
 * The JSON schema API Gateway checks a ride completion against before the function runs.
 * Numbers may come as JSON numbers or as numeric strings, as in the workshop's own sample event.
 */
final class RideCompletionSchema {

    static final List<String> TEXT_FIELDS = List.of("from", "to", "customer");
    static final List<String> NUMBER_FIELDS = List.of("duration", "distance", "fare");

    /** A non-negative decimal written as a string, such as "899.99". */
    static final String NON_NEGATIVE_DECIMAL = "^[0-9]+(\\.[0-9]+)?$";

    private RideCompletionSchema() {
    }

    static JsonSchema create() {
        JsonSchema text = JsonSchema.builder().type(JsonSchemaType.STRING).minLength(1).build();
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
}
