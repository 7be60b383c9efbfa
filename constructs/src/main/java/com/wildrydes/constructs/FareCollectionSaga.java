package com.wildrydes.constructs;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
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
 *   <li>The same fare twice: RegisterFare refuses the existing fare ID, so it is charged once; the
 *       second execution ends in {@code FareAlreadyRegistered}.</li>
 * </ul>
 * No card number, expiry date or CVV is stored or published. Executions are traced and logged
 * without execution data (which would include the card fields), and failed executions alarm.
 */
public class FareCollectionSaga extends Construct {

    /** Why a state machine's role has a '*' resource, which CDK adds for execution logging and tracing. */
    public static final String LOG_DELIVERY_AND_TRACING_REASON = "CloudWatch Logs vended log delivery "
            + "(logs:CreateLogDelivery and the rest) and X-Ray (xray:PutTraceSegments and the rest) support no "
            + "resource-level permissions; Step Functions needs them to log executions and trace them.";

    private final Table faresTable;
    private final Topic fareProcessingTopic;
    private final TopicQueueChain successfulTransactions;
    private final TopicQueueChain failedTransactions;
    private final StateMachine stateMachine;
    private final Alarm failedExecutionsAlarm;

    public FareCollectionSaga(Construct scope, String id, FareCollectionSagaProps props) {
        super(scope, id);
        this.faresTable = SecureResources.table(this, "FaresTable", "fareId", null, props.getTableRemovalPolicy());
        Key topicKey = SecureResources.rotatingKey(this, "FareProcessingTopicKey", "Encrypts the fare-processing topic at rest");
        this.fareProcessingTopic = SecureResources.encryptedTopic(this, "FareProcessingTopic", topicKey);
        this.successfulTransactions = transactionsQueue("SuccessfulTransactions", true);
        this.failedTransactions = transactionsQueue("FailedTransactions", false);

        LogGroup executionLogs = LogGroup.Builder.create(this, "ExecutionLogs").retention(RetentionDays.ONE_MONTH).build();
        this.stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(props.getStateMachineName())
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromChainable(
                        new FareCollectionStates(this, faresTable, fareProcessingTopic).definition(props)))
                .timeout(Duration.minutes(5))
                .tracingEnabled(true)
                .logs(LogOptions.builder().destination(executionLogs).level(LogLevel.ALL)
                        .includeExecutionData(false).build())
                .build();
        // Publishing to an encrypted topic needs its key; the SnsPublish task grants sns:Publish only.
        topicKey.grant(stateMachine, "kms:GenerateDataKey", "kms:Decrypt");
        NagSuppressionMetadata.suppressOnPolicy(stateMachine.getRole(), "AwsSolutions-IAM5",
                LOG_DELIVERY_AND_TRACING_REASON, "Resource::*");
        ServiceRoleTrust.stateMachinesOfThisAccount(stateMachine.getRole());

        this.failedExecutionsAlarm = stateMachine.metricFailed(MetricOptions.builder()
                        .period(Duration.minutes(5)).statistic("Sum").build())
                .createAlarm(this, "FailedExecutionsAlarm", CreateAlarmOptions.builder()
                        .alarmDescription("A fare-collection saga failed: see the failed-transactions queue and the fare's status")
                        .threshold(1)
                        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                        .evaluationPeriods(1)
                        .treatMissingData(TreatMissingData.NOT_BREACHING)
                        .build());
    }

    private TopicQueueChain transactionsQueue(String id, boolean successful) {
        return new TopicQueueChain(this, id, TopicQueueChainProps.builder()
                .topic(fareProcessingTopic)
                .filterPolicy(FilterPolicy.onMessageAttributes("{\"IsSuccessful\": [\"" + successful + "\"]}"))
                .build());
    }

    /** Lets {@code grantee} start executions of the saga. */
    public void grantStartExecution(IGrantable grantee) {
        stateMachine.grantStartExecution(grantee);
    }

    public StateMachine getStateMachine() {
        return stateMachine;
    }

    public ITable getFaresTable() {
        return faresTable;
    }

    public ITopic getFareProcessingTopic() {
        return fareProcessingTopic;
    }

    /** Notifications with {@code IsSuccessful=true}. */
    public TopicQueueChain getSuccessfulTransactions() {
        return successfulTransactions;
    }

    /** Notifications with {@code IsSuccessful=false}. */
    public TopicQueueChain getFailedTransactions() {
        return failedTransactions;
    }

    public Alarm getFailedExecutionsAlarm() {
        return failedExecutionsAlarm;
    }
}
