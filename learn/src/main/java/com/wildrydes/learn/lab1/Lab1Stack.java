package com.wildrydes.learn.lab1;

import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.functions.JavaFunctionProps;
import com.wildrydes.constructs.messaging.FilterPolicy;
import com.wildrydes.constructs.messaging.FilteredSubscription;
import com.wildrydes.constructs.messaging.FilteredSubscriptionProps;
import com.wildrydes.constructs.messaging.TopicGrants;
import com.wildrydes.infra.LambdaBundle;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * Lab 1, fan-out and message filtering, as the learner builds it (docs/learn-lab1.md). It starts
 * as the original workshop's lab 1 starts: the API, the submit function and the Rides table, and
 * the three backend functions, with no topic, no publish permission and no subscriptions. Each step
 * of the guide replaces the code between its {@code // >>> step N} and {@code // <<< step N} lines.
 * {@code learn/check 1} reports which steps are done.
 */
public class Lab1Stack extends Stack {

    /** The stack's name: beside the finished lab's {@code wild-rydes-async-msg-1}, never in its place. */
    public static final String STACK_NAME = "wild-rydes-async-msg-1-start";

    public Lab1Stack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        Code code = LambdaBundle.code();

        // The unicorn management service: the Rides table, the submit function and its API.
        Construct service = new Construct(this, "UnicornManagementService");
        Table rides = Table.Builder.create(service, "RidesTable")
                .partitionKey(Attribute.builder().name("id").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.AWS_MANAGED)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        JavaFunction submit = new JavaFunction(
                service,
                "SubmitRideCompletionFunction",
                JavaFunctionProps.builder()
                        .code(code)
                        .handler("com.wildrydes.lambdas.learn.Lab1SubmitRideCompletionHandler::handleRequest")
                        .description("Stores a completed ride (and, from step 4, publishes it)")
                        .timeout(Duration.seconds(10))
                        .environment(Map.of("TABLE_NAME", rides.getTableName()))
                        .build());
        rides.grant(submit, "dynamodb:PutItem");
        RestApi api = RestApi.Builder.create(service, "Api")
                .restApiName("Wild Rydes unicorn management service (lab 1, learner)")
                .deployOptions(StageOptions.builder().stageName("prod").build())
                .build();
        api.getRoot().addResource("submit-ride-completion").addMethod("POST", new LambdaIntegration(submit.getAlias()));
        CfnOutput.Builder.create(this, "UnicornManagementServiceApiSubmitRideCompletionEndpoint")
                .value(api.urlForPath("/submit-ride-completion"))
                .description("POST a ride completion here")
                .build();
        CfnOutput.Builder.create(this, "RidesTableName")
                .value(rides.getTableName())
                .build();

        // The three backend services: each logs the rides it receives and fails one in two on purpose.
        JavaFunction accounting = backend(code, "CustomerAccounting", "customer-accounting");
        JavaFunction notification = backend(code, "CustomerNotification", "customer-notification");
        JavaFunction extraordinary = backend(code, "ExtraordinaryRides", "extraordinary-rides");

        // >>> step 1
        // <<< step 1

        // >>> step 2
        // <<< step 2

        // >>> step 3
        // <<< step 3

        // >>> step 5
        // <<< step 5
    }

    /** The filter of the extraordinary-rides subscription: none (every ride) until step 6. */
    private static FilterPolicy extraordinaryRidesFilter() {
        // >>> step 6
        return null;
        // <<< step 6
    }

    private JavaFunction backend(Code code, String id, String serviceName) {
        return new JavaFunction(
                this,
                id + "Function",
                JavaFunctionProps.builder()
                        .code(code)
                        .handler(LambdaBundle.RIDE_NOTIFICATION)
                        .description("Wild Rydes " + serviceName + " service (lab 1, learner)")
                        .memorySize(512)
                        .timeout(Duration.seconds(10))
                        .environment(Map.of("SERVICE_NAME", serviceName, "FAILURE_RATE", "0.5"))
                        .build());
    }
}
