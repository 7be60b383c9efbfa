package com.wildrydes.constructs.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.apigateway.JsonSchema;
import software.amazon.awscdk.services.apigateway.JsonSchemaType;
import software.amazon.awscdk.services.apigateway.JsonSchemaVersion;

/**
 * The JSON schemas API Gateway checks request bodies against before a function runs. The handlers
 * check the same rules again ({@code RequestFields} in the lambdas), limit for limit, because they
 * can be invoked without the API; {@code RequestBodyAgreementTest} runs both over one corpus of
 * bodies and fails on any disagreement, so a limit changed here must change there too.
 * <p>
 * Every number is bounded, so that nothing reaches DynamoDB or SNS that they cannot store (1e309,
 * 1e-400, 39 significant digits), and every text is bounded, so that a message always fits SNS.
 */
public final class RequestSchemas {

    /** Longest text field, in characters (code points, as draft-04 counts a string's length). */
    public static final int MAX_TEXT_LENGTH = 200;
    /** Largest amount: six digits before the point, two after. */
    public static final double MAX_AMOUNT = 999999.99;
    /** Amounts have at most two decimal places (cents). */
    public static final double AMOUNT_STEP = 0.01;

    /**
     * An amount written as a string, such as "899.99": up to six digits, optionally a point and one
     * or two digits; no sign, exponent or spaces. Ends with {@code (?![\s\S])} rather than {@code $},
     * which in Java's regular expressions also matches before a final line break ("42\n").
     */
    public static final String AMOUNT_STRING = "^[0-9]{1,6}(\\.[0-9]{1,2})?(?![\\s\\S])";

    /** Characters a text may not contain: C0 and C1 controls and DEL. */
    private static final String CONTROLS = "\\u0000-\\u001F\\u007F-\\u009F";
    /** Spaces a text may not consist of only: the space, Unicode's space separators, the zero-width spaces. */
    private static final String SPACES =
            "\\u0020\\u00A0\\u1680\\u180E\\u2000-\\u200B\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";

    /**
     * Text: leading spaces, then one character that is neither a space nor a control, then no
     * control. The first two classes do not overlap, so matching takes linear time on any input.
     */
    public static final String TEXT = "^[" + SPACES + "]*[^" + SPACES + CONTROLS + "][^" + CONTROLS + "]*(?![\\s\\S])";

    private static final JsonSchema TEXT_SCHEMA = JsonSchema.builder()
            .type(JsonSchemaType.STRING)
            .minLength(1)
            .maxLength(MAX_TEXT_LENGTH)
            .pattern(TEXT)
            .build();

    /** A JSON number or a decimal string; draft-04 applies minimum, maximum and multipleOf to the first, pattern to the second. */
    private static final JsonSchema AMOUNT_SCHEMA = JsonSchema.builder()
            .type(List.of(JsonSchemaType.NUMBER, JsonSchemaType.STRING))
            .minimum(0)
            .maximum(MAX_AMOUNT)
            .multipleOf(AMOUNT_STEP)
            .pattern(AMOUNT_STRING)
            .build();

    private RequestSchemas() {}

    /** A ride completion: from, to, customer, duration, distance, fare. */
    public static JsonSchema rideCompletion() {
        Map<String, JsonSchema> properties = new LinkedHashMap<>();
        properties.put("from", TEXT_SCHEMA);
        properties.put("to", TEXT_SCHEMA);
        properties.put("duration", AMOUNT_SCHEMA);
        properties.put("distance", AMOUNT_SCHEMA);
        properties.put("customer", TEXT_SCHEMA);
        properties.put("fare", AMOUNT_SCHEMA);
        return requiredObject("RideCompletion", properties);
    }

    /** A request for quotes: from, to, customer. */
    public static JsonSchema rfqRequest() {
        Map<String, JsonSchema> properties = new LinkedHashMap<>();
        properties.put("from", TEXT_SCHEMA);
        properties.put("to", TEXT_SCHEMA);
        properties.put("customer", TEXT_SCHEMA);
        return requiredObject("RfqRequest", properties);
    }

    /**
     * A draft-4 object schema in which every property is required and no other is allowed. The
     * properties come insertion-ordered, never from Map.of: the schema's key order feeds the API
     * deployment's hash, and Map.of's order changes from JVM to JVM, which would redeploy the API
     * on every synth.
     */
    private static JsonSchema requiredObject(String title, Map<String, JsonSchema> properties) {
        return JsonSchema.builder()
                .schema(JsonSchemaVersion.DRAFT4)
                .title(title)
                .type(JsonSchemaType.OBJECT)
                .required(List.copyOf(properties.keySet()))
                .properties(properties)
                .additionalProperties(false)
                .build();
    }
}
