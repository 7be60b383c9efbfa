package com.wildrydes.learn.lab4;

import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.functions.JavaFunctionProps;
import com.wildrydes.infra.LambdaBundle;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.sns.SubscriptionFilter;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscriptionProps;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.Timeout;
import software.amazon.awscdk.services.stepfunctions.tasks.DynamoAttributeValue;
import software.amazon.awscdk.services.stepfunctions.tasks.DynamoPutItem;
import software.amazon.awscdk.services.stepfunctions.tasks.DynamoUpdateItem;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.amazon.awscdk.services.stepfunctions.tasks.MessageAttribute;
import software.amazon.awscdk.services.stepfunctions.tasks.MessageAttributeDataType;
import software.amazon.awscdk.services.stepfunctions.tasks.SnsPublish;
import software.constructs.Construct;

/**
 * Lab 4, saga orchestration, as the learner builds it in Java (docs/learn-lab4.md). It starts as
 * the original workshop's lab 4 starts: the charge, credit and refund functions, the Fares table,
 * the fare-processing topic with its successful- and failed-transactions queues, and a state
 * machine that is one Pass state named {@code RegisterFare}. Each step of the guide replaces the
 * code between its {@code // >>> step N} and {@code // <<< step N} lines. {@code learn/check 4}
 * reports which steps are done.
 */
public class Lab4Stack extends Stack {

    /** The stack's name: beside the finished lab's {@code wild-rydes-async-msg-4}, never in its place. */
    public static final String STACK_NAME = "wild-rydes-async-msg-4-start";

    private final Table fares;
    private final Topic topic;

    public Lab4Stack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        Code code = LambdaBundle.code();

        // The simulated payment gateway and the customer accounts.
        JavaFunction charge = payment(code, "ChargeFareFunction", LambdaBundle.CHARGE_FARE);
        JavaFunction credit = payment(code, "CreditCustomerAccountFunction", LambdaBundle.CREDIT_CUSTOMER_ACCOUNT);
        JavaFunction refund = payment(code, "RefundFareFunction", LambdaBundle.REFUND_FARE);

        // Each fare and its status; the notifications, filtered into two queues on IsSuccessful.
        fares = Table.Builder.create(this, "FaresTable")
                .partitionKey(Attribute.builder().name("fareId").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.AWS_MANAGED)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Key topicKey = Key.Builder.create(this, "FareProcessingTopicKey")
                .description("Encrypts the Wild Rydes fare-processing topic at rest")
                .enableKeyRotation(true)
                .build();
        topic = Topic.Builder.create(this, "FareProcessingTopic")
                .masterKey(topicKey)
                .enforceSsl(true)
                .build();
        for (String outcome : List.of("true", "false")) {
            Queue queue = Queue.Builder.create(this, outcome.equals("true") ? "SuccessfulTransactions" : "FailedTransactions")
                    .encryption(QueueEncryption.SQS_MANAGED)
                    .enforceSsl(true)
                    .build();
            topic.addSubscription(new SqsSubscription(queue, SqsSubscriptionProps.builder()
                    .rawMessageDelivery(true)
                    .filterPolicy(Map.of("IsSuccessful", SubscriptionFilter.stringFilter(
                            software.amazon.awscdk.services.sns.StringConditions.builder()
                                    .allowlist(List.of(outcome))
                                    .build())))
                    .build()));
        }

        // >>> step 1
        Pass registerFare = new Pass(this, "RegisterFare");
        // <<< step 1

        // >>> step 2
        // <<< step 2

        // >>> step 3
        // <<< step 3

        // >>> step 4
        // <<< step 4

        // >>> step 5
        // <<< step 5

        StateMachine saga = StateMachine.Builder.create(this, "StartHereStateMachine")
                .stateMachineName(getStackName() + "-start-here")
                .definitionBody(DefinitionBody.fromChainable(registerFare))
                .timeout(Duration.minutes(5))
                .build();
        CfnOutput.Builder.create(this, "StartHereStateMachineArn")
                .value(saga.getStateMachineArn())
                .description("Your saga: start an execution with the workshop's sample inputs")
                .build();
        CfnOutput.Builder.create(this, "FaresTableName").value(fares.getTableName()).build();
    }

    /** A task that sets the fare's status in the Fares table, keeping the state as it is. */
    private DynamoUpdateItem fareStatus(String id, String status) {
        return DynamoUpdateItem.Builder.create(this, id)
                .table(fares)
                .key(Map.of("fareId", DynamoAttributeValue.fromString(JsonPath.stringAt("$.fareId"))))
                .updateExpression("SET fareStatus = :status")
                .expressionAttributeValues(Map.of(":status", DynamoAttributeValue.fromString(status)))
                .resultPath(JsonPath.DISCARD)
                .build();
    }

    /**
     * A task that publishes the fare's outcome to the topic, with {@code IsSuccessful} as the message
     * attribute the two queues' subscriptions filter on. It names each field it publishes: the card
     * fields of the input are never published.
     */
    private SnsPublish notify(String id, String status, boolean successful) {
        return SnsPublish.Builder.create(this, id)
                .topic(topic)
                .message(TaskInput.fromObject(Map.of(
                        "fareId", JsonPath.stringAt("$.fareId"),
                        "customerId", JsonPath.stringAt("$.customerId"),
                        "fareStatus", status)))
                .messageAttributes(Map.of(
                        "IsSuccessful",
                        MessageAttribute.builder()
                                .value(String.valueOf(successful))
                                .dataType(MessageAttributeDataType.STRING)
                                .build()))
                .resultPath(JsonPath.DISCARD)
                .build();
    }

    private JavaFunction payment(Code code, String id, String handler) {
        return new JavaFunction(
                this,
                id,
                JavaFunctionProps.builder()
                        .code(code)
                        .handler(handler)
                        .description("Wild Rydes lab 4 payment function (learner)")
                        .memorySize(512)
                        .build());
    }
}
