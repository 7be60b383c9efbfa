package com.wildrydes.constructs.saga;

import com.wildrydes.constructs.internal.CrossAccountInvokes;
import com.wildrydes.constructs.internal.ExistingOrProps;
import com.wildrydes.constructs.internal.SecureQueues;
import com.wildrydes.constructs.internal.SecureResources;
import com.wildrydes.constructs.internal.ServiceRoleTrust;
import com.wildrydes.constructs.internal.StructCopy;
import com.wildrydes.constructs.internal.ValidatedProps;
import com.wildrydes.constructs.internal.VendedLogGroups;
import com.wildrydes.constructs.messaging.FilterPolicy;
import com.wildrydes.constructs.messaging.TopicQueueChain;
import com.wildrydes.constructs.messaging.TopicQueueChainProps;
import com.wildrydes.constructs.nag.NagSuppressionMetadata;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.TopicProps;
import software.amazon.awscdk.services.sqs.QueueProps;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

/**
 * Saga orchestration of fare collection with Step Functions: register the fare, charge the card,
 * credit the customer's account, as one distributed transaction whose every failure ends in a
 * consistent, visible state.
 * <ul>
 *   <li>Success: the fare is {@code completed} and a notification with {@code IsSuccessful=true}
 *       reaches the successful-transactions queue; the execution succeeds.</li>
 *   <li>Charge fails: the fare is {@code failed}, nothing was charged; a failed credit is
 *       compensated by a refund, then the fare is {@code failed}. Either way a notification with
 *       {@code IsSuccessful=false} reaches the failed-transactions queue and the execution fails.</li>
 *   <li>The refund fails too: the fare is {@code refund_failed} and the notification tells an
 *       operator to refund the charge by hand.</li>
 *   <li>The charge fails with an error the saga does not name (a timeout, an out-of-memory, an
 *       unexpected exception, a throttle beyond the retries): whether the card was charged is unknown.
 *       The fare is {@code charge_unknown} and the notification tells an operator to reconcile it.</li>
 *   <li>The same fare twice: RegisterFare refuses the existing fare ID, so it is charged once; the
 *       second execution ends in {@code FareAlreadyRegistered}.</li>
 * </ul>
 * Notifications that need an operator ({@code NeedsOperator=true}) also reach the operator-actions
 * queue. No card number, expiry date or CVV is stored or published. Executions are traced and logged
 * (to a log group under {@code /aws/vendedlogs/states/}) without execution data, which would include the
 * card fields. Alarms fire on what needs an operator, not on a declined card: see {@link #getAlarms()}.
 */
public class FareCollectionSaga extends Construct {

    /** Why a state machine's role has a '*' resource, which CDK adds for execution logging and tracing. */
    public static final String LOG_DELIVERY_AND_TRACING_REASON = "CloudWatch Logs vended log delivery "
            + "(logs:CreateLogDelivery and the rest) and X-Ray (xray:PutTraceSegments and the rest) support no "
            + "resource-level permissions; Step Functions needs them to log executions and trace them.";

    /** The message attribute the transaction queues filter on: {@code "true"} or {@code "false"}. */
    public static final String IS_SUCCESSFUL = "IsSuccessful";
    /** The message attribute the operator-actions queue filters on: {@code "true"} or {@code "false"}. */
    public static final String NEEDS_OPERATOR = "NeedsOperator";
    /**
     * How a saga execution may end by design, each with its notification: what fails otherwise (a
     * bookkeeping step that failed after its retries) failed unexpectedly and left no notification.
     */
    public static final List<String> DESIGNED_FAILURES = List.of(
            "FareCollectionFailed", "FareAlreadyRegistered", "FareNeedsManualRefund", "FareChargeOutcomeUnknown");

    /** How long an execution may run when {@code timeout} is not given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.minutes(5);

    private static final Duration EXPRESS_MAX_DURATION = Duration.minutes(5);

    /** Four days before SQS drops an unread notification (it keeps one 14 days): time to act on the alarm. */
    private static final Duration UNREAD_NOTIFICATION_ALARM_AGE = Duration.days(10);

    private final ITable faresTable;
    private final ITopic fareProcessingTopic;
    private final TopicQueueChain successfulTransactions;
    private final TopicQueueChain failedTransactions;
    private final TopicQueueChain operatorActions;
    private final StateMachine stateMachine;
    private final Alarm operatorActionsAlarm;
    private final Alarm unfinishedExecutionsAlarm;
    private final Alarm unexpectedFailuresAlarm;

