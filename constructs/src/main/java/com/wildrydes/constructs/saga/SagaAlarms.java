package com.wildrydes.constructs.saga;

import com.wildrydes.constructs.messaging.TopicQueueChain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.JsonPattern;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * The fare-collection saga's alarms: each fires on something an operator must act on, and none on a
 * declined card or a compensated credit, which the saga settles by itself. (Step Functions'
 * ExecutionsFailed counts both kinds, so it cannot tell them apart.)
 */
final class SagaAlarms {

    /** The namespace of the metric the execution logs' filter publishes. */
    static final String NAMESPACE = "WildRydes/FareCollectionSaga";

    private static final Duration PERIOD = Duration.minutes(5);

    private final Construct scope;
    private final StateMachine stateMachine;
    private final ILogGroup executionLogs;

    SagaAlarms(Construct scope, StateMachine stateMachine, ILogGroup executionLogs) {
        this.scope = scope;
        this.stateMachine = stateMachine;
        this.executionLogs = executionLogs;
    }

    /** A message waits in the operator-actions queue: a fare to refund by hand or to reconcile. */
    Alarm operatorActions(TopicQueueChain operatorActions) {
        return operatorActions
                .getQueue()
                .metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(Duration.minutes(1))
                        .statistic("Maximum")
                        .build())
                .createAlarm(
                        scope,
                        "OperatorActionsAlarm",
                        atLeastOne(
                                        "A fare needs an operator (a refund to make by hand, or a charge of unknown outcome to "
                                                + "reconcile): read the operator-actions queue; each message says what to do")
                                .threshold(1)
                                .build());
    }

    /** An execution timed out or was aborted: it stopped mid-saga, with no notification. */
    Alarm unfinishedExecutions() {
        MetricOptions sum =
                MetricOptions.builder().period(PERIOD).statistic("Sum").build();
        Map<String, IMetric> metrics = new LinkedHashMap<>();
        metrics.put("timedOut", stateMachine.metricTimedOut(sum));
        metrics.put("aborted", stateMachine.metricAborted(sum));
        return MathExpression.Builder.create()
                .expression("timedOut + aborted")
                .usingMetrics(metrics)
                .label("Executions timed out or aborted")
                .period(PERIOD)
                .build()
                .createAlarm(
                        scope,
                        "UnfinishedExecutionsAlarm",
                        atLeastOne(
                                        "A fare-collection execution timed out or was aborted: it stopped wherever it was, without "
                                                + "a notification; find it in the Step Functions console and settle the fare")
                                .threshold(1)
                                .build());
    }

    /**
     * An execution failed with an error that is none of {@code designed}: read from the execution logs,
     * which record each execution's failure with its error name (not the execution's data).
     */
    Alarm unexpectedFailures(List<String> designed) {
        List<JsonPattern> conditions = new ArrayList<>();
        conditions.add(FilterPattern.stringValue("$.type", "=", "ExecutionFailed"));
        for (String error : designed) {
            conditions.add(FilterPattern.stringValue("$.details.error", "!=", error));
        }
        MetricFilter filter = MetricFilter.Builder.create(scope, "UnexpectedFailuresFilter")
                .logGroup(executionLogs)
                .filterPattern(FilterPattern.all(conditions.toArray(JsonPattern[]::new)))
                .metricNamespace(NAMESPACE)
                // One metric per saga: a metric filter can take dimensions only from the log event's fields.
                .metricName(Names.uniqueResourceName(
                                scope,
                                UniqueResourceNameOptions.builder()
                                        .maxLength(200)
                                        .build()) + "-UnexpectedFailures")
                .metricValue("1")
                .build();
        return filter.metric(
                        MetricOptions.builder().period(PERIOD).statistic("Sum").build())
                .createAlarm(
                        scope,
                        "UnexpectedFailuresAlarm",
                        atLeastOne("A fare-collection execution failed unexpectedly (for example a status update or a "
                                        + "notification that failed after its retries): nothing was notified; see the "
                                        + "execution's history and settle the fare")
                                .threshold(1)
                                .build());
    }

    private static CreateAlarmOptions.Builder atLeastOne(String description) {
        return CreateAlarmOptions.builder()
                .alarmDescription(description)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING);
    }
}
