package com.wildrydes.infra;

import com.wildrydes.constructs.internal.SecureResources;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * A lab's alarm topic: every alarm that needs an operator notifies it. Encrypted and TLS-only
 * like every topic here; CloudWatch of this account may publish to it and use its key (an
 * encrypted topic silently drops alarm notifications otherwise). With {@code -c alarmEmail=...}
 * that address is subscribed (SNS first asks it to confirm).
 */
final class LabAlarms {

    private static final String CLOUDWATCH = "cloudwatch.amazonaws.com";

    private final Topic topic;

    private LabAlarms(Topic topic) {
        this.topic = topic;
    }

    static LabAlarms create(Construct stack, LabSettings settings) {
        Key key = SecureResources.rotatingKey(stack, "AlarmTopicKey", "Encrypts the lab's alarm topic at rest");
        Topic topic = SecureResources.encryptedTopic(stack, "AlarmTopic", key);
        Map<String, Object> thisAccount = Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID));
        key.grant(new ServicePrincipal(CLOUDWATCH).withConditions(thisAccount), "kms:Decrypt", "kms:GenerateDataKey");
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal(CLOUDWATCH)))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(thisAccount)
                .build());
        if (settings.alarmEmail() != null) {
            topic.addSubscription(new EmailSubscription(settings.alarmEmail()));
        }
        RideCompletionSource.output(
                stack,
                "AlarmTopicArn",
                topic.getTopicArn(),
                "Alarms that need an operator; subscribe to it, or deploy with -c alarmEmail=you@example.com");
        return new LabAlarms(topic);
    }

    /** Notifies the alarm topic when any of {@code alarms} fires. */
    void notifyOn(List<? extends Alarm> alarms) {
        SnsAction action = new SnsAction(topic);
        for (Alarm alarm : alarms) {
            alarm.addAlarmAction(action);
        }
    }

    Topic topic() {
        return topic;
    }
}
