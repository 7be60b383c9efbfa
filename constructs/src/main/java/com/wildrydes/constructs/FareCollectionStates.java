package com.wildrydes.constructs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.Errors;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.FailProps;
import software.amazon.awscdk.services.stepfunctions.IChainable;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.tasks.DynamoAttributeValue;
import software.amazon.awscdk.services.stepfunctions.tasks.DynamoPutItem;
import software.amazon.awscdk.services.stepfunctions.tasks.DynamoUpdateItem;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.amazon.awscdk.services.stepfunctions.tasks.MessageAttribute;
import software.amazon.awscdk.services.stepfunctions.tasks.MessageAttributeDataType;
import software.amazon.awscdk.services.stepfunctions.tasks.SnsPublish;
import software.constructs.Construct;

/**
 * The states of the fare-collection saga and how they connect. Every caught error goes to
 * {@code $.error} (the refund's to {@code $.refundError}), so that one notification can report
 * whichever error ended the saga. Card data is passed to the charge function only: its result
 * replaces the state, and the table item and the notifications name their fields one by one.
 * Every map here keeps its order (never Map.of with several keys): the definition is a string,
 * and a key order that changed from JVM to JVM would update the state machine on every deploy.
 */
final class FareCollectionStates {

    /** The transient DynamoDB errors Step Functions reports for a throttled or unavailable table. */
    static final List<String> TRANSIENT_DYNAMODB_ERRORS = List.of(
            "DynamoDB.ProvisionedThroughputExceededException", "DynamoDB.RequestLimitExceeded",
            "DynamoDB.ServiceUnavailable", "DynamoDB.ThrottlingException");
    static final String DUPLICATE_FARE_ERROR = "DynamoDB.ConditionalCheckFailedException";

    private final Construct scope;
    private final ITable fares;
    private final ITopic topic;

    FareCollectionStates(Construct scope, ITable fares, ITopic topic) {
        this.scope = scope;
        this.fares = fares;
        this.topic = topic;
    }

    IChainable definition(FareCollectionSagaProps props) {
        Fail duplicate = new Fail(scope, "FareAlreadyRegistered", FailProps.builder()
                .error("FareAlreadyRegistered")
                .cause("This fare was submitted before: only the first execution charges it.")
                .build());

        IChainable notifyFailure = publish("NotifyFailure", false, failureMessage())
                .next(new Fail(scope, "FareCollectionFailed", FailProps.builder()
                        .error("FareCollectionFailed").cause("The fare was not collected; the failure notification says why.")
                        .build()));
        IChainable setFailed = setStatus("SetFareStatusFailed", "failed").next(notifyFailure);

        IChainable refundFailed = setStatus("SetFareStatusRefundFailed", "refund_failed")
                .next(publish("NotifyRefundFailure", false, refundFailureMessage()))
                .next(new Fail(scope, "FareNeedsManualRefund", FailProps.builder()
                        .error("FareNeedsManualRefund")
                        .cause("The customer was charged, not credited, and the refund failed: an operator must refund the charge.")
                        .build()));

        LambdaInvoke refund = LambdaInvoke.Builder.create(scope, "RefundFare")
                .lambdaFunction(props.getRefundFunction())
                .payload(TaskInput.fromObject(fields("fareId", "chargeId", "customerId")))
                .resultSelector(Map.of("refundId", JsonPath.stringAt("$.Payload.refundId")))
                .resultPath("$.refund")
                .build();
        refund.addCatch(refundFailed, CatchProps.builder().errors(props.getRefundErrors()).resultPath("$.refundError").build());
        refund.addCatch(refundFailed, CatchProps.builder().errors(List.of(Errors.ALL)).resultPath("$.refundError").build());
        refund.next(setFailed);

        LambdaInvoke credit = LambdaInvoke.Builder.create(scope, "CreditCustomerAccount")
                .lambdaFunction(props.getCreditFunction())
                .payload(TaskInput.fromObject(fields("customerId", "chargeId")))
                .resultPath(JsonPath.DISCARD)
                .build();
        credit.addCatch(refund, CatchProps.builder().errors(props.getCreditErrors()).resultPath("$.error").build());
        credit.addCatch(refund, CatchProps.builder().errors(List.of(Errors.ALL)).resultPath("$.error").build());

        LambdaInvoke charge = LambdaInvoke.Builder.create(scope, "ChargeFare")
                .lambdaFunction(props.getChargeFunction())
                .payload(TaskInput.fromJsonPathAt("$"))
                .resultSelector(fromPayload("customerId", "fareId", "fareAmount", "chargeId"))
                // No ResultPath: the default, "$", makes the charge replace the input, so no card data
                // travels further. (Written out, "$" means the same on AWS, but some interpreters mishandle it.)
                .build();
        charge.addCatch(setFailed, CatchProps.builder().errors(props.getPaymentErrors()).resultPath("$.error").build());

        DynamoPutItem register = DynamoPutItem.Builder.create(scope, "RegisterFare")
                .table(fares)
                .item(fareItem())
                .conditionExpression("attribute_not_exists(fareId)")
                .resultPath("$.dynamodbResult")
                .build();
        register.addRetry(RetryProps.builder().errors(TRANSIENT_DYNAMODB_ERRORS)
                .interval(Duration.seconds(1)).maxAttempts(2).backoffRate(2).build());
        register.addCatch(duplicate, CatchProps.builder().errors(List.of(DUPLICATE_FARE_ERROR)).resultPath("$.error").build());
        register.addCatch(notifyFailure, CatchProps.builder().errors(List.of(Errors.ALL)).resultPath("$.error").build());

        return register.next(charge).next(credit)
                .next(setStatus("SetFareStatusCompleted", "completed"))
                .next(publish("NotifySuccess", true, successMessage()))
                .next(new Succeed(scope, "FareCollected"));
    }

