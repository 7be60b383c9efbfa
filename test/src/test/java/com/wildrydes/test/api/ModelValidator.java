package com.wildrydes.test.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.wildrydes.test.support.SynthesizedApp;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An API Gateway model's schema exactly as synthesized ({@code AWS::ApiGateway::Model} Schema in
 * the stack's template), checked by a real draft-04 validator.
 * <p>
 * The body is read as a JSON validator reads it before validating: one JSON value, numbers as
 * exact decimals (JSON numbers have no precision limit; a double would turn 1e-400 into 0 and hide
 * what the schema says about it), duplicates and what follows the value left to the parser.
 */
final class ModelValidator {

    private static final ObjectMapper BODY_READER =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final JsonSchema schema;

    private ModelValidator(JsonNode schema) {
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
    }

    /** The schema of the model named {@code modelName} in the stack's synthesized template. */
    static ModelValidator fromTemplate(String stackName, String modelName) {
        Map<String, Map<String, Object>> models = SynthesizedApp.template(stackName)
                .findResources("AWS::ApiGateway::Model", Map.of("Properties", Map.of("Name", modelName)));
        if (models.size() != 1) {
            throw new IllegalStateException(stackName + " has " + models.size() + " models named " + modelName);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> properties =
                (Map<String, Object>) models.values().iterator().next().get("Properties");
        return new ModelValidator(new ObjectMapper().valueToTree(properties.get("Schema")));
    }

    /** The schema's errors for the body; a body that is not JSON at all has one error saying so. */
    Set<String> errors(String body) {
        JsonNode value;
        try {
            value = BODY_READER.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            return Set.of(
                    "not JSON: " + notJson.getMessage().lines().findFirst().orElse(""));
        }
        if (value == null || value.isMissingNode()) {
            return Set.of("no JSON value");
        }
        try {
            return schema.validate(value).stream()
                    .map(ValidationMessage::getMessage)
                    .collect(Collectors.toSet());
        } catch (ArithmeticException tooLarge) {
            // The validator's own arithmetic gives up on numbers such as 1e2147483647 (multipleOf):
            // a validator that cannot check a body does not pass it.
            return Set.of("the validator could not check it: " + tooLarge.getMessage());
        }
    }

    JsonNode schema() {
        return schema.getSchemaNode();
    }
}
