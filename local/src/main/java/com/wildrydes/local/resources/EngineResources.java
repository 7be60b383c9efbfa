package com.wildrydes.local.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.template.Intrinsics;
import com.wildrydes.local.template.LocalIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Brings up the template's data and messaging resources in the engines, with the template's
 * settings: DynamoDB tables (keys and attribute definitions), SQS queues (visibility timeout,
 * retention, delay, FIFO, redrive to the local dead-letter queue), SNS topics (FIFO too) and SNS
 * subscriptions of SQS queues (raw delivery, filter policy and its scope, redrive policy).
 * Names are {@code <stack>-<logical id>} unless the template names the resource.
 */
public final class EngineResources {

    private final String stackName;
    private final LocalIds ids;
    private final Intrinsics intrinsics;
    private final DynamoDbClient dynamoDb;
    private final SnsClient sns;
    private final SqsClient sqs;
    private final java.util.function.IntUnaryOperator timeScale;

    public EngineResources(
            String stackName, LocalIds ids, RunningEngines engines, java.util.function.IntUnaryOperator timeScale) {
        this.stackName = stackName;
        this.timeScale = timeScale;
        this.ids = ids;
        this.intrinsics = new Intrinsics(ids);
        this.dynamoDb = engines.dynamoDb();
        this.sns = engines.sns();
        this.sqs = engines.sqs();
    }

    public void table(String logicalId, JsonNode properties) {
        String name = nameOf(properties.path("TableName"), logicalId, "");
        List<KeySchemaElement> keys = new ArrayList<>();
        properties
                .path("KeySchema")
                .forEach(key -> keys.add(KeySchemaElement.builder()
                        .attributeName(key.path("AttributeName").asText())
                        .keyType(key.path("KeyType").asText())
                        .build()));
        List<AttributeDefinition> attributes = new ArrayList<>();
        properties
                .path("AttributeDefinitions")
                .forEach(attribute -> attributes.add(AttributeDefinition.builder()
                        .attributeName(attribute.path("AttributeName").asText())
                        .attributeType(attribute.path("AttributeType").asText())
                        .build()));
        try {
            dynamoDb.createTable(create -> create.tableName(name)
                    .keySchema(keys)
                    .attributeDefinitions(attributes)
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceInUseException e) {
            // A deployed stack's update brings the new template up on the tables it keeps: a table
            // that exists with the same keys is kept, data and all, as queues and topics are.
            if (!dynamoDb.describeTable(describe -> describe.tableName(name))
                    .table()
                    .keySchema()
                    .equals(keys)) {
                throw e;
            }
        }
        String arn = "arn:aws:dynamodb:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":table/" + name;
        ids.put(logicalId, name, Map.of("Arn", arn));
    }

    public void queue(String logicalId, JsonNode properties) {
        boolean fifo = properties.path("FifoQueue").asBoolean(false);
        String name = nameOf(properties.path("QueueName"), logicalId, fifo ? ".fifo" : "");
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        scaled(properties, "VisibilityTimeout", attributes, QueueAttributeName.VISIBILITY_TIMEOUT);
        copy(properties, "MessageRetentionPeriod", attributes, QueueAttributeName.MESSAGE_RETENTION_PERIOD);
        scaled(properties, "DelaySeconds", attributes, QueueAttributeName.DELAY_SECONDS);
        copy(
                properties,
                "ReceiveMessageWaitTimeSeconds",
                attributes,
                QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS);
        copy(properties, "MaximumMessageSize", attributes, QueueAttributeName.MAXIMUM_MESSAGE_SIZE);
        if (fifo) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            copy(properties, "ContentBasedDeduplication", attributes, QueueAttributeName.CONTENT_BASED_DEDUPLICATION);
        }
        if (properties.has("RedrivePolicy")) {
            // The dead-letter queue is an earlier resource: its ARN resolves to the local queue's.
            attributes.put(
                    QueueAttributeName.REDRIVE_POLICY,
                    intrinsics.resolve(properties.get("RedrivePolicy")).toString());
        }
        String url = sqs.createQueue(create -> create.queueName(name).attributes(attributes))
                .queueUrl();
        String arn = sqs.getQueueAttributes(get -> get.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        ids.put(logicalId, url, Map.of("Arn", arn, "QueueName", name, "QueueUrl", url));
    }

    public void topic(String logicalId, JsonNode properties) {
        boolean fifo = properties.path("FifoTopic").asBoolean(false);
        String name = nameOf(properties.path("TopicName"), logicalId, fifo ? ".fifo" : "");
        Map<String, String> attributes = new LinkedHashMap<>();
        if (fifo) {
            attributes.put("FifoTopic", "true");
            if (properties.has("ContentBasedDeduplication")) {
                attributes.put(
                        "ContentBasedDeduplication",
                        properties.get("ContentBasedDeduplication").asText());
            }
        }
        String arn = sns.createTopic(create -> create.name(name).attributes(attributes))
                .topicArn();
        ids.put(logicalId, arn, Map.of("TopicArn", arn, "TopicName", name));
    }

    /** An SNS subscription of an SQS queue, with the template's delivery settings. */
    public void queueSubscription(String logicalId, JsonNode properties) {
        String topicArn = intrinsics.text(properties.get("TopicArn"));
        String queueArn = intrinsics.text(properties.get("Endpoint"));
        String arn = subscribe(
                topicArn,
                "sqs",
                queueArn,
                properties,
                properties.path("RawMessageDelivery").asBoolean(false));
        ids.put(logicalId, arn, Map.of());
    }

    /**
     * Subscribes {@code endpoint} to the topic with the template's filter policy, its scope and its
     * redrive policy; returns the subscription's ARN.
     */
    public String subscribe(String topicArn, String protocol, String endpoint, JsonNode properties, boolean raw) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("RawMessageDelivery", Boolean.toString(raw));
        if (properties.has("FilterPolicy")) {
            attributes.put(
                    "FilterPolicy",
                    intrinsics.resolve(properties.get("FilterPolicy")).toString());
            attributes.put(
                    "FilterPolicyScope", properties.path("FilterPolicyScope").asText("MessageAttributes"));
        }
        if (properties.has("RedrivePolicy")) {
            attributes.put(
                    "RedrivePolicy",
                    intrinsics.resolve(properties.get("RedrivePolicy")).toString());
        }
        return sns.subscribe(subscribe -> subscribe
                        .topicArn(topicArn)
                        .protocol(protocol)
                        .endpoint(endpoint)
                        .attributes(attributes)
                        .returnSubscriptionArn(true))
                .subscriptionArn();
    }

    /** A queue of local mode's own (not in the template), for delivering a topic to a function. */
    public String internalQueue(String name) {
        return sqs.createQueue(create -> create.queueName(stackName + "-" + name))
                .queueUrl();
    }

    public String queueArn(String queueUrl) {
        return sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    private String nameOf(JsonNode explicit, String logicalId, String suffix) {
        return explicit.isMissingNode() ? stackName + "-" + logicalId + suffix : intrinsics.text(explicit);
    }

    /** A wait in seconds, on local mode's time scale. */
    private void scaled(
            JsonNode properties,
            String property,
            Map<QueueAttributeName, String> attributes,
            QueueAttributeName attribute) {
        if (properties.has(property)) {
            attributes.put(
                    attribute,
                    Integer.toString(
                            timeScale.applyAsInt(properties.get(property).asInt())));
        }
    }

    private static void copy(
            JsonNode properties,
            String property,
            Map<QueueAttributeName, String> attributes,
            QueueAttributeName attribute) {
        if (properties.has(property)) {
            attributes.put(attribute, properties.get(property).asText());
        }
    }
}
