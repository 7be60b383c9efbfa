package com.wildrydes.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.template.Intrinsics;
import com.wildrydes.local.template.LocalIds;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The engine-side resources of one deployed lab (tables, queues, topics and their subscriptions,
 * named as {@link com.wildrydes.local.resources.EngineResources} names them), removed when the
 * stack is deleted, rolled back or updated without them.
 */
final class StackEngineResources {

    private final RunningEngines engines;
    private final String stackName;

    StackEngineResources(RunningEngines engines, String stackName) {
        this.engines = engines;
        this.stackName = stackName;
    }

    /** Removes every table, queue and topic of the template but those {@code retained} keeps, and local mode's own queues of the stack. */
    void removeAll(JsonNode template, Predicate<String> retained) {
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        template.path("Resources").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (!retained.test(resource.getKey())) {
                remove(resource.getKey(), resource.getValue());
            }
        }
        java.util.Set<String> templateQueues = new java.util.HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        template.path("Resources").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if ("AWS::SQS::Queue".equals(resource.getValue().path("Type").asText())) {
                templateQueues.add(name(
                        resource.getKey(),
                        resource.getValue().path("Properties"),
                        "QueueName",
                        resource.getValue().path("Properties").path("FifoQueue").asBoolean() ? ".fifo" : ""));
            }
        }
        // Local mode's own delivery queues (a topic to a function) carry the stack's prefix too.
        for (String url : engines.sqs()
                .listQueues(list -> list.queueNamePrefix(stackName + "-"))
                .queueUrls()) {
            String queue = url.substring(url.lastIndexOf('/') + 1);
            if (!templateQueues.contains(queue)) {
                quietly(() -> engines.sqs().deleteQueue(delete -> delete.queueUrl(url)));
            }
        }
    }

    /** Removes one resource's engine-side counterpart, if it has one. */
    void remove(String logicalId, JsonNode resource) {
        JsonNode properties = resource.path("Properties");
        switch (resource.path("Type").asText()) {
            case "AWS::DynamoDB::Table" -> {
                String table = name(logicalId, properties, "TableName", "");
                quietly(() -> engines.dynamoDb().deleteTable(delete -> delete.tableName(table)));
            }
            case "AWS::SQS::Queue" -> {
                String queue = name(
                        logicalId,
                        properties,
                        "QueueName",
                        properties.path("FifoQueue").asBoolean() ? ".fifo" : "");
                quietly(() -> {
                    String url = engines.sqs()
                            .getQueueUrl(get -> get.queueName(queue))
                            .queueUrl();
                    engines.sqs().deleteQueue(delete -> delete.queueUrl(url));
                });
            }
            case "AWS::SNS::Topic" -> {
                String topic = name(
                        logicalId,
                        properties,
                        "TopicName",
                        properties.path("FifoTopic").asBoolean() ? ".fifo" : "");
                quietly(() ->
                        topicArn(topic).ifPresent(arn -> engines.sns().deleteTopic(delete -> delete.topicArn(arn))));
            }
            default -> {
                // Everything else of a lab lives in this JVM and stopped with it.
            }
        }
    }

    /** Ends the subscriptions of the template's topics (the template's next run subscribes again). */
    void unsubscribeAll(JsonNode template) {
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        template.path("Resources").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (!"AWS::SNS::Topic".equals(resource.getValue().path("Type").asText())) {
                continue;
            }
            JsonNode properties = resource.getValue().path("Properties");
            String topic = name(
                    resource.getKey(),
                    properties,
                    "TopicName",
                    properties.path("FifoTopic").asBoolean() ? ".fifo" : "");
            quietly(() -> topicArn(topic)
                    .ifPresent(arn -> engines.sns()
                            .listSubscriptionsByTopic(list -> list.topicArn(arn))
                            .subscriptions()
                            .forEach(subscription -> engines.sns()
                                    .unsubscribe(unsubscribe ->
                                            unsubscribe.subscriptionArn(subscription.subscriptionArn())))));
        }
    }

    private java.util.Optional<String> topicArn(String topic) {
        return engines.sns().listTopics().topics().stream()
                .map(t -> t.topicArn())
                .filter(arn -> arn.endsWith(":" + topic))
                .findFirst();
    }

    private String name(String logicalId, JsonNode properties, String nameProperty, String suffix) {
        if (properties.has(nameProperty)) {
            return new Intrinsics(new LocalIds()).text(properties.get(nameProperty));
        }
        return stackName + "-" + logicalId + suffix;
    }

    private static void quietly(Runnable removal) {
        try {
            removal.run();
        } catch (RuntimeException e) {
            // Already gone (a resource that never came up, or an earlier removal): nothing left to remove.
        }
    }
}
