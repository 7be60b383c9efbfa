package com.wildrydes.infra;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnOutputProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * What labs 1 and 2 share: the ride-completion topic, the unicorn management service publishing
 * to it, and the workshop's outputs for both. Created directly in the stack, so the construct IDs
 * are those of the stack.
 */
record RideCompletionSource(Topic topic, UnicornManagementService service) {

    static RideCompletionSource create(Construct stack, Code code, LabSettings settings) {
        Topic topic = RideCompletionTopic.create(stack);
        UnicornManagementService service = new UnicornManagementService(
                stack,
                "UnicornManagementService",
                UnicornManagementServiceProps.builder()
                        .rideCompletionTopic(topic)
                        .code(code)
                        .handler(LambdaBundle.SUBMIT_RIDE_COMPLETION)
                        .snapStart(settings.snapStart())
                        .build());
        output(
                stack,
                "UnicornManagementServiceApiSubmitRideCompletionEndpoint",
                service.getSubmitRideCompletionUrl(),
                "POST a ride completion here");
        output(
                stack,
                "SubmitRideCompletionFunctionArn",
                service.getSubmitFunctionAlias().getFunctionArn(),
                "The submit function's live alias");
        output(stack, "RidesTableName", service.getRidesTable().getTableName(), "The Rides table");
        output(stack, "RideCompletionTopicArn", topic.getTopicArn(), "The ride-completion topic");
        OriginalOutputs.of(stack)
                .add(
                        "SubmitRideCompletionFunction",
                        service.getSubmitFunctionAlias().getFunctionArn(),
                        "The submit function's live alias")
                .add("RidesTable", service.getRidesTable().getTableName(), "The Rides table");
        return new RideCompletionSource(topic, service);
    }

    static void output(Construct stack, String id, String value, String description) {
        new CfnOutput(
                stack,
                id,
                CfnOutputProps.builder().value(value).description(description).build());
    }
}
