package com.wildrydes.test.workshop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.constructs.internal.RequestSchemas;
import com.wildrydes.infra.UnicornManagementService;
import com.wildrydes.infra.UnicornManagementServiceProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.sns.Topic;

/** Labs 1 and 2's own service, which lives in the labs' app (infra), not in the construct library. */
class UnicornManagementServiceTest {

    static Template template;
    static UnicornManagementService service;

    @BeforeAll
    static void synthesize() {
        Stack stack = new Stack(new App(), "TestStack");
        service = new UnicornManagementService(
                stack,
                "Service",
                UnicornManagementServiceProps.builder()
                        .rideCompletionTopic(new Topic(stack, "Topic"))
                        .code(Code.fromBucket(
                                Bucket.fromBucketName(stack, "CodeBucket", "code-bucket"), "handlers.jar"))
                        .handler("com.example.Submit::handleRequest")
                        .build());
        template = Template.fromStack(stack);
    }

    @Test
    void ridesTableIsKeyedByIdEncryptedRecoverableAndRetainedByDefault() {
        template.hasResource(
                "AWS::DynamoDB::Table",
                Map.of(
                        "DeletionPolicy",
                        "Retain",
                        "Properties",
                        Map.of(
                                "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")),
                                "BillingMode", "PAY_PER_REQUEST",
                                "SSESpecification", Map.of("SSEEnabled", true),
                                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))));
    }

    @Test
    void postIsValidatedAgainstTheRideSchemaBeforeTheFunctionRuns() {
        template.hasResourceProperties("AWS::ApiGateway::RequestValidator", Map.of("ValidateRequestBody", true));
        template.hasResourceProperties(
                "AWS::ApiGateway::Method",
                Map.of(
                        "HttpMethod", "POST",
                        "RequestValidatorId", Map.of("Ref", Match.stringLikeRegexp("ServiceBodyValidator.*")),
                        "RequestModels",
                                Map.of(
                                        "application/json",
                                        Map.of("Ref", Match.stringLikeRegexp(".*RideCompletionModel.*"))),
                        "Integration", Map.of("Type", "AWS_PROXY", "Uri", Match.anyValue())));
        template.hasResourceProperties(
                "AWS::ApiGateway::Model",
                Map.of(
                        "Schema",
                        Map.of(
                                "required", List.of("from", "to", "duration", "distance", "customer", "fare"),
                                "additionalProperties", false,
                                "properties",
                                        Map.of(
                                                "fare",
                                                Map.of(
                                                        "type",
                                                        List.of("number", "string"),
                                                        "minimum",
                                                        0,
                                                        "maximum",
                                                        999999.99,
                                                        "multipleOf",
                                                        0.01,
                                                        "pattern",
                                                        RequestSchemas.AMOUNT_STRING),
                                                "customer",
                                                Map.of(
                                                        "type",
                                                        "string",
                                                        "minLength",
                                                        1,
                                                        "maxLength",
                                                        200,
                                                        "pattern",
                                                        RequestSchemas.TEXT)))));
        template.hasResourceProperties("AWS::ApiGateway::Resource", Map.of("PathPart", "submit-ride-completion"));
    }

    @Test
    void theValidatorsRefusalsComeInTheFunctionsErrorShape() {
        for (String type : List.of("BAD_REQUEST_BODY", "BAD_REQUEST_PARAMETERS")) {
            template.hasResourceProperties(
                    "AWS::ApiGateway::GatewayResponse",
                    Map.of(
                            "ResponseType", type,
                            "StatusCode", "400",
                            "ResponseParameters", Map.of("gatewayresponse.header.Content-Type", "'application/json'"),
                            "ResponseTemplates",
                                    Map.of(
                                            "application/json",
                                            Match.stringLikeRegexp(
                                                    ".*\\{\"error\": \"\\$context\\.error\\.validationErrorString\".*")),
                            "RestApiId", Map.of("Ref", Match.stringLikeRegexp("ServiceApi.*"))));
        }
    }

    @Test
    void stageIsThrottledAndWritesAccessLogs() {
        template.hasResourceProperties(
                "AWS::ApiGateway::Stage",
                Map.of(
                        "StageName", "prod",
                        "AccessLogSetting", Map.of("DestinationArn", Match.anyValue(), "Format", Match.anyValue()),
                        "MethodSettings",
                                List.of(Match.objectLike(
                                        Map.of("ThrottlingRateLimit", 10, "ThrottlingBurstLimit", 20)))));
    }

    @Test
    void functionIsToldWhereToWriteAndPublish() {
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Handler",
                        "com.example.Submit::handleRequest",
                        "Environment",
                        Map.of(
                                "Variables",
                                Map.of(
                                        "TABLE_NAME", Map.of("Ref", Match.stringLikeRegexp("ServiceRidesTable.*")),
                                        "TOPIC_ARN", Map.of("Ref", Match.stringLikeRegexp("Topic.*"))))));
    }

    @Test
    void exposesTheFullSubmitUrl() {
        assertTrue(
                service.getSubmitRideCompletionUrl().contains("submit-ride-completion")
                        || service.getSubmitRideCompletionUrl().contains("${Token"),
                service.getSubmitRideCompletionUrl());
    }
}
