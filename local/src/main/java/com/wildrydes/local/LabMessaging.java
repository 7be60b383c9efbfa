package com.wildrydes.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.lambda.AsyncInvoker;
import com.wildrydes.local.lambda.LocalFunction;
import com.wildrydes.local.lambda.SqsEventSource;
import com.wildrydes.local.lambda.TopicToFunction;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lab's tables, queues and topics in the engines, and what connects them to its functions: SNS
 * subscriptions (to a queue, or to a function through Lambda's asynchronous invocation with its
 * retries and on-failure destination) and SQS event source mappings.
 */
final class LabMessaging {

    private final LabContext lab;
    private final LabFunctions functions;
    private final Map<String, String> queueUrlsByArn = new LinkedHashMap<>();

    LabMessaging(LabContext lab, LabFunctions functions) {
        this.lab = lab;
        this.functions = functions;
    }

    void bringUp(String logicalId, String type, JsonNode properties) {
        switch (type) {
            case "AWS::DynamoDB::Table" -> lab.resources.table(logicalId, properties);
            case "AWS::SQS::Queue" -> {
                lab.resources.queue(logicalId, properties);
                queueUrlsByArn.put(lab.text(LabContext.getAtt(logicalId, "Arn")), lab.text(LabContext.ref(logicalId)));
            }
            case "AWS::SNS::Topic" -> lab.resources.topic(logicalId, properties);
            case "AWS::SNS::Subscription" -> subscription(logicalId, properties);
            case "AWS::Lambda::EventSourceMapping" -> eventSourceMapping(logicalId, properties);
            default -> throw new IllegalArgumentException("Not a messaging resource: " + type);
        }
    }

    private void subscription(String logicalId, JsonNode properties) {
        String protocol = properties.path("Protocol").asText();
        switch (protocol) {
            case "sqs" -> lab.resources.queueSubscription(logicalId, properties);
            case "lambda" -> lambdaSubscription(logicalId, properties);
            default ->
                throw new IllegalArgumentException("Subscription " + logicalId + " has protocol " + protocol
                        + "; local mode delivers to sqs and lambda only");
        }
    }

    /** SNS to a function: delivered through an internal queue to Lambda's asynchronous invocation. */
    private void lambdaSubscription(String logicalId, JsonNode properties) {
        String endpoint = lab.text(properties.get("Endpoint"));
        LocalFunction function = functions.function(endpoint);
        String topicArn = lab.text(properties.get("TopicArn"));
        String deliveryQueue = lab.resources.internalQueue(logicalId + "-to-lambda");
        String subscriptionArn =
                lab.resources.subscribe(topicArn, "sqs", lab.resources.queueArn(deliveryQueue), properties, false);
        JsonNode config = functions.invokeConfig(function.name());
        int retries = config == null ? 2 : config.path("MaximumRetryAttempts").asInt(2);
        String onFailure = config == null
                ? null
                : config.path("DestinationConfig")
                        .path("OnFailure")
                        .path("Destination")
                        .asText(null);
        AsyncInvoker invoker = new AsyncInvoker(
                function,
                retries,
                onFailure == null ? null : queueUrl(onFailure),
                lab.settings.asyncRetryDelay(),
                lab.engines.sqs(),
                () -> lab.iamCalls.byRole(
                        functions.role(function.name()),
                        function.name(),
                        "sqs:SendMessage",
                        onFailure,
                        "Lambda sending a failed asynchronous invocation to its on-failure destination"),
                Duration.ofSeconds(
                        config == null
                                ? 21600
                                : config.path("MaximumEventAgeInSeconds").asInt(21600)));
        invoker.listen(lab.events);
        lab.own(new TopicToFunction(
                lab.engines.sqs(),
                deliveryQueue,
                subscriptionArn,
                invoker,
                function.name(),
                () -> lab.iamCalls.byService(
                        "sns.amazonaws.com",
                        "lambda:InvokeFunction",
                        endpoint,
                        topicArn,
                        "SNS invoking the subscribed function")));
        lab.ids.put(logicalId, subscriptionArn, Map.of());
    }

    private void eventSourceMapping(String logicalId, JsonNode properties) {
        String sourceArn = lab.text(properties.get("EventSourceArn"));
        LocalFunction function = functions.function(lab.text(properties.get("FunctionName")));
        boolean partial = false;
        for (JsonNode type : properties.path("FunctionResponseTypes")) {
            partial |= type.asText().equals("ReportBatchItemFailures");
        }
        lab.own(new SqsEventSource(
                lab.engines.sqs(),
                queueUrl(sourceArn),
                sourceArn,
                function,
                properties.path("BatchSize").asInt(10),
                properties.path("MaximumBatchingWindowInSeconds").asInt(0),
                // Without a maximum, Lambda scales SQS pollers itself; five is its starting point.
                properties.path("ScalingConfig").path("MaximumConcurrency").asInt(5),
                partial,
                action -> lab.iamCalls.byRole(
                        functions.role(function.name()),
                        function.name(),
                        action,
                        sourceArn,
                        "Lambda's event source mapping of " + function.name())));
        lab.ids.put(logicalId, logicalId, Map.of());
    }

    /** The ARN of the local queue at that URL (what an SDK call's QueueUrl stands for). */
    String queueArn(String queueUrl) {
        for (Map.Entry<String, String> queue : queueUrlsByArn.entrySet()) {
            if (queue.getValue().equals(queueUrl)) {
                return queue.getKey();
            }
        }
        throw new IllegalStateException(
                "No queue of the template at " + queueUrl + " (queues: " + queueUrlsByArn + ")");
    }

    private String queueUrl(String queueArn) {
        String url = queueUrlsByArn.get(queueArn);
        if (url == null) {
            throw new IllegalStateException("No local queue with ARN " + queueArn);
        }
        return url;
    }
}
