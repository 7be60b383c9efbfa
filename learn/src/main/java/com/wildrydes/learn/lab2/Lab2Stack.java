package com.wildrydes.learn.lab2;

import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.functions.JavaFunctionProps;
import com.wildrydes.infra.UnicornManagementService;
import com.wildrydes.infra.UnicornManagementServiceProps;
import com.wildrydes.infra.LambdaBundle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.sns.NumericConditions;
import software.amazon.awscdk.services.sns.SubscriptionFilter;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscriptionProps;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Lab 2, topic-queue chaining, as the learner builds it (docs/learn-lab2.md). It starts as the
 * original workshop's lab 2 starts: the unicorn management service publishing to the
 * ride-completion topic, and the three backend functions (which read SQS batches), with no queues,
 * no queue policies, no subscriptions, no poller permissions and no event sources. Each step of the
 * guide replaces the code between its {@code // >>> step N} and {@code // <<< step N} lines.
 * {@code learn/check 2} reports which steps are done.
 */
public class Lab2Stack extends Stack {

    /** The stack's name: beside the finished lab's {@code wild-rydes-async-msg-2}, never in its place. */
    public static final String STACK_NAME = "wild-rydes-async-msg-2-start";

    public Lab2Stack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        Code code = LambdaBundle.code();

        // The ride-completion topic of lab 1 and the service that publishes every ride to it.
        Key topicKey = Key.Builder.create(this, "RideCompletionTopicKey")
                .description("Encrypts the Wild Rydes ride-completion topic at rest")
                .enableKeyRotation(true)
                .build();
        Topic topic = Topic.Builder.create(this, "RideCompletionTopic")
                .masterKey(topicKey)
                .enforceSsl(true)
                .build();
        UnicornManagementService unicornManagement = new UnicornManagementService(
                this,
                "UnicornManagementService",
                UnicornManagementServiceProps.builder()
                        .rideCompletionTopic(topic)
                        .code(code)
                        .handler(LambdaBundle.SUBMIT_RIDE_COMPLETION)
                        .tableRemovalPolicy(RemovalPolicy.DESTROY)
                        .build());
        CfnOutput.Builder.create(this, "UnicornManagementServiceApiSubmitRideCompletionEndpoint")
                .value(unicornManagement.getSubmitRideCompletionUrl())
                .description("POST a ride completion here")
                .build();

        // The three backend services, by construct ID: each processes a batch of rides from SQS and
        // fails one ride in two on purpose, reporting those as the batch's failures.
        Map<String, JavaFunction> backends = new LinkedHashMap<>();
        backends.put("CustomerAccounting", backend(code, "CustomerAccounting", "customer-accounting"));
        backends.put("CustomerNotification", backend(code, "CustomerNotification", "customer-notification"));
        backends.put("ExtraordinaryRides", backend(code, "ExtraordinaryRides", "extraordinary-rides"));

        // >>> step 1
        // <<< step 1

        // >>> step 2
        // <<< step 2

        // >>> step 3
        // <<< step 3

        // >>> step 4
        // <<< step 4

        // >>> step 5
        // <<< step 5
    }

    /** Lab 1's extraordinary-rides filter, in plain CDK: a fare of 50 or more and a distance of 20 or more. */
    private static Map<String, SubscriptionFilter> extraordinaryRidesFilter() {
        return Map.of(
                "fare", SubscriptionFilter.numericFilter(NumericConditions.builder().greaterThanOrEqualTo(50).build()),
                "distance",
                SubscriptionFilter.numericFilter(NumericConditions.builder().greaterThanOrEqualTo(20).build()));
    }

    private JavaFunction backend(Code code, String id, String serviceName) {
        return new JavaFunction(
                this,
                id + "Function",
                JavaFunctionProps.builder()
                        .code(code)
                        .handler(LambdaBundle.RIDE_QUEUE)
                        .description("Wild Rydes " + serviceName + " service (lab 2, learner)")
                        .memorySize(512)
                        .timeout(Duration.seconds(10))
                        .environment(Map.of("SERVICE_NAME", serviceName, "FAILURE_RATE", "0.5"))
                        .build());
    }
}
