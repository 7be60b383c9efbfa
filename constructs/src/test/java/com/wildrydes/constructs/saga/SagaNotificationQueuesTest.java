package com.wildrydes.constructs.saga;

import static com.wildrydes.constructs.TestStacks.assertMessage;

import com.wildrydes.constructs.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.sqs.QueueProps;

/** The saga's three notification queues take the reuser's props over their secure defaults. */
class SagaNotificationQueuesTest {

    private static FareCollectionSagaProps.Builder functions(Stack stack) {
        return FareCollectionSagaProps.builder()
                .chargeFunction(TestStacks.function(stack, "Charge"))
                .creditFunction(TestStacks.function(stack, "Credit"))
                .refundFunction(TestStacks.function(stack, "Refund"))
                .paymentErrors(List.of("CardDeclined"));
    }

    @Test
    void eachNotificationQueueTakesItsPropsAndStaysEncryptedAndKept14DaysUnlessTold() {
        Stack stack = TestStacks.newStack();
        new FareCollectionSaga(
                stack,
                "Saga",
                functions(stack)
                        .successfulTransactionsQueueProps(
                                QueueProps.builder().queueName("fares-ok").build())
                        .failedTransactionsQueueProps(QueueProps.builder()
                                .queueName("fares-failed")
                                .retentionPeriod(Duration.days(12))
                                .build())
                        .operatorActionsQueueProps(
                                QueueProps.builder().queueName("fares-operator").build())
                        .build());
        Template template = Template.fromStack(stack);
        template.hasResourceProperties(
                "AWS::SQS::Queue",
                Map.of("QueueName", "fares-ok", "SqsManagedSseEnabled", true, "MessageRetentionPeriod", 1209600));
        template.hasResourceProperties(
                "AWS::SQS::Queue",
                Map.of("QueueName", "fares-failed", "SqsManagedSseEnabled", true, "MessageRetentionPeriod", 1036800));
        template.hasResourceProperties(
                "AWS::SQS::Queue", Map.of("QueueName", "fares-operator", "MessageRetentionPeriod", 1209600));
    }

    @Test
    void aTransactionsQueueThatWouldDropMessagesBeforeItsAlarmIsRefused() {
        assertMessage(
                "Saga: FareCollectionSaga: successfulTransactionsQueueProps.retentionPeriod must exceed the unread "
                        + "notification alarm's 10 days (nothing reads the queue: the alarm must fire before SQS drops "
                        + "a message), got 4 days",
                () -> {
                    Stack stack = TestStacks.newStack();
                    new FareCollectionSaga(
                            stack,
                            "Saga",
                            functions(stack)
                                    .successfulTransactionsQueueProps(QueueProps.builder()
                                            .retentionPeriod(Duration.days(4))
                                            .build())
                                    .build());
                });
    }
}