    /**
     * Creates the Fares table, the fare-processing topic with its three notification queues, the state
     * machine with its execution logs, and the alarms.
     *
     * @param scope the parent construct
     * @param id the construct's ID, unique within {@code scope}
     * @param props the construct's settings: the charge, credit and refund functions
     * @throws IllegalArgumentException if {@code paymentErrors} names no error or a blank one (the message
     * names the construct's path, what was given and what was expected)
     */
    public FareCollectionSaga(Construct scope, String id, FareCollectionSagaProps props) {
        super(scope, id);
        ValidatedProps.check(this, () -> validate(props));
        this.faresTable = props.getExistingTableObj() != null
                ? props.getExistingTableObj()
                : ValidatedProps.check(
                        this,
                        () -> SecureResources.table(
                                this,
                                "FaresTable",
                                "fareId",
                                null,
                                props.getTableRemovalPolicy(),
                                "FareCollectionSaga: tableProps",
                                props.getTableProps()));
        this.fareProcessingTopic = props.getExistingTopicObj() != null
                ? props.getExistingTopicObj()
                : ValidatedProps.check(this, () -> newTopic(props.getTopicProps()));
        // Nothing here reads the transactions queues (a service of the reuser's may): kept as long as SQS
        // keeps any, with an alarm days before SQS would drop the oldest.
        this.successfulTransactions = notificationsQueue(
                "SuccessfulTransactions",
                IS_SUCCESSFUL,
                "true",
                UNREAD_NOTIFICATION_ALARM_AGE,
                props.getSuccessfulTransactionsQueueProps());
        this.failedTransactions = notificationsQueue(
                "FailedTransactions",
                IS_SUCCESSFUL,
                "false",
                UNREAD_NOTIFICATION_ALARM_AGE,
                props.getFailedTransactionsQueueProps());
        // Read by a person, who deletes a message once the fare is reconciled; its alarm is getOperatorActionsAlarm.
        this.operatorActions = notificationsQueue(
                "OperatorActions", NEEDS_OPERATOR, "true", null, props.getOperatorActionsQueueProps());

        ILogGroup executionLogs = props.getExistingLogGroupObj() != null
                ? props.getExistingLogGroupObj()
                : new LogGroup(
                        this,
                        "ExecutionLogs",
                        StructCopy.into(
                                        LogGroupProps.class,
                                        props.getLogGroupProps(),
                                        LogGroupProps.builder()
                                                .logGroupName(VendedLogGroups.stepFunctionsLogGroupName(
                                                        this, props.getStateMachineName()))
                                                .retention(RetentionDays.ONE_MONTH))
                                .build());
        this.stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(props.getStateMachineName())
                .stateMachineType(
                        props.getStateMachineType() != null ? props.getStateMachineType() : StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromChainable(
                        new FareCollectionStates(this, faresTable, fareProcessingTopic).definition(props)))
                .timeout(props.getTimeout() != null ? props.getTimeout() : DEFAULT_TIMEOUT)
                .tracingEnabled(true)
                .logs(LogOptions.builder()
                        .destination(executionLogs)
                        .level(LogLevel.ALL)
                        .includeExecutionData(false)
                        .build())
                .build();
        // Publishing to an encrypted topic needs its key; the SnsPublish task grants sns:Publish only.
        if (fareProcessingTopic.getMasterKey() != null) {
            fareProcessingTopic.getMasterKey().grant(stateMachine, "kms:GenerateDataKey", "kms:Decrypt");
        }
        NagSuppressionMetadata.suppressOnPolicy(
                stateMachine.getRole(), "AwsSolutions-IAM5", LOG_DELIVERY_AND_TRACING_REASON, "Resource::*");
        ServiceRoleTrust.stateMachinesOfThisAccount(stateMachine.getRole());
        warnOfTasksInOtherAccounts(props);

        SagaAlarms alarms = new SagaAlarms(this, stateMachine, executionLogs);
        this.operatorActionsAlarm = alarms.operatorActions(operatorActions);
        this.unfinishedExecutionsAlarm = alarms.unfinishedExecutions();
        this.unexpectedFailuresAlarm = alarms.unexpectedFailures(DESIGNED_FAILURES);
    }

