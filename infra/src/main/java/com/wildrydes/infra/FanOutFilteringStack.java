package com.wildrydes.infra;

import com.wildrydes.constructs.FilterPolicy;
import com.wildrydes.constructs.FilteredSubscription;
import com.wildrydes.constructs.FilteredSubscriptionProps;
import com.wildrydes.constructs.JavaFunction;
import com.wildrydes.constructs.JavaFunctionProps;
import com.wildrydes.constructs.UnicornManagementService;
import com.wildrydes.constructs.UnicornManagementServiceProps;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnOutputProps;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * Lab 1, fan-out and message filtering: the unicorn management service publishes each completed
 * ride to one topic, and three backend services subscribe to it directly. Extraordinary rides
 * receives only rides with a fare of 50 or more and a distance of 20 or more.
 */
public class FanOutFilteringStack extends Stack {

    /** The workshop's extraordinary-rides filter, on the fare and distance message attributes. */
    public static final String EXTRAORDINARY_RIDES_FILTER =
            "{\"fare\": [{\"numeric\": [\">=\", 50]}], \"distance\": [{\"numeric\": [\">=\", 20]}]}";
    /** The deployed demo fails one message in two, as the workshop does, to show the retries. */
    public static final String DEMO_FAILURE_RATE = "0.5";

    public FanOutFilteringStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        Code code = LambdaBundle.code();
        Topic topic = RideCompletionTopic.create(this);
        UnicornManagementService service = new UnicornManagementService(this, "UnicornManagementService",
                UnicornManagementServiceProps.builder()
                        .rideCompletionTopic(topic)
                        .code(code)
                        .handler(LambdaBundle.SUBMIT_RIDE_COMPLETION)
                        .tableRemovalPolicy(RemovalPolicy.DESTROY)
                        .build());

        subscribe(code, topic, "CustomerAccounting", "customer-accounting", null);
        subscribe(code, topic, "CustomerNotification", "customer-notification", null);
        subscribe(code, topic, "ExtraordinaryRides", "extraordinary-rides",
                FilterPolicy.onMessageAttributes(EXTRAORDINARY_RIDES_FILTER));

        output("UnicornManagementServiceApiSubmitRideCompletionEndpoint", service.getSubmitRideCompletionUrl(),
                "POST a ride completion here");
        output("SubmitRideCompletionFunctionArn", service.getSubmitFunctionAlias().getFunctionArn(),
                "The submit function's live alias");
        output("RidesTableName", service.getRidesTable().getTableName(), "The Rides table");
        output("RideCompletionTopicArn", topic.getTopicArn(), "The ride-completion topic");
    }

    private void subscribe(Code code, Topic topic, String name, String serviceName, FilterPolicy filter) {
        JavaFunction function = new JavaFunction(this, name + "Function", JavaFunctionProps.builder()
                .code(code)
                .handler(LambdaBundle.RIDE_NOTIFICATION)
                .description("Wild Rydes " + serviceName + " service (lab 1)")
                .memorySize(512)
                .timeout(Duration.seconds(10))
                .environment(Map.of("SERVICE_NAME", serviceName, "FAILURE_RATE", DEMO_FAILURE_RATE))
                .build());
        FilteredSubscription subscription = new FilteredSubscription(this, name + "Subscription",
                FilteredSubscriptionProps.builder()
                        .topic(topic)
                        .function(function.getAlias())
                        .filterPolicy(filter)
                        .build());
        output(name + "FunctionArn", function.getAlias().getFunctionArn(), "The " + serviceName + " function's live alias");
        output(name + "FailedInvocationsQueueUrl", subscription.getFailedInvocationsQueue().getQueueUrl(),
                "Rides " + serviceName + " still failed on after Lambda's retries");
    }

    private void output(String id, String value, String description) {
        new CfnOutput(this, id, CfnOutputProps.builder().value(value).description(description).build());
    }
}
