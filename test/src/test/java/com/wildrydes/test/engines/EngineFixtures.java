package com.wildrydes.test.engines;

import com.wildrydes.local.engines.RunningEngines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Resources on the local engines, each with a fresh name so that tests never see each other's
 * data: tables, topics and queues subscribed to topics.
 */
public final class EngineFixtures {

    private final DynamoDbClient dynamoDb;
    private final SnsClient sns;
    private final SqsClient sqs;

    public EngineFixtures(RunningEngines engines) {
        this.dynamoDb = engines.dynamoDb();
        this.sns = engines.sns();
        this.sqs = engines.sqs();
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A table keyed by a string partition key and, if given, a string sort key. */
    public String createTable(String partitionKey, String sortKey) {
        String name = uniqueName("table");
        List<KeySchemaElement> keys = new ArrayList<>(List.of(KeySchemaElement.builder()
                .attributeName(partitionKey)
                .keyType(KeyType.HASH)
                .build()));
        List<AttributeDefinition> attributes = new ArrayList<>(List.of(AttributeDefinition.builder()
                .attributeName(partitionKey)
                .attributeType(ScalarAttributeType.S)
                .build()));
        if (sortKey != null) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(sortKey)
                    .keyType(KeyType.RANGE)
                    .build());
            attributes.add(AttributeDefinition.builder()
                    .attributeName(sortKey)
                    .attributeType(ScalarAttributeType.S)
                    .build());
        }
        dynamoDb.createTable(create -> create.tableName(name)
                .keySchema(keys)
                .attributeDefinitions(attributes)
                .billingMode(BillingMode.PAY_PER_REQUEST));
        return name;
    }

    public String createTopic() {
        return sns.createTopic(create -> create.name(uniqueName("topic"))).topicArn();
    }

    public String createQueue(Map<QueueAttributeName, String> attributes) {
        return sqs.createQueue(create -> create.queueName(uniqueName("queue")).attributes(attributes))
                .queueUrl();
    }

    public String queueArn(String queueUrl) {
        return sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    /** A new queue subscribed to the topic with raw message delivery and, if given, a filter policy. */
    public String subscribeNewQueue(String topicArn, String filterPolicy) {
        String queueUrl = createQueue(Map.of());
        Map<String, String> attributes = new java.util.HashMap<>(Map.of("RawMessageDelivery", "true"));
        if (filterPolicy != null) {
            attributes.put("FilterPolicy", filterPolicy);
        }
        sns.subscribe(subscribe -> subscribe
                .topicArn(topicArn)
                .protocol("sqs")
                .endpoint(queueArn(queueUrl))
                .attributes(attributes));
        return queueUrl;
    }

    /** Every message that arrives within {@code wait}, with all message attributes, deleted as read. */
    public List<Message> drain(String queueUrl, Duration wait) {
        return receive(queueUrl, Integer.MAX_VALUE, wait);
    }

    /**
     * Everything already in the queue, deleted as read, without waiting: for what a call that has
     * returned published. The SNS engine (fauxqs) puts a publish's deliveries in the subscribed
     * queues before it answers the publish, so once a synchronous publisher (a handler invoked by
     * the test, an execution the test waited for) has returned, its messages are all there, and an
     * empty answer means nothing was published.
     */
    public List<Message> takeAll(String queueUrl) {
        List<Message> received = new ArrayList<>();
        List<Message> batch;
        do {
            batch = takeBatch(queueUrl, 0);
            received.addAll(batch);
        } while (!batch.isEmpty());
        return received;
    }

    /**
     * Waits until {@code count} messages arrived (or {@code wait} passed), then takes what else is
     * already there: to see that exactly {@code count} arrived without waiting out {@code wait}.
     */
    public List<Message> awaitAll(String queueUrl, int count, Duration wait) {
        List<Message> received = receive(queueUrl, count, wait);
        received.addAll(takeAll(queueUrl));
        return received;
    }

    /** Waits until {@code count} messages arrived (or {@code wait} passed), deleting them as read. */
    public List<Message> await(String queueUrl, int count, Duration wait) {
        return receive(queueUrl, count, wait);
    }

    private List<Message> receive(String queueUrl, int count, Duration wait) {
        List<Message> received = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            received.addAll(takeBatch(queueUrl, 1));
        }
        return received;
    }

    /** One receive of up to 10 messages, with all message attributes, each deleted once read. */
    private List<Message> takeBatch(String queueUrl, int waitSeconds) {
        List<Message> batch = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(waitSeconds)
                        .messageAttributeNames("All"))
                .messages();
        for (Message message : batch) {
            sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
        return batch;
    }

    public int itemCount(String tableName) {
        return dynamoDb.scan(scan -> scan.tableName(tableName)).count();
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SnsClient sns() {
        return sns;
    }

    public SqsClient sqs() {
        return sqs;
    }
}