    private DynamoUpdateItem setStatus(String id, String status) {
        return DynamoUpdateItem.Builder.create(scope, id)
                .table(fares)
                .key(Map.of("fareId", DynamoAttributeValue.fromString(JsonPath.stringAt("$.fareId"))))
                .updateExpression("SET fareStatus = :status")
                .expressionAttributeValues(Map.of(":status", DynamoAttributeValue.fromString(status)))
                .resultPath(JsonPath.DISCARD)
                .build();
    }

    private SnsPublish publish(String id, boolean successful, Map<String, Object> message) {
        return SnsPublish.Builder.create(scope, id)
                .topic(topic)
                .message(TaskInput.fromObject(message))
                .messageAttributes(Map.of("IsSuccessful", MessageAttribute.builder()
                        .value(Boolean.toString(successful)).dataType(MessageAttributeDataType.STRING).build()))
                .resultPath(JsonPath.DISCARD)
                .build();
    }

    /** Only what the fare needs, each attribute typed: no card number, expiry date or CVV. */
    private static Map<String, DynamoAttributeValue> fareItem() {
        Map<String, DynamoAttributeValue> item = new LinkedHashMap<>();
        item.put("fareId", DynamoAttributeValue.fromString(JsonPath.stringAt("$.fareId")));
        item.put("customerId", DynamoAttributeValue.fromString(JsonPath.stringAt("$.customerId")));
        item.put("fareAmount", DynamoAttributeValue.fromString(JsonPath.stringAt("$.fareAmount")));
        item.put("fareStatus", DynamoAttributeValue.fromString("registered"));
        return item;
    }

    private static Map<String, Object> fromPayload(String... names) {
        Map<String, Object> selected = new LinkedHashMap<>();
        for (String name : names) {
            selected.put(name, JsonPath.stringAt("$.Payload." + name));
        }
        return selected;
    }

    private static Map<String, Object> successMessage() {
        Map<String, Object> message = fields("fareId", "customerId", "fareAmount", "chargeId");
        message.put("fareStatus", "completed");
        return message;
    }

    private static Map<String, Object> failureMessage() {
        Map<String, Object> message = fields("fareId", "customerId");
        message.put("fareStatus", "failed");
        message.put("error", JsonPath.stringAt("$.error.Error"));
        message.put("cause", JsonPath.stringAt("$.error.Cause"));
        return message;
    }

    private static Map<String, Object> refundFailureMessage() {
        Map<String, Object> message = fields("fareId", "customerId", "chargeId");
        message.put("fareStatus", "refund_failed");
        message.put("error", JsonPath.stringAt("$.refundError.Error"));
        message.put("cause", JsonPath.stringAt("$.refundError.Cause"));
        message.put("creditError", JsonPath.stringAt("$.error.Error"));
        message.put("action", JsonPath.format("Refund charge {} by hand: the customer was charged but not credited.",
                JsonPath.stringAt("$.chargeId")));
        return message;
    }

    /** {@code {"a.$": "$.a", ...}}: each field taken from the state by name, in order. */
    private static Map<String, Object> fields(String... names) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : names) {
            fields.put(name, JsonPath.stringAt("$." + name));
        }
        return fields;
    }
}
