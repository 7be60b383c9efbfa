package com.wildrydes.constructs.saga;

import java.util.ArrayList;
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
import software.amazon.awscdk.services.stepfunctions.JitterType;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
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
 * The states of the fare-collection saga and how they connect. Every caught error goes to
 * {@code $.error} (the refund's to {@code $.refundError}), so that one notification can report
 * whichever error ended the saga. Every task has a timeout and retries what can succeed on a second
 * try: Lambda's throttle and service errors, and the transient errors of DynamoDB and SNS. Card data is passed to the charge function only: its result
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
    /**
     * What the status updates retry besides: a server error or a timeout may hide an update that was made,
     * and making it again is harmless (SET to the same value). RegisterFare does not retry these: its
     * conditional put, made twice, would refuse its own fare as a duplicate.
     */
    static final List<String> TRANSIENT_UPDATE_ERRORS = List.of("DynamoDB.InternalServerError", Errors.TIMEOUT);
    /** The transient SNS errors (the topic's KMS key throttles too); a retried publish may notify twice, never zero times. */
    static final List<String> TRANSIENT_SNS_ERRORS = List.of(
            "SNS.ThrottledException", "SNS.InternalErrorException", "SNS.KMSThrottlingException", Errors.TIMEOUT);
    /** Lambda throttled the invoke: the function did not run, so trying again cannot charge or credit twice. */
    static final String LAMBDA_THROTTLED = "Lambda.TooManyRequestsException";
    /** Lambda stopped the function at its timeout (Step Functions' error for it): it may have run to its end. */
    static final String LAMBDA_TIMED_OUT = "Sandbox.Timedout";
    /** Lambda stopped the function without a named error (a timeout or out of memory on some runtimes). */
    static final String LAMBDA_UNKNOWN = "Lambda.Unknown";
    /** DynamoDB and SNS calls answer in milliseconds; a call still open after this has hung. */
    static final Duration SERVICE_TASK_TIMEOUT = Duration.seconds(10);
    /** Longer than a payment step takes (this project's functions time out after 10 s); bounds a hung invoke. */
    static final Duration LAMBDA_TASK_TIMEOUT = Duration.seconds(60);

    private final Construct scope;
    private final ITable fares;
    private final ITopic topic;

    FareCollectionStates(Construct scope, ITable fares, ITopic topic) {
        this.scope = scope;
        this.fares = fares;
        this.topic = topic;
    }

    IChainable definition(FareCollectionSagaProps props) {
        Fail duplicate = new Fail(
                scope,
                "FareAlreadyRegistered",
                FailProps.builder()
                        .error("FareAlreadyRegistered")
                        .cause("This fare was submitted before: only the first execution charges it.")
                        .build());

        IChainable notifyFailure = publish("NotifyFailure", false, false, failureMessage())
                .next(new Fail(
                        scope,
                        "FareCollectionFailed",
                        FailProps.builder()
                                .error("FareCollectionFailed")
                                .cause("The fare was not collected; the failure notification says why.")
                                .build()));
        IChainable setFailed = setStatus("SetFareStatusFailed", "failed").next(notifyFailure);

        IChainable refundFailed = setStatus("SetFareStatusRefundFailed", "refund_failed")
                .next(publish("NotifyRefundFailure", false, true, refundFailureMessage()))
                .next(new Fail(
                        scope,
                        "FareNeedsManualRefund",
                        FailProps.builder()
                                .error("FareNeedsManualRefund")
                                .cause(
                                        "The customer was charged, not credited, and the refund failed: an operator must refund the charge.")
                                .build()));

        // The charge failed in a way no one named (a timeout, an out-of-memory, an unexpected exception, a
        // throttle beyond the retries): the card may or may not have been charged. Say so, and let an operator
        // reconcile it with the payment gateway, instead of leaving the fare registered and unexplained.
        IChainable chargeUnknown = setStatus("SetFareStatusChargeUnknown", "charge_unknown")
                .next(publish("NotifyChargeUnknown", false, true, chargeUnknownMessage()))
                .next(new Fail(
                        scope,
                        "FareChargeOutcomeUnknown",
                        FailProps.builder()
                                .error("FareChargeOutcomeUnknown")
                                .cause(
                                        "The charge failed with an error the saga does not name: whether the card was charged is unknown.")
                                .build()));

        LambdaInvoke refund = LambdaInvoke.Builder.create(scope, "RefundFare")
                .lambdaFunction(props.getRefundFunction())
                .taskTimeout(Timeout.duration(LAMBDA_TASK_TIMEOUT))
                .payload(TaskInput.fromObject(fields("fareId", "chargeId", "customerId")))
                .resultSelector(Map.of("refundId", JsonPath.stringAt("$.Payload.refundId")))
                .resultPath("$.refund")
                .build();
        retryThrottles(refund);
        // Whatever stopped the refund, the charge stands: an operator must refund it.
        refund.addCatch(
                refundFailed,
                CatchProps.builder()
                        .errors(List.of(Errors.ALL))
                        .resultPath("$.refundError")
                        .build());
        refund.next(setFailed);

        LambdaInvoke credit = LambdaInvoke.Builder.create(scope, "CreditCustomerAccount")
                .lambdaFunction(props.getCreditFunction())
                .taskTimeout(Timeout.duration(LAMBDA_TASK_TIMEOUT))
                .payload(TaskInput.fromObject(fields("customerId", "chargeId")))
                .resultPath(JsonPath.DISCARD)
                .build();
        retryThrottles(credit);
        // A credit stopped at its timeout may have credited the account. It is idempotent per charge (its
        // credit ID is derived from the charge's), so it is tried again before anything is refunded: a
        // refund after a credit that ran would leave the customer credited and refunded.
        credit.addRetry(RetryProps.builder()
                .errors(List.of(LAMBDA_TIMED_OUT, LAMBDA_UNKNOWN, Errors.TIMEOUT))
                .interval(Duration.seconds(1))
                .backoffRate(2)
                .maxAttempts(2)
                .jitterStrategy(JitterType.FULL)
                .build());
        // Whatever stopped the credit, the compensation is the same: refund the charge.
        credit.addCatch(
                refund,
                CatchProps.builder()
                        .errors(List.of(Errors.ALL))
                        .resultPath("$.error")
                        .build());

        LambdaInvoke charge = LambdaInvoke.Builder.create(scope, "ChargeFare")
                .lambdaFunction(props.getChargeFunction())
                .taskTimeout(Timeout.duration(LAMBDA_TASK_TIMEOUT))
                .payload(TaskInput.fromJsonPathAt("$"))
                .resultSelector(fromPayload("customerId", "fareId", "fareAmount", "chargeId"))
                // No ResultPath: the default, "$", makes the charge replace the input, so no card data
                // travels further. (Written out, "$" means the same on AWS, but some interpreters mishandle it.)
                .build();
        retryThrottles(charge);
        charge.addCatch(
                setFailed,
                CatchProps.builder()
                        .errors(props.getPaymentErrors())
                        .resultPath("$.error")
                        .build());
        charge.addCatch(
                chargeUnknown,
                CatchProps.builder()
                        .errors(List.of(Errors.ALL))
                        .resultPath("$.error")
                        .build());

        DynamoPutItem register = DynamoPutItem.Builder.create(scope, "RegisterFare")
                .table(fares)
                .item(fareItem())
                .conditionExpression("attribute_not_exists(fareId)")
                .resultPath("$.dynamodbResult")
                .taskTimeout(Timeout.duration(SERVICE_TASK_TIMEOUT))
                .build();
        register.addRetry(RetryProps.builder()
                .errors(TRANSIENT_DYNAMODB_ERRORS)
                .interval(Duration.seconds(1))
                .maxAttempts(2)
                .backoffRate(2)
                .build());
        register.addCatch(
                duplicate,
                CatchProps.builder()
                        .errors(List.of(DUPLICATE_FARE_ERROR))
                        .resultPath("$.error")
                        .build());
        register.addCatch(
                notifyFailure,
                CatchProps.builder()
                        .errors(List.of(Errors.ALL))
                        .resultPath("$.error")
                        .build());

        return register.next(charge)
                .next(credit)
                .next(setStatus("SetFareStatusCompleted", "completed"))
                .next(publish("NotifySuccess", true, false, successMessage()))
                .next(new Succeed(scope, "FareCollected"));
    }

    /**
     * Retries a throttled invoke with backoff and jitter, so that many executions throttled at once do not
     * retry in step. (LambdaInvoke already retries Lambda's service errors, as AWS recommends.)
     */
    private static void retryThrottles(LambdaInvoke task) {
        task.addRetry(RetryProps.builder()
                .errors(List.of(LAMBDA_THROTTLED))
                .interval(Duration.seconds(1))
                .backoffRate(2)
                .maxAttempts(5)
                .maxDelay(Duration.seconds(10))
                .jitterStrategy(JitterType.FULL)
                .build());
    }

    private DynamoUpdateItem setStatus(String id, String status) {
        DynamoUpdateItem update = DynamoUpdateItem.Builder.create(scope, id)
                .table(fares)
                .key(Map.of("fareId", DynamoAttributeValue.fromString(JsonPath.stringAt("$.fareId"))))
                .updateExpression("SET fareStatus = :status")
                .expressionAttributeValues(Map.of(":status", DynamoAttributeValue.fromString(status)))
                .resultPath(JsonPath.DISCARD)
                .taskTimeout(Timeout.duration(SERVICE_TASK_TIMEOUT))
                .build();
        update.addRetry(transientRetry(concat(TRANSIENT_DYNAMODB_ERRORS, TRANSIENT_UPDATE_ERRORS)));
        return update;
    }

    /**
     * @param needsOperator whether an operator must act (the NeedsOperator attribute routes the notification
     *                      to the operator-actions queue, whose alarm tells them)
     */
    private SnsPublish publish(String id, boolean successful, boolean needsOperator, Map<String, Object> message) {
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        attributes.put(
                FareCollectionSaga.IS_SUCCESSFUL,
                MessageAttribute.builder()
                        .value(Boolean.toString(successful))
                        .dataType(MessageAttributeDataType.STRING)
                        .build());
        attributes.put(
                FareCollectionSaga.NEEDS_OPERATOR,
                MessageAttribute.builder()
                        .value(Boolean.toString(needsOperator))
                        .dataType(MessageAttributeDataType.STRING)
                        .build());
        SnsPublish publish = SnsPublish.Builder.create(scope, id)
                .topic(topic)
                .message(TaskInput.fromObject(message))
                .messageAttributes(attributes)
                .resultPath(JsonPath.DISCARD)
                .taskTimeout(Timeout.duration(SERVICE_TASK_TIMEOUT))
                .build();
        publish.addRetry(transientRetry(TRANSIENT_SNS_ERRORS));
        return publish;
    }

    private static RetryProps transientRetry(List<String> errors) {
        return RetryProps.builder()
                .errors(errors)
                .interval(Duration.seconds(1))
                .backoffRate(2)
                .maxAttempts(3)
                .jitterStrategy(JitterType.FULL)
                .build();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
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
        message.put(
                "action",
                JsonPath.format(
                        "Refund charge {} by hand: the customer was charged but not credited.",
                        JsonPath.stringAt("$.chargeId")));
        return message;
    }

    private static Map<String, Object> chargeUnknownMessage() {
        Map<String, Object> message = fields("fareId", "customerId", "fareAmount");
        message.put("fareStatus", "charge_unknown");
        message.put("error", JsonPath.stringAt("$.error.Error"));
        message.put("cause", JsonPath.stringAt("$.error.Cause"));
        message.put(
                "action",
                JsonPath.format(
                        "Whether fare {} was charged is unknown: check the payment gateway, "
                                + "then refund the charge or complete the fare by hand.",
                        JsonPath.stringAt("$.fareId")));
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
