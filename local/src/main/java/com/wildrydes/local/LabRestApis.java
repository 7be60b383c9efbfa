package com.wildrydes.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.api.LocalRestApi;
import com.wildrydes.local.template.LocalIds;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lab's API Gateway REST APIs, each served on 127.0.0.1: its resources' paths, its methods'
 * Lambda proxy integrations with the request models they validate, its gateway responses and its
 * stage; the API's cloud URL in the template's outputs becomes the local one.
 */
final class LabRestApis {

    private final LabContext lab;
    private final LabFunctions functions;
    private final Map<String, LocalRestApi> apisById = new LinkedHashMap<>();
    private final Map<String, String> resourcePaths = new LinkedHashMap<>();
    private final Map<String, JsonNode> modelsByName = new LinkedHashMap<>();
    private final Map<String, Boolean> validatesBody = new LinkedHashMap<>();
    private final Map<String, String> integrations = new LinkedHashMap<>();

    LabRestApis(LabContext lab, LabFunctions functions) {
        this.lab = lab;
        this.functions = functions;
    }

    void bringUp(String logicalId, String type, JsonNode properties) {
        switch (type) {
            case "AWS::ApiGateway::RestApi" -> restApi(logicalId);
            case "AWS::ApiGateway::Resource" -> {
                String parent = lab.text(properties.get("ParentId"));
                resourcePaths.put(
                        logicalId, resourcePaths.getOrDefault(parent, "") + "/" + lab.text(properties.get("PathPart")));
                lab.ids.put(logicalId, logicalId, Map.of("ResourceId", logicalId));
            }
            case "AWS::ApiGateway::Model" -> {
                String name = properties.has("Name") ? lab.text(properties.get("Name")) : logicalId;
                modelsByName.put(name, lab.intrinsics.resolve(properties.get("Schema")));
                lab.ids.put(logicalId, name, Map.of());
            }
            case "AWS::ApiGateway::RequestValidator" -> {
                validatesBody.put(
                        logicalId, properties.path("ValidateRequestBody").asBoolean(false));
                lab.ids.put(logicalId, logicalId, Map.of("RequestValidatorId", logicalId));
            }
            case "AWS::ApiGateway::Method" -> method(properties);
            case "AWS::ApiGateway::GatewayResponse" -> gatewayResponse(properties);
            case "AWS::ApiGateway::Deployment" ->
                lab.ids.put(logicalId, logicalId.toLowerCase().substring(0, 10), Map.of());
            case "AWS::ApiGateway::Stage" -> {
                String stage = lab.text(properties.get("StageName"));
                api(properties).stage(stage);
                lab.ids.put(logicalId, stage, Map.of());
            }
            default -> throw new IllegalArgumentException("Not an API Gateway resource: " + type);
        }
    }

    private void restApi(String logicalId) {
        LocalRestApi api = lab.own(new LocalRestApi());
        String id = Integer.toString(Math.abs((lab.settings.namePrefix() + logicalId).hashCode()), 36);
        api.onInvoke((stage, httpMethod, resourcePath, requestPath) -> {
            if (lab.events.listening()) {
                lab.events.onEvent(com.wildrydes.local.console.LabEvent.of(
                        com.wildrydes.local.console.LabEvent.Kind.API_REQUEST,
                        id,
                        httpMethod + " " + resourcePath,
                        requestPath));
            }
            lab.iamCalls.byService(
                    "apigateway.amazonaws.com",
                    "lambda:InvokeFunction",
                    integrations.get(id + " " + httpMethod + " " + resourcePath),
                    "arn:aws:execute-api:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":" + id + "/" + stage + "/"
                            + httpMethod + requestPath,
                    "API Gateway invoking the method's function");
        });
        apisById.put(id, api);
        lab.ids.put(logicalId, id, Map.of("RootResourceId", "root-" + id, "RestApiId", id));
        resourcePaths.put("root-" + id, "");
        lab.ids.rewriteUrl("https://" + id + ".execute-api." + LocalIds.REGION + ".amazonaws.com", api.baseUrl());
    }

    private void method(JsonNode properties) {
        String resourcePath = resourcePaths.get(lab.text(properties.get("ResourceId")));
        String uri = lab.text(properties.path("Integration").get("Uri"));
        if (!"AWS_PROXY".equals(properties.path("Integration").path("Type").asText()) || uri == null) {
            throw new IllegalArgumentException(
                    "Method " + properties.path("HttpMethod").asText() + " " + resourcePath
                            + ": local mode serves Lambda proxy integrations (AWS_PROXY) only");
        }
        String functionArn =
                uri.substring(uri.indexOf("/functions/") + "/functions/".length(), uri.lastIndexOf("/invocations"));
        JsonNode schema = null;
        String validator = lab.text(properties.get("RequestValidatorId"));
        if (validator != null && validatesBody.getOrDefault(validator, false) && properties.has("RequestModels")) {
            schema = modelsByName.get(lab.text(properties.path("RequestModels").get("application/json")));
        }
        String path = resourcePath.isEmpty() ? "/" : resourcePath;
        integrations.put(
                lab.text(properties.get("RestApiId")) + " "
                        + properties.path("HttpMethod").asText() + " " + path,
                functionArn);
        api(properties).method(properties.path("HttpMethod").asText(), path, functions.function(functionArn), schema);
    }

    private void gatewayResponse(JsonNode properties) {
        Map<String, String> headers = new LinkedHashMap<>();
        properties.path("ResponseParameters").fields().forEachRemaining(parameter -> {
            if (parameter.getKey().startsWith("gatewayresponse.header.")) {
                headers.put(
                        parameter.getKey().substring("gatewayresponse.header.".length()),
                        parameter.getValue().asText().replaceAll("^'|'$", ""));
            }
        });
        JsonNode template = properties.path("ResponseTemplates").path("application/json");
        api(properties)
                .gatewayResponse(
                        properties.path("ResponseType").asText(),
                        properties.path("StatusCode").asInt(),
                        headers,
                        template.isMissingNode() ? null : template.asText());
    }

    private LocalRestApi api(JsonNode properties) {
        return apisById.get(lab.text(properties.get("RestApiId")));
    }
}
