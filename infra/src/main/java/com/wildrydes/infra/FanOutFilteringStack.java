package com.wildrydes.infra;

import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.messaging.FilteredSubscription;
import com.wildrydes.constructs.messaging.FilteredSubscriptionProps;
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

    public FanOutFilteringStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        LabSettings settings = LabSettings.of(this);
        RideCompletionSource source =
                RideCompletionSource.create(this, LambdaBundle.code(LambdaBundle.SUBMIT_RIDE_COMPLETION), settings);
        Topic topic = source.topic();
        OriginalOutputs.of(this)
                .add(
                        "SubmitRideCompletionFunctionIamRole",
                        source.service()
                                .getSubmitFunction()
                                .getFunction()
                                .getRole()
                                .getRoleArn(),
                        "The submit function's role");
        LabAlarms alarms = LabAlarms.create(this, settings);
        LabStacks.destroyOnDelete(this);
        LabStacks.tagWorkshopResources(this, 1);
        Code code = LambdaBundle.code(LambdaBundle.RIDE_NOTIFICATION);
        for (BackendService service : BackendService.values()) {
            alarms.notifyOn(subscribe(code, topic, service, settings).getAlarms());
        }
        FunctionLogGroups.nameAfterStackAndFunction(this);
    }

    private FilteredSubscription subscribe(Code code, Topic topic, BackendService service, LabSettings settings) {
        JavaFunction function = service.createFunction(this, code, LambdaBundle.RIDE_NOTIFICATION, "lab 1", settings);
        FilteredSubscription subscription = new FilteredSubscription(
                this,
                service.id + "Subscription",
                FilteredSubscriptionProps.builder()
                        .topic(topic)
                        .function(function.getAlias())
                        .filterPolicy(service.filter())
                        .build());
        RideCompletionSource.output(
                this,
                service.id + "FunctionArn",
                function.getAlias().getFunctionArn(),
                "The " + service.serviceName + " function's live alias");
        OriginalOutputs.of(this)
                .add(
                        service.id + "Function",
                        function.getAlias().getFunctionArn(),
                        "The " + service.serviceName + " function's live alias");
        RideCompletionSource.output(
                this,
                service.id + "FailedInvocationsQueueUrl",
                subscription.getFailedInvocationsQueue().getQueueUrl(),
                "Rides " + service.serviceName + " still failed on after Lambda's retries");
        return subscription;
    }
}
