package com.wildrydes.constructs.internal;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmProps;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/** The alarm every queue of unprocessed messages here has: it fires on the first message in it. */
public final class DeadLetterAlarms {

    /** How a dead-letter metric is read for its alarm: the most messages seen in each minute. */
    public static final MetricOptions ALARM_METRIC = MetricOptions.builder()
            .period(Duration.minutes(1))
            .statistic("Maximum")
            .build();

    private DeadLetterAlarms() {}

    /** Fires when {@code visibleMessages} (a queue's ApproximateNumberOfMessagesVisible) is above zero. */
    public static Alarm anyMessage(Construct scope, String id, IMetric visibleMessages, String description) {
        return new Alarm(
                scope,
                id,
                AlarmProps.builder()
                        .metric(visibleMessages)
                        .alarmDescription(description)
                        .threshold(0)
                        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                        .evaluationPeriods(1)
                        .treatMissingData(TreatMissingData.NOT_BREACHING)
                        .build());
    }
}
