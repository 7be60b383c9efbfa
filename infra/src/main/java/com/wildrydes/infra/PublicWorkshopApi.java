package com.wildrydes.infra;

import com.wildrydes.constructs.nag.NagSuppressionMetadata;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.RestApi;

/**
 * The cdk-nag findings the workshop's REST APIs have on purpose, each with its reason: the
 * workshop's choice (learners call the APIs with curl), recorded here by the labs' app that made
 * it, never by the construct library on a reuser's API.
 */
final class PublicWorkshopApi {

    private PublicWorkshopApi() {}

    static void suppressNagFindings(RestApi api, Method... methods) {
        NagSuppressionMetadata.suppress(
                api.getDeploymentStage(),
                "AwsSolutions-APIG3",
                "No WAF web ACL: the stage is throttled and every body is schema-validated; a web ACL is an "
                        + "account-level cost and policy decision left to the team that deploys this.");
        NagSuppressionMetadata.suppress(
                api.getDeploymentStage(),
                "AwsSolutions-APIG6",
                "Access logs record every request. Execution logging, which writes each request's processing "
                        + "steps, is a cost and data-exposure choice left to the team that runs the API.");
        for (Method method : methods) {
            NagSuppressionMetadata.suppress(
                    method,
                    "AwsSolutions-APIG4",
                    "Public on purpose: the workshop's learners call this API with curl. Put an authorizer "
                            + "in front of it before real customers use it.");
            NagSuppressionMetadata.suppress(
                    method,
                    "AwsSolutions-COG4",
                    "Public on purpose (see AwsSolutions-APIG4): there is no Cognito user pool in the workshop.");
        }
    }
}
