package com.wildrydes.local.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.endpoint.AwsError;
import com.wildrydes.local.endpoint.AwsRequest;
import com.wildrydes.local.endpoint.AwsResponse;
import com.wildrydes.local.endpoint.AwsService;
import com.wildrydes.local.endpoint.Protocol;
import com.wildrydes.local.template.LocalIds;

/**
 * SSM Parameter Store as far as deploying reads it (AWS JSON 1.1, target {@code AmazonSSM.*}):
 * GetParameter and GetParameters, which is how the CDK CLI and CloudFormation read the bootstrap
 * version, and PutParameter. A missing parameter answers ParameterNotFound, as AWS does.
 */
public final class SsmService implements AwsService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ParameterStore store;

    public SsmService(ParameterStore store) {
        this.store = store;
    }

    @Override
    public String signingName() {
        return "ssm";
    }

    @Override
    public java.util.Set<String> targetPrefixes() {
        return java.util.Set.of("AmazonSSM");
    }

    @Override
    public Protocol protocol() {
        return Protocol.AWS_JSON_1_1;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        String target = String.valueOf(request.target());
        String operation = target.substring(target.indexOf('.') + 1);
        JsonNode input = input(request);
        switch (operation) {
            case "GetParameter": {
                String name = input.path("Name").asText();
                var parameter = store.get(name);
                if (parameter.isEmpty()) {
                    throw new AwsError(400, "ParameterNotFound", "Parameter " + name + " not found.");
                }
                ObjectNode out = JSON.createObjectNode();
                out.set("Parameter", describe(parameter.get()));
                return AwsResponse.of(200, Protocol.AWS_JSON_1_1.contentType(), out.toString());
            }
            case "GetParameters": {
                ObjectNode out = JSON.createObjectNode();
                ArrayNode found = out.putArray("Parameters");
                ArrayNode invalid = out.putArray("InvalidParameters");
                input.path("Names")
                        .forEach(name -> store.get(name.asText())
                                .ifPresentOrElse(
                                        parameter -> found.add(describe(parameter)), () -> invalid.add(name.asText())));
                return AwsResponse.of(200, Protocol.AWS_JSON_1_1.contentType(), out.toString());
            }
            case "PutParameter": {
                String name = input.path("Name").asText();
                if (store.get(name).isPresent() && !input.path("Overwrite").asBoolean(false)) {
                    throw new AwsError(
                            400,
                            "ParameterAlreadyExists",
                            "The parameter already exists. To overwrite this value,"
                                    + " set the overwrite option in the request to true.");
                }
                var parameter = store.put(
                        name,
                        input.path("Type").asText("String"),
                        input.path("Value").asText());
                return AwsResponse.of(
                        200,
                        Protocol.AWS_JSON_1_1.contentType(),
                        "{\"Version\":" + parameter.version() + ",\"Tier\":\"Standard\"}");
            }
            default:
                throw new AwsError(
                        400,
                        "InvalidAction",
                        "Local SSM does not serve " + operation
                                + "; it serves GetParameter, GetParameters and PutParameter");
        }
    }

    /** The request's JSON body; one that is not JSON is the caller's error, as AWS answers it. */
    private static JsonNode input(AwsRequest request) {
        try {
            return request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
        } catch (java.io.IOException e) {
            throw new AwsError(400, "SerializationException", "The request body is not JSON: " + e.getMessage());
        }
    }

    private static ObjectNode describe(ParameterStore.Parameter parameter) {
        ObjectNode node = JSON.createObjectNode();
        node.put("Name", parameter.name());
        node.put("Type", parameter.type());
        node.put("Value", parameter.value());
        node.put("Version", parameter.version());
        node.put("DataType", "text");
        node.put(
                "ARN",
                "arn:aws:ssm:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":parameter"
                        + (parameter.name().startsWith("/") ? "" : "/") + parameter.name());
        return node;
    }
}
