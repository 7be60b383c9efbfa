package com.wildrydes.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.MethodDeploymentOptions;
import software.amazon.awscdk.services.apigateway.RequestValidator;
import software.amazon.awscdk.services.apigateway.RequestValidatorProps;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The REST API every service here puts in front of its functions: regional, throttled, JSON access
 * logs kept a month, X-Ray tracing, and a validator for bodies and parameters. Creates
 * {@code ApiAccessLogs}, {@code Api} and {@code BodyValidator} in the given scope.
 */
final class WorkshopRestApi {

    private WorkshopRestApi() {
    }

    static RestApi create(Construct scope, String description, String stageName, Integer rateLimit, Integer burstLimit) {
        return create(scope, description, stageName, rateLimit, burstLimit, null);
    }

    /** As above, with throttles for single methods, keyed {@code /path/METHOD}, tighter than the stage's. */
    static RestApi create(Construct scope, String description, String stageName, Integer rateLimit, Integer burstLimit,
                          Map<String, MethodDeploymentOptions> methodOptions) {
        LogGroup accessLogs = LogGroup.Builder.create(scope, "ApiAccessLogs")
                .retention(RetentionDays.ONE_MONTH)
                .build();
        return RestApi.Builder.create(scope, "Api")
                .description(description)
                .endpointTypes(List.of(EndpointType.REGIONAL))
                .cloudWatchRole(false)
                .deployOptions(StageOptions.builder()
                        .stageName(stageName != null ? stageName : UnicornManagementServiceProps.DEFAULT_STAGE_NAME)
                        .throttlingRateLimit(rateLimit != null ? rateLimit : UnicornManagementServiceProps.DEFAULT_THROTTLING_RATE_LIMIT)
                        .throttlingBurstLimit(burstLimit != null ? burstLimit : UnicornManagementServiceProps.DEFAULT_THROTTLING_BURST_LIMIT)
                        .accessLogDestination(new LogGroupLogDestination(accessLogs))
                        .accessLogFormat(AccessLogFormat.jsonWithStandardFields())
                        .tracingEnabled(true)
                        .methodOptions(methodOptions)
                        .build())
                .build();
    }

    static RequestValidator validator(Construct scope, RestApi api) {
        return new RequestValidator(scope, "BodyValidator", RequestValidatorProps.builder()
                .restApi(api)
                .validateRequestBody(true)
                .validateRequestParameters(true)
                .build());
    }
}
