package com.wildrydes.infra;

import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.messaging.TopicQueueChain;
import com.wildrydes.constructs.messaging.TopicQueueChainProps;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * Lab 2, topic-queue chaining: the same service and topic as lab 1, but each backend service
 * reads its own queue subscribed to the topic. The queue buffers what its consumers cannot take
 * yet, and spreads it over at most {@value #CONSUMER_CONCURRENCY} concurrent invocations.
 */
public class TopicQueueChainingStack extends Stack {

    /** The workshop's bound on each backend's pool of consumers. */
    public static final int CONSUMER_CONCURRENCY = 5;

    public TopicQueueChainingStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        LabSettings settings = LabSettings.of(this);
        Topic topic = RideCompletionSource.create(
                        this, LambdaBundle.code(LambdaBundle.SUBMIT_RIDE_COMPLETION), settings)
                .topic();
        LabAlarms alarms = LabAlarms.create(this, settings);
        LabStacks.destroyOnDelete(this);
        LabStacks.tagWorkshopResources(this, 2);
        Code code = LambdaBundle.code(LambdaBundle.RIDE_QUEUE);
        for (BackendService service : BackendService.values()) {
            TopicQueueChain chain = chain(code, topic, service, settings);
            alarms.notifyOn(List.of(chain.getDeadLetterAlarm(), chain.getOldestMessageAlarm()));
        }
        FunctionLogGroups.nameAfterStackAndFunction(this);
    }

    private TopicQueueChain chain(Code code, Topic topic, BackendService service, LabSettings settings) {
        JavaFunction function = service.createFunction(this, code, LambdaBundle.RIDE_QUEUE, "lab 2", settings);
        TopicQueueChain chain = new TopicQueueChain(
                this,
                service.id + "Chain",
                TopicQueueChainProps.builder()
                        .topic(topic)
                        .consumer(function.getAlias())
                        .filterPolicy(service.filter())
                        .maxConcurrency(CONSUMER_CONCURRENCY)
                        .build());
        RideCompletionSource.output(
                this,
                service.id + "FunctionArn",
                function.getAlias().getFunctionArn(),
                "The " + service.serviceName + " function's live alias");
        OriginalOutputs.of(this)
                .add(
                        service.id + "Service",
                        function.getAlias().getFunctionArn(),
                        "The " + service.serviceName + " function's live alias");
        RideCompletionSource.output(
                this, service.id + "QueueUrl", chain.getQueue().getQueueUrl(), "The " + service.serviceName + " queue");
        RideCompletionSource.output(
                this,
                service.id + "DeadLetterQueueUrl",
                chain.getDeadLetterQueue().getQueueUrl(),
                "Rides " + service.serviceName + " failed on " + TopicQueueChainProps.DEFAULT_MAX_RECEIVE_COUNT
                        + " times");
        return chain;
    }
}
