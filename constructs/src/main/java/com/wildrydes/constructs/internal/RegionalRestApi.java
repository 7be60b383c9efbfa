package com.wildrydes.constructs.internal;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.GatewayResponseOptions;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.MethodDeploymentOptions;
import software.amazon.awscdk.services.apigateway.RequestValidator;
import software.amazon.awscdk.services.apigateway.RequestValidatorProps;
import software.amazon.awscdk.services.apigateway.ResponseType;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.RestApiProps;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The REST API a construct of this library puts in front of its functions, unless the reuser gives
 * their own: regional, throttled, JSON access logs kept a month, X-Ray tracing, a validator for
 * bodies and parameters, and the validator's 400s in the shape the library's handlers answer errors
 * in. Reusable defaults, no lab's choice: authorization is the calling construct's (IAM unless the
 * reuser says otherwise) and no cdk-nag finding is suppressed here. Creates {@code ApiAccessLogs}, {@code Api} (with
 * {@code BadRequestBodyResponse} and {@code BadRequestParametersResponse}) and
 * {@code BodyValidator} in the given scope.
 */
public final class RegionalRestApi {

    public static final String DEFAULT_STAGE_NAME = "prod";
    public static final int DEFAULT_THROTTLING_RATE_LIMIT = 10;
    public static final int DEFAULT_THROTTLING_BURST_LIMIT = 20;

    /** A single entry, so Map.of's order cannot vary. */
    private static final Map<String, String> JSON_CONTENT_TYPE = Map.of("Content-Type", "'application/json'");

    private RegionalRestApi() {}

    public static RestApi create(
            Construct scope, String description, String stageName, Integer rateLimit, Integer burstLimit) {
        return create(scope, description, stageName, rateLimit, burstLimit, null);
    }

    /** As above, with throttles for single methods, keyed {@code /path/METHOD}, tighter than the stage's. */
    public static RestApi create(
            Construct scope,
            String description,
            String stageName,
            Integer rateLimit,
            Integer burstLimit,
            Map<String, MethodDeploymentOptions> methodOptions) {
        return create(scope, description, stageName, rateLimit, burstLimit, methodOptions, null);
    }

    /**
     * As above, with the reuser's {@code given} props passed through over these defaults: every option of
     * aws-cdk-lib's {@code RestApiProps}; their {@code deployOptions} are merged over the stage's defaults
     * (throttles, access logs, tracing), which stay unless set there.
     */
    public static RestApi create(
            Construct scope,
            String description,
            String stageName,
            Integer rateLimit,
            Integer burstLimit,
            Map<String, MethodDeploymentOptions> methodOptions,
            RestApiProps given) {
        StageOptions.Builder stage = StageOptions.builder()
                .stageName(stageName != null ? stageName : DEFAULT_STAGE_NAME)
                .throttlingRateLimit(rateLimit != null ? rateLimit : DEFAULT_THROTTLING_RATE_LIMIT)
                .throttlingBurstLimit(burstLimit != null ? burstLimit : DEFAULT_THROTTLING_BURST_LIMIT)
                .accessLogFormat(AccessLogFormat.jsonWithStandardFields())
                .tracingEnabled(true)
                .methodOptions(methodOptions);
        StageOptions givenStage = given != null ? given.getDeployOptions() : null;
        if (givenStage == null || givenStage.getAccessLogDestination() == null) {
            LogGroup accessLogs = LogGroup.Builder.create(scope, "ApiAccessLogs")
                    .retention(RetentionDays.ONE_MONTH)
                    .build();
            stage.accessLogDestination(new LogGroupLogDestination(accessLogs));
        }
        StructCopy.into(StageOptions.class, givenStage, stage);
        RestApiProps.Builder api = RestApiProps.builder()
                .description(description)
                .endpointTypes(List.of(EndpointType.REGIONAL))
                .cloudWatchRole(false);
        StructCopy.into(RestApiProps.class, given, api);
        RestApi created =
                new RestApi(scope, "Api", api.deployOptions(stage.build()).build());
        addValidationErrorResponses(created);
        return created;
    }

    /**
     * The validator answers before any function runs, so its 400s get the functions' shape,
     * {@code {"error": ..., "field": ...}}, with the validator's message, instead of API Gateway's
     * default {@code {"message": "Invalid request body"}}. A gateway response template is plain
     * variable substitution (no VTL, no escaping functions): the validator's message goes in as
     * API Gateway gives it.
     */
    private static void addValidationErrorResponses(RestApi api) {
        api.addGatewayResponse(
                "BadRequestBodyResponse",
                GatewayResponseOptions.builder()
                        .type(ResponseType.BAD_REQUEST_BODY)
                        .statusCode("400")
                        .responseHeaders(JSON_CONTENT_TYPE)
                        .templates(Map.of(
                                "application/json",
                                "{\"error\": \"$context.error.validationErrorString\", \"field\": \"body\"}"))
                        .build());
        api.addGatewayResponse(
                "BadRequestParametersResponse",
                GatewayResponseOptions.builder()
                        .type(ResponseType.BAD_REQUEST_PARAMETERS)
                        .statusCode("400")
                        .responseHeaders(JSON_CONTENT_TYPE)
                        .templates(Map.of("application/json", "{\"error\": \"$context.error.validationErrorString\"}"))
                        .build());
    }

    public static RequestValidator validator(Construct scope, RestApi api) {
        return new RequestValidator(
                scope,
                "BodyValidator",
                RequestValidatorProps.builder()
                        .restApi(api)
                        .validateRequestBody(true)
                        .validateRequestParameters(true)
                        .build());
    }
}
