package com.wildrydes.constructs.messaging;

import com.wildrydes.constructs.internal.AsyncInvokeConfigs;
import com.wildrydes.constructs.internal.DeadLetterAlarms;
import com.wildrydes.constructs.internal.ExistingOrProps;
import com.wildrydes.constructs.internal.FunctionTargets;
import com.wildrydes.constructs.internal.SecureQueues;
import com.wildrydes.constructs.internal.TopicRegions;
import com.wildrydes.constructs.internal.ValidatedProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.iam.AddToResourcePolicyResult;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.sns.CfnSubscription;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Subscription;
import software.amazon.awscdk.services.sns.SubscriptionProps;
import software.amazon.awscdk.services.sns.SubscriptionProtocol;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * Subscribes a Lambda function or an SQS queue to a topic, optionally through a filter policy,
 * so that nothing is lost:
 * <ul>
 *   <li>a message SNS cannot deliver goes to the subscription's dead-letter queue;</li>
 *   <li>for a function, an asynchronous invocation that still fails after Lambda's retries goes
 *       to the failed-invocations queue (Lambda's on-failure destination).</li>
 * </ul>
 * The subscriber is allowed to receive from this topic only: the Lambda permission and the queue
 * policy name the topic as the source. Each of these queues that the construct creates has an
 * alarm on its first message (a queue you give is yours to watch).
 */
public class FilteredSubscription extends Construct {

    static final String SNS_SERVICE = "sns.amazonaws.com";

    private final ITopic topic;
    private final Subscription subscription;
    private final IQueue deadLetterQueue;
    private static final String FAILED_INVOCATIONS_QUEUE_ID = "FailedInvocationsQueue";

    private final IQueue failedInvocationsQueue;
    private final Alarm deadLetterAlarm;
    private final Alarm failedInvocationsAlarm;

    /**
     * Subscribes the function or queue of {@code props} to its topic, with the dead-letter queue, the
     * failed-invocations queue of a function subscriber, and their alarms.
     *
     * @param scope the parent construct
     * @param id the construct's ID, unique within {@code scope}
     * @param props the construct's settings: the topic and exactly one subscriber
     * @throws IllegalArgumentException if the props break a rule of SNS, SQS or Lambda (the message names
     * the construct's path, the prop, what was given and what was expected)
     */
    public FilteredSubscription(Construct scope, String id, FilteredSubscriptionProps props) {
        super(scope, id);
        ValidatedProps.check(this, () -> validate(props));
        this.topic = props.getTopic();
        boolean fifo = Boolean.TRUE.equals(topic.getFifo());
        this.deadLetterQueue = SecureQueues.existingOrNewDeadLetterQueue(
                this, props.getDeadLetterQueue(), fifo, "FilteredSubscription", props.getDeadLetterQueueProps());

        SubscriptionProps.Builder subscription = SubscriptionProps.builder()
                .topic(topic)
                .region(ValidatedProps.check(this, () -> TopicRegions.subscriptionRegion(this, topic)))
                .deadLetterQueue(deadLetterQueue);
        AddToResourcePolicyResult queuePolicy = null;
        if (props.getFunction() != null) {
            IFunction function = props.getFunction();
            allowTopicToInvoke(function);
            this.failedInvocationsQueue = configureAsyncInvoke(function, props, fifo);
            subscription.protocol(SubscriptionProtocol.LAMBDA).endpoint(function.getFunctionArn());
        } else {
            IQueue queue = props.getQueue();
            queuePolicy = allowTopicToSend(queue);
            this.failedInvocationsQueue = null;
            subscription
                    .protocol(SubscriptionProtocol.SQS)
                    .endpoint(queue.getQueueArn())
                    .rawMessageDelivery(props.getRawMessageDelivery() == null || props.getRawMessageDelivery());
        }
        // Not CDK's LambdaSubscription: it names the subscription by the topic's own ID under the function, so
        // one function on two topics of one ID (two requests for quotes) is refused; not its SqsSubscription:
        // without a feature flag its key statement lets any topic use the queue's key. HandWrittenWiringReasonsTest
        // fails when either stops holding.
        this.subscription = new Subscription(this, "Subscription", subscription.build());
        if (props.getDeadLetterQueue() != null) {
            allowTopicToDeadLetter(props.getDeadLetterQueue());
        }
        if (props.getFunction() != null) {
            Validations.of(this.subscription)
                    .acknowledge(Acknowledgment.builder()
                            .id("CloudFormation-Validate::W3694")
                            .reason(
                                    "SNS invokes a qualified function ARN (an alias or version) as it invokes a function.")
                            .build());
        }
        if (queuePolicy != null && queuePolicy.getPolicyDependable() != null) {
            // SNS must not deliver before the queue accepts its messages.
            this.subscription.getNode().addDependency(queuePolicy.getPolicyDependable());
        }
        if (props.getFilterPolicy() != null) {
            CfnSubscription cfn = (CfnSubscription) this.subscription.getNode().getDefaultChild();
            cfn.setFilterPolicy(props.getFilterPolicy().toMap());
            cfn.setFilterPolicyScope(props.getFilterPolicy().getScope().cloudFormationValue());
        }
        this.deadLetterAlarm = props.getDeadLetterQueue() != null
                ? null
                : DeadLetterAlarms.anyMessage(
                        this,
                        "DeadLetterAlarm",
                        metricDeadLetters(DeadLetterAlarms.ALARM_METRIC),
                        "SNS could not deliver a message to this subscriber: inspect the subscription's dead-letter queue, "
                                + "fix the cause, redrive it");
        // Only on the queue created here: a given one is its owner's to watch, a reused one has its alarm.
        this.failedInvocationsAlarm = getNode().tryFindChild(FAILED_INVOCATIONS_QUEUE_ID) == null
                ? null
                : DeadLetterAlarms.anyMessage(
                        this,
                        "FailedInvocationsAlarm",
                        metricFailedInvocations(DeadLetterAlarms.ALARM_METRIC),
                        "A message still failed after Lambda's retries (or expired): inspect the failed-invocations queue, "
                                + "fix the cause, replay it");
    }

    private static void validate(FilteredSubscriptionProps props) {
        boolean hasFunction = props.getFunction() != null;
        boolean hasQueue = props.getQueue() != null;
        if (hasFunction == hasQueue) {
            throw new IllegalArgumentException("FilteredSubscription needs exactly one subscriber: expected a function "
                    + "or a queue, got " + (hasFunction ? "both" : "neither"));
        }
        ExistingOrProps.requireNotBoth(
                "FilteredSubscription",
                "deadLetterQueue",
                props.getDeadLetterQueue(),
                "deadLetterQueueProps",
                props.getDeadLetterQueueProps());
        ExistingOrProps.requireNotBoth(
                "FilteredSubscription",
                "failedInvocationsQueue",
                props.getFailedInvocationsQueue(),
                "failedInvocationsQueueProps",
                props.getFailedInvocationsQueueProps());
        if (hasQueue
                && (props.getFailedInvocationsQueue() != null
                        || props.getFailedInvocationsQueueProps() != null
                        || props.getRetryAttempts() != null
                        || props.getMaxEventAge() != null
                        || props.getConfigureAsyncInvoke() != null)) {
            throw new IllegalArgumentException(
                    "FilteredSubscription: failedInvocationsQueue(Props), retryAttempts, maxEventAge "
                            + "and configureAsyncInvoke apply to a function subscriber only, got them with a queue");
        }
        if (hasFunction && props.getRawMessageDelivery() != null) {
            throw new IllegalArgumentException("FilteredSubscription: rawMessageDelivery applies to a queue subscriber "
                    + "only (SNS always sends a function the full envelope), got it with a function");
        }
        Integer retries = props.getRetryAttempts();
        if (retries != null && (retries < 0 || retries > 2)) {
            throw new IllegalArgumentException(
                    "FilteredSubscription: retryAttempts must be 0, 1 or 2 (Lambda's range), got " + retries);
        }
        Duration age = props.getMaxEventAge();
        if (age != null
                && !age.isUnresolved()
                && (age.toSeconds().doubleValue() < 60 || age.toSeconds().doubleValue() > 6 * 3600)) {
            throw new IllegalArgumentException("FilteredSubscription: maxEventAge must be from 1 minute to 6 hours "
                    + "(Lambda's range), got " + age.toHumanString());
        }
        if (hasQueue
                && Boolean.TRUE.equals(props.getQueue().getFifo())
                        != Boolean.TRUE.equals(props.getTopic().getFifo())) {
            String topicKind = Boolean.TRUE.equals(props.getTopic().getFifo()) ? "FIFO" : "standard";
            String queueKind = Boolean.TRUE.equals(props.getQueue().getFifo()) ? "FIFO" : "standard";
            throw new IllegalArgumentException("FilteredSubscription: queue must be a " + topicKind
                    + " queue to subscribe to a "
                    + topicKind + " topic (SNS delivers a standard topic to standard queues only, a FIFO topic to FIFO "
                    + "queues only), got a " + queueKind + " queue");
        }
        if (props.getFunction() != null && Boolean.TRUE.equals(props.getTopic().getFifo())) {
            throw new IllegalArgumentException("FilteredSubscription: a FIFO topic delivers only to SQS queues, "
                    + "got a Lambda function subscriber");
        }
    }

    private void allowTopicToInvoke(IFunction function) {
        String permissionId = "AllowInvokeFrom" + Names.nodeUniqueId(getNode());
        function.addPermission(
                permissionId,
                Permission.builder()
                        .principal(new ServicePrincipal(SNS_SERVICE))
                        .action("lambda:InvokeFunction")
                        .sourceArn(topic.getTopicArn())
                        .build());
        if (function.getNode().tryFindChild(permissionId) == null) {
            // CDK skips the permission of a function imported into a stack whose account it cannot
            // compare (environment-agnostic, or another account); SNS would then be refused.
            Annotations.of(this)
                    .addWarningV2(
                            "@wildrydes/constructs:invokePermissionNotCreated",
                            "No lambda:InvokeFunction permission was added to "
                                    + function.getNode().getPath()
                                    + ": CDK cannot tell that it is in this stack's account. Import it with "
                                    + "Function.fromFunctionAttributes(...).sameEnvironment(true) when it is, or let its owner "
                                    + "allow lambda:InvokeFunction to sns.amazonaws.com with source ARN "
                                    + topic.getTopicArn() + ".");
        }
    }

    private IQueue configureAsyncInvoke(IFunction function, FilteredSubscriptionProps props, boolean fifo) {
        if (props.getFailedInvocationsQueueProps() != null
                && (Boolean.FALSE.equals(props.getConfigureAsyncInvoke())
                        || AsyncInvokeConfigs.isConfigured(function))) {
            // No queue is created then: the props would be ignored.
            ValidatedProps.check(this, () -> {
                throw new IllegalArgumentException("FilteredSubscription: failedInvocationsQueueProps shape the "
                        + "failed-invocations queue this construct creates, but it creates none: "
                        + (Boolean.FALSE.equals(props.getConfigureAsyncInvoke())
                                ? "configureAsyncInvoke is false"
                                : "the asynchronous invocation of "
                                        + function.getNode().getPath() + " is configured already")
                        + "; give no failedInvocationsQueueProps");
            });
        }
        if (Boolean.FALSE.equals(props.getConfigureAsyncInvoke())) {
            return props.getFailedInvocationsQueue();
        }
        String elsewhere = FunctionTargets.otherEnvironment(this, function);
        if (elsewhere != null) {
            // Lambda keeps this configuration in the function's own account and region: one written here
            // would name a function of the same name in this stack's account and region, another one.
            ValidatedProps.check(this, () -> refuseAsyncSettingsElsewhere(props, function, elsewhere));
            Annotations.of(this)
                    .addWarningV2(
                            "@wildrydes/constructs:asyncInvokeNotConfigured",
                            "No asynchronous invocation (retries, maximum event age, on-failure destination) was "
                                    + "configured for " + function.getFunctionArn() + ": it is in " + elsewhere
                                    + ", not in this stack's " + FunctionTargets.stackEnvironment(this)
                                    + ", and Lambda "
                                    + "keeps that configuration there. Let its owner configure it, or set "
                                    + "configureAsyncInvoke(false) to say it is done.");
            return props.getFailedInvocationsQueue();
        }
        if (AsyncInvokeConfigs.isConfigured(function)) {
            IQueue used = ValidatedProps.check(
                    this,
                    () -> AsyncInvokeConfigs.reuse(
                            this,
                            function,
                            props.getRetryAttempts(),
                            props.getMaxEventAge(),
                            props.getFailedInvocationsQueue()));
            Annotations.of(this)
                    .addInfo(function.getNode().getPath() + " already has its asynchronous invocation "
                            + "configured (another subscription or request for quotes): its retries and on-failure "
                            + "destination apply to this subscription too.");
            return used;
        }
        IQueue failed = props.getFailedInvocationsQueue() != null
                ? props.getFailedInvocationsQueue()
                : ValidatedProps.check(
                        this,
                        () -> SecureQueues.deadLetterQueue(
                                this,
                                FAILED_INVOCATIONS_QUEUE_ID,
                                fifo,
                                "FilteredSubscription: failedInvocationsQueueProps",
                                props.getFailedInvocationsQueueProps()));
        AsyncInvokeConfigs.configure(
                this,
                function,
                failed,
                EventInvokeConfigOptions.builder()
                        .retryAttempts(
                                props.getRetryAttempts() != null
                                        ? props.getRetryAttempts()
                                        : FilteredSubscriptionProps.DEFAULT_RETRY_ATTEMPTS)
                        .maxEventAge(props.getMaxEventAge() != null ? props.getMaxEventAge() : Duration.hours(6)));
        return failed;
    }

    private void refuseAsyncSettingsElsewhere(FilteredSubscriptionProps props, IFunction function, String elsewhere) {
        List<String> given = new ArrayList<>();
        if (props.getRetryAttempts() != null) {
            given.add("retryAttempts " + props.getRetryAttempts());
        }
        if (props.getMaxEventAge() != null) {
            given.add("maxEventAge " + props.getMaxEventAge().toHumanString());
        }
        if (props.getFailedInvocationsQueue() != null) {
            given.add("failedInvocationsQueue "
                    + props.getFailedInvocationsQueue().getNode().getPath());
        }
        if (props.getFailedInvocationsQueueProps() != null) {
            given.add("failedInvocationsQueueProps");
        }
        if (Boolean.TRUE.equals(props.getConfigureAsyncInvoke())) {
            given.add("configureAsyncInvoke true");
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(
                    "FilteredSubscription: retryAttempts, maxEventAge, failedInvocationsQueue "
                            + "and configureAsyncInvoke configure the function's asynchronous invocation, which Lambda keeps in "
                            + "the function's own account and region, got " + String.join(", ", given) + " for "
                            + function.getFunctionArn() + " in " + elsewhere + ", while this stack is in "
                            + FunctionTargets.stackEnvironment(this) + ": let the function's owner configure it there");
        }
    }

    private AddToResourcePolicyResult allowTopicToSend(IQueue queue) {
        AddToResourcePolicyResult result = queue.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowSendFrom" + Names.nodeUniqueId(getNode()))
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal(SNS_SERVICE)))
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(queue.getQueueArn()))
                .conditions(Map.of("ArnEquals", Map.of("aws:SourceArn", topic.getTopicArn())))
                .build());
        if (!Boolean.TRUE.equals(result.getStatementAdded())) {
            warnPolicyNotChanged(queue, "@wildrydes/constructs:queuePolicyNotChanged");
        }
        if (queue.getEncryptionMasterKey() != null) {
            allowTopicToUseKey(queue.getEncryptionMasterKey(), Boolean.TRUE.equals(result.getStatementAdded()));
        }
        return result;
    }

    /**
     * SNS sends undeliverable messages to the dead-letter queue only if the queue's policy lets it. CDK's
     * Subscription adds that statement to a queue it can change; this is the same statement (a duplicate
     * is dropped at synthesis), added to learn whether the queue took it: an imported queue's policy is
     * its owner's, who is told what to add.
     */
    private void allowTopicToDeadLetter(IQueue deadLetters) {
        AddToResourcePolicyResult result = deadLetters.addToResourcePolicy(PolicyStatement.Builder.create()
                .resources(List.of(deadLetters.getQueueArn()))
                .actions(List.of("sqs:SendMessage"))
                .principals(List.of(new ServicePrincipal(SNS_SERVICE)))
                .conditions(Map.of("ArnEquals", Map.of("aws:SourceArn", topic.getTopicArn())))
                .build());
        if (!Boolean.TRUE.equals(result.getStatementAdded())) {
            warnPolicyNotChanged(deadLetters, "@wildrydes/constructs:deadLetterQueuePolicyNotChanged");
        }
    }

    /** An imported queue's policy belongs to its owner: without this statement SNS is refused. */
    private void warnPolicyNotChanged(IQueue queue, String warningId) {
        Annotations.of(this)
                .addWarningV2(
                        warningId,
                        "The imported queue " + queue.getNode().getPath()
                                + " keeps its own policy: allow sqs:SendMessage "
                                + "to sns.amazonaws.com with aws:SourceArn " + topic.getTopicArn() + " on "
                                + queue.getQueueArn() + " (and kms:GenerateDataKey, kms:Decrypt on its key, if a "
                                + "customer-managed key encrypts it), or SNS cannot deliver to it.");
    }

    /**
     * A queue encrypted with a customer-managed key needs SNS to be able to use that key; for this topic
     * only, as CDK's own SqsSubscription allows it, so that no other topic can have SNS use the key.
     */
    private void allowTopicToUseKey(IKey key, boolean ownQueue) {
        AddToResourcePolicyResult result = key.addToResourcePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal(SNS_SERVICE)))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnEquals", Map.of("aws:SourceArn", topic.getTopicArn())))
                .build());
        if (ownQueue && !Boolean.TRUE.equals(result.getStatementAdded())) {
            // (An imported queue's warning already names its key.)
            Annotations.of(this)
                    .addWarningV2(
                            "@wildrydes/constructs:keyPolicyNotChanged",
                            "The imported key " + key.getKeyArn() + " that encrypts the queue keeps its own policy: "
                                    + "allow kms:GenerateDataKey and kms:Decrypt to sns.amazonaws.com with aws:SourceArn "
                                    + topic.getTopicArn() + " in it, or SNS cannot deliver to the queue.");
        }
    }

    /**
     * Lets {@code grantee} read and delete what landed in the dead-letter queue and, for a function
     * subscriber, in the failed-invocations queue, to inspect it or to replay it itself (by publishing
     * again or invoking the function, which this grant does not cover). SQS's own redrive
     * ({@code StartMessageMoveTask}) does not take these queues: it moves only the dead letters of
     * SQS queues, not those of an SNS subscription or of Lambda's on-failure destination.
     *
     * @param grantee the principal that reads the queues, such as an operator's role or a redrive function
     * @return the grant, over both queues for a function subscriber
     */
    public Grant grantConsumeDeadLetters(IGrantable grantee) {
        Grant grant = deadLetterQueue.grantConsumeMessages(grantee);
        return failedInvocationsQueue == null
                ? grant
                : grant.combine(failedInvocationsQueue.grantConsumeMessages(grantee));
    }

    /**
     * The topic this subscription receives from.
     *
     * @return the topic given in the props
     */
    public ITopic getTopic() {
        return topic;
    }

    /**
     * The SNS subscription, for what this construct does not set (its default child is the
     * {@code AWS::SNS::Subscription}).
     *
     * @return the subscription
     */
    public Subscription getSubscription() {
        return subscription;
    }

    /**
     * Where SNS puts messages it could not deliver: the queue given in the props, or the one this construct
     * created.
     *
     * @return the dead-letter queue, never null
     */
    public IQueue getDeadLetterQueue() {
        return deadLetterQueue;
    }

    /**
     * Messages SNS could not deliver, waiting in the dead-letter queue (SQS's
     * {@code ApproximateNumberOfMessagesVisible}).
     *
     * @param props the period, statistic and label to read the metric with
     * @return the metric
     */
    public Metric metricDeadLetters(MetricOptions props) {
        return deadLetterQueue.metricApproximateNumberOfMessagesVisible(props);
    }

    /**
     * For a function subscriber: invocations that still failed after Lambda's retries, waiting in the
     * failed-invocations queue (SQS's {@code ApproximateNumberOfMessagesVisible}).
     *
     * @param props the period, statistic and label to read the metric with
     * @return the metric, never null
     * @throws IllegalStateException when {@link #getFailedInvocationsQueue()} is null (a queue subscriber, or
     * a function whose asynchronous invocation is configured outside this library): there is no queue to
     * measure
     */
    public Metric metricFailedInvocations(MetricOptions props) {
        if (failedInvocationsQueue == null) {
            throw new IllegalStateException(getNode().getPath() + ": FilteredSubscription has no failed-invocations "
                    + "queue to measure (a queue subscriber, or a function whose asynchronous invocation is configured "
                    + "outside this library): check getFailedInvocationsQueue() first");
        }
        return failedInvocationsQueue.metricApproximateNumberOfMessagesVisible(props);
    }

    /**
     * Fires on the first message SNS could not deliver.
     *
     * @return the alarm; null when the dead-letter queue was given (its owner watches it)
     */
    public Alarm getDeadLetterAlarm() {
        return deadLetterAlarm;
    }

    /**
     * Fires on the first invocation that still failed after Lambda's retries.
     *
     * @return the alarm; null for a queue subscriber, or when the failed-invocations queue was given or the
     * function's asynchronous invocation is configured elsewhere
     */
    public Alarm getFailedInvocationsAlarm() {
        return failedInvocationsAlarm;
    }

    /**
     * The alarms this construct created: add an action to each to be told.
     *
     * @return a new list of the dead-letter and failed-invocations alarms that exist; may be empty
     */
    public List<Alarm> getAlarms() {
        List<Alarm> alarms = new ArrayList<>();
        if (deadLetterAlarm != null) {
            alarms.add(deadLetterAlarm);
        }
        if (failedInvocationsAlarm != null) {
            alarms.add(failedInvocationsAlarm);
        }
        return alarms;
    }

    /**
     * For a function subscriber: where Lambda sends an asynchronous invocation that still failed after its
     * retries.
     *
     * @return the queue Lambda sends to: given, created, or the one of the construct of this library that
     * configured the function's asynchronous invocation first; null for a queue subscriber, or when that
     * configuration is not this library's (made by your own code, or kept in another account or region)
     */
    public IQueue getFailedInvocationsQueue() {
        return failedInvocationsQueue;
    }
}