    /**
     * A queue of the notifications whose {@code attribute} is {@code value}, kept 14 days (SQS's longest).
     * The saga does not know who reads it (in the lab, nothing does), so its backlog alarm, when
     * {@code oldestMessageAlarmAge} is given, fires only when a message nears SQS's limit. The reuser's
     * {@code given} props pass through to the chain's queue; their retention replaces the 14 days.
     */
    private TopicQueueChain notificationsQueue(
            String id, String attribute, String value, Duration oldestMessageAlarmAge, QueueProps given) {
        Duration givenRetention = given != null ? given.getRetentionPeriod() : null;
        return new TopicQueueChain(
                this,
                id,
                TopicQueueChainProps.builder()
                        .topic(fareProcessingTopic)
                        .filterPolicy(FilterPolicy.onMessageAttributes("{\"" + attribute + "\": [\"" + value + "\"]}"))
                        .retentionPeriod(givenRetention == null ? SecureQueues.LONGEST_RETENTION : null)
                        .queueProps(given)
                        .oldestMessageAlarm(oldestMessageAlarmAge != null)
                        .oldestMessageAlarmAge(oldestMessageAlarmAge)
                        .build());
    }

    /** An unread notification must alarm before SQS drops it: a given retention must outlast the alarm. */
    private static void requireRetentionBeyondAlarm(String propsName, QueueProps given) {
        Duration retention = given != null ? given.getRetentionPeriod() : null;
        if (retention != null
                && !retention.isUnresolved()
                && retention.toSeconds().doubleValue()
                        <= UNREAD_NOTIFICATION_ALARM_AGE.toSeconds().doubleValue()) {
            throw new IllegalArgumentException("FareCollectionSaga: " + propsName + ".retentionPeriod must exceed the "
                    + "unread notification alarm's " + UNREAD_NOTIFICATION_ALARM_AGE.toHumanString() + " (nothing "
                    + "reads the queue: the alarm must fire before SQS drops a message), got "
                    + retention.toHumanString());
        }
    }

    /**
     * Lets {@code grantee} start executions of the saga.
     *
     * @param grantee the principal that starts executions, such as the function that takes a fare
     * @return the grant of {@code states:StartExecution} on the state machine
     */
    public Grant grantStartExecution(IGrantable grantee) {
        return stateMachine.grantStartExecution(grantee);
    }

    /**
     * The state machine that runs the saga (standard unless {@code stateMachineType} says otherwise): each
     * execution collects one fare, times out after {@code timeout} (5 minutes by default), and is traced and
     * logged without its data.
     *
     * @return the state machine
     */
    public StateMachine getStateMachine() {
        return stateMachine;
    }

    /**
     * The Fares table: each fare under its {@code fareId}, with its {@code fareStatus} ({@code registered},
     * then {@code completed}, {@code failed}, {@code refund_failed} or {@code charge_unknown}).
     *
     * @return the table: {@code existingTableObj}, or a new one, encrypted and retained unless
     * {@code tableRemovalPolicy} or {@code tableProps} say otherwise
     */
    public ITable getFaresTable() {
        return faresTable;
    }

    /**
     * Where the saga publishes each fare's outcome, with the message attributes {@link #IS_SUCCESSFUL} and
     * {@link #NEEDS_OPERATOR}; the three notification queues subscribe to it.
     *
     * @return the topic: {@code existingTopicObj}, or a new one encrypted with the construct's key (or the
     * {@code masterKey} of {@code topicProps})
     */
    public ITopic getFareProcessingTopic() {
        return fareProcessingTopic;
    }

    /**
     * The queue of notifications with {@code IsSuccessful=true}: fares collected.
     *
     * @return the chain from the fare-processing topic to that queue
     */
    public TopicQueueChain getSuccessfulTransactions() {
        return successfulTransactions;
    }

    /**
     * The queue of notifications with {@code IsSuccessful=false}: fares not collected, whatever the reason.
     *
     * @return the chain from the fare-processing topic to that queue
     */
    public TopicQueueChain getFailedTransactions() {
        return failedTransactions;
    }

    /**
     * The queue of notifications with {@code NeedsOperator=true}: a refund that failed, a charge of unknown
     * outcome. Each says what to do; delete it when done. It keeps a message 14 days.
     *
     * @return the chain from the fare-processing topic to that queue
     */
    public TopicQueueChain getOperatorActions() {
        return operatorActions;
    }

    /**
     * Fires while the operator-actions queue holds a message: a fare needs someone.
     *
     * @return the alarm
     */
    public Alarm getOperatorActionsAlarm() {
        return operatorActionsAlarm;
    }

    /**
     * Fires when an execution timed out or was aborted: it stopped wherever it was, without a notification.
     *
     * @return the alarm
     */
    public Alarm getUnfinishedExecutionsAlarm() {
        return unfinishedExecutionsAlarm;
    }

