package com.wildrydes.local.iam;

import com.wildrydes.local.template.LocalIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Turns one SDK call (service, operation, the request's resource fields) into the IAM actions it
 * needs on which resources: {@code dynamodb:<Operation>} on the table (a {@code TransactWriteItems}
 * needs each item's own action on its table, a {@code TransactGetItems} {@code GetItem}),
 * {@code sns:Publish} on the topic, {@code sqs:<Operation>} on the queue (the batch operations need
 * the single one's action).
 */
public final class SdkCalls {

    private static final Map<String, String> TRANSACT_ITEM_ACTIONS = Map.of(
            "Put", "PutItem",
            "Update", "UpdateItem",
            "Delete", "DeleteItem",
            "ConditionCheck", "ConditionCheckItem",
            "Get", "GetItem");

    private final UnaryOperator<String> queueArnOfUrl;

    public SdkCalls(UnaryOperator<String> queueArnOfUrl) {
        this.queueArnOfUrl = queueArnOfUrl;
    }

    /** The (action, resource ARN) pairs the call needs. */
    public List<String[]> actions(String service, String operation, Map<String, String> fields) {
        List<String[]> needed = new ArrayList<>();
        switch (service.toLowerCase(Locale.ROOT)) {
            case "dynamodb" -> {
                if (operation.startsWith("Transact")) {
                    fields.forEach((path, table) -> {
                        if (path.endsWith(".TableName")) {
                            String kind = path.substring(path.indexOf("].") + 2, path.lastIndexOf('.'));
                            needed.add(new String[] {"dynamodb:" + TRANSACT_ITEM_ACTIONS.get(kind), tableArn(table)});
                        }
                    });
                } else if (fields.containsKey("TableName")) {
                    String arn = tableArn(fields.get("TableName"));
                    if (fields.containsKey("IndexName")) {
                        arn += "/index/" + fields.get("IndexName");
                    }
                    needed.add(new String[] {"dynamodb:" + operation, arn});
                } else {
                    fields.forEach((path, table) -> {
                        if (path.startsWith("RequestItems.")) {
                            needed.add(new String[] {"dynamodb:" + operation, tableArn(table)});
                        }
                    });
                }
            }
            case "sns" -> {
                String topic = fields.getOrDefault("TopicArn", fields.get("TargetArn"));
                needed.add(new String[] {"sns:" + (operation.equals("PublishBatch") ? "Publish" : operation), topic});
            }
            case "sqs" -> {
                String single = operation.endsWith("Batch")
                        ? operation.substring(0, operation.length() - "Batch".length())
                        : operation;
                needed.add(new String[] {"sqs:" + single, queueArnOfUrl.apply(fields.get("QueueUrl"))});
            }
            default ->
                throw new IllegalArgumentException("A function called " + service + " " + operation
                        + ": local mode does not know which IAM action that needs");
        }
        return needed;
    }

    static String tableArn(String tableName) {
        return "arn:aws:dynamodb:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":table/" + tableName;
    }
}
