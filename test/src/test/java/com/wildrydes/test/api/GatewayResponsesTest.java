package com.wildrydes.test.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.test.support.Labs;
import com.wildrydes.test.support.SynthesizedApp;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When API Gateway's request validator refuses a request, it answers before any function runs, so
 * the gateway's own response must have the shape the functions' 400s have: {@code {"error", "field"}}
 * as JSON, with the validator's message. Checked on every REST API of every stack, from the
 * synthesized templates.
 */
class GatewayResponsesTest {

    /** What API Gateway puts for the variable; its documentation gives no example, this is its validator's form. */
    static final String VALIDATION_ERROR = "[object has missing required properties ([fare])]";

    private final ObjectMapper json = new ObjectMapper();

    static Stream<String> stacksWithRestApis() {
        return Labs.stackNames()
                .filter(stack -> !SynthesizedApp.template(stack)
                        .findResources("AWS::ApiGateway::RestApi")
                        .isEmpty());
    }

    @ParameterizedTest
    @MethodSource("stacksWithRestApis")
    void everyRestApiAnswersARefusedBodyInTheProjectsErrorShape(String stack) throws Exception {
        for (String api : SynthesizedApp.template(stack)
                .findResources("AWS::ApiGateway::RestApi")
                .keySet()) {
            JsonNode body = render(stack, api, "BAD_REQUEST_BODY");
            assertEquals(VALIDATION_ERROR, body.get("error").asText(), stack + " " + api);
            assertEquals("body", body.get("field").asText(), stack + " " + api);
        }
    }

    @ParameterizedTest
    @MethodSource("stacksWithRestApis")
    void everyRestApiAnswersRefusedParametersInTheProjectsErrorShape(String stack) throws Exception {
        for (String api : SynthesizedApp.template(stack)
                .findResources("AWS::ApiGateway::RestApi")
                .keySet()) {
            JsonNode body = render(stack, api, "BAD_REQUEST_PARAMETERS");
            assertEquals(VALIDATION_ERROR, body.get("error").asText(), stack + " " + api);
            assertEquals(List.of("error"), List.copyOf(iterable(body)), "no field to name: " + body);
        }
    }

    /** The gateway response of that type on that API, its template filled as API Gateway fills it (plain substitution). */
    private JsonNode render(String stack, String api, String responseType) throws Exception {
        Map<String, Map<String, Object>> responses = SynthesizedApp.template(stack)
                .findResources(
                        "AWS::ApiGateway::GatewayResponse",
                        Map.of("Properties", Map.of("RestApiId", Map.of("Ref", api), "ResponseType", responseType)));
        assertEquals(1, responses.size(), stack + " " + api + " has one " + responseType + " response");
        JsonNode properties =
                json.valueToTree(responses.values().iterator().next().get("Properties"));
        assertEquals("400", properties.path("StatusCode").asText(), properties.toString());
        assertEquals(
                "'application/json'",
                properties
                        .path("ResponseParameters")
                        .path("gatewayresponse.header.Content-Type")
                        .asText(),
                properties.toString());
        String template =
                properties.path("ResponseTemplates").path("application/json").asText();
        assertTrue(template.contains("$context.error.validationErrorString"), template);
        return json.readTree(template.replace("$context.error.validationErrorString", VALIDATION_ERROR));
    }

    private static List<String> iterable(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