    /**
     * Fires when an execution failed other than by design (see {@link #DESIGNED_FAILURES}), for example a
     * status update or a notification that failed after its retries: nothing was notified.
     *
     * @return the alarm
     */
    public Alarm getUnexpectedFailuresAlarm() {
        return unexpectedFailuresAlarm;
    }

    /**
     * Every alarm of the saga, to attach actions to: the three above, each notification queue's
     * dead-letter alarm, and the transactions queues' alarms on a notification left unread 10 days (SQS
     * drops it at 14). None fires for a declined card or a compensated credit, which need no one.
     *
     * @return an unmodifiable list of the eight alarms
     */
    public List<Alarm> getAlarms() {
        return List.of(
                operatorActionsAlarm,
                unfinishedExecutionsAlarm,
                unexpectedFailuresAlarm,
                successfulTransactions.getDeadLetterAlarm(),
                failedTransactions.getDeadLetterAlarm(),
                operatorActions.getDeadLetterAlarm(),
                successfulTransactions.getOldestMessageAlarm(),
                failedTransactions.getOldestMessageAlarm());
    }

    /** The topic with the saga's own rotating key, unless the reuser's topicProps bring their key. */
    private Topic newTopic(TopicProps given) {
        IKey key = given != null && given.getMasterKey() != null
                ? null
                : SecureResources.rotatingKey(
                        this, "FareProcessingTopicKey", "Encrypts the fare-processing topic at rest");
        return SecureResources.topic(this, "FareProcessingTopic", key, "FareCollectionSaga: topicProps", given);
    }

    private void warnOfTasksInOtherAccounts(FareCollectionSagaProps props) {
        String role = "The saga's state machine role, in its task ";
        CrossAccountInvokes.warnIfElsewhere(
                this, props.getChargeFunction(), role + "ChargeFare,", "WildRydesFareCollectionSaga");
        CrossAccountInvokes.warnIfElsewhere(
                this, props.getCreditFunction(), role + "CreditCustomerAccount,", "WildRydesFareCollectionSaga");
        CrossAccountInvokes.warnIfElsewhere(
                this, props.getRefundFunction(), role + "RefundFare,", "WildRydesFareCollectionSaga");
    }

    private static void validate(FareCollectionSagaProps props) {
        requireErrorNames("paymentErrors", props.getPaymentErrors());
        ExistingOrProps.requireNotBoth(
                "FareCollectionSaga",
                "existingTableObj",
                props.getExistingTableObj(),
                "tableProps",
                props.getTableProps());
        ExistingOrProps.requireNotBoth(
                "FareCollectionSaga",
                "existingTableObj",
                props.getExistingTableObj(),
                "tableRemovalPolicy",
                props.getTableRemovalPolicy());
        ExistingOrProps.requireNotBoth(
                "FareCollectionSaga",
                "existingTopicObj",
                props.getExistingTopicObj(),
                "topicProps",
                props.getTopicProps());
        ExistingOrProps.requireNotBoth(
                "FareCollectionSaga",
                "existingLogGroupObj",
                props.getExistingLogGroupObj(),
                "logGroupProps",
                props.getLogGroupProps());
        requireRetentionBeyondAlarm("successfulTransactionsQueueProps", props.getSuccessfulTransactionsQueueProps());
        requireRetentionBeyondAlarm("failedTransactionsQueueProps", props.getFailedTransactionsQueueProps());
        if (props.getExistingTopicObj() != null
                && Boolean.TRUE.equals(props.getExistingTopicObj().getFifo())) {
            throw new IllegalArgumentException("FareCollectionSaga: existingTopicObj must be a standard topic (the "
                    + "saga publishes without a message group), got a FIFO topic");
        }
        Duration timeout = props.getTimeout();
        if (props.getStateMachineType() == StateMachineType.EXPRESS
                && timeout != null
                && !timeout.isUnresolved()
                && timeout.toSeconds().doubleValue()
                        > EXPRESS_MAX_DURATION.toSeconds().doubleValue()) {
            throw new IllegalArgumentException("FareCollectionSaga: an EXPRESS saga runs at most 5 minutes "
                    + "(Step Functions' limit), got timeout " + timeout.toHumanString());
        }
    }

    /** Step Functions refuses a catcher with no error names ("ErrorEquals": []) at deploy time. */
    private static void requireErrorNames(String prop, List<String> names) {
        if (names != null && (names.isEmpty() || names.stream().anyMatch(n -> n == null || n.isBlank()))) {
            throw new IllegalArgumentException("FareCollectionSaga: " + prop + " must name at least one error, each "
                    + "non-blank (leave it unset for the defaults), got " + names);
        }
    }
}
