package com.wildrydes.constructs.rfq;

import static com.wildrydes.constructs.TestStacks.assertMessage;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.wildrydes.constructs.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.sqs.QueueProps;

/**
 * A request for quotes on the reuser's response and deadline queues (with the dead-letter queues they
 * redrive to), or on props for the dead-letter queues it creates.
 */
class RfqExistingQueuesTest {

    private static ScatterGatherRfqProps.Builder oneResponder(Stack stack) {
        return ScatterGatherRfqProps.builder()
                .code(TestStacks.jarCode(stack))
                .externalResponderCount(1)
                .responderNames(List.of("pricing"));
    }

    private static Queue queueWithDeadLetters(Stack stack, String id, IQueue deadLetters) {
        return Queue.Builder.create(stack, id)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .visibilityTimeout(Duration.minutes(1))
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(deadLetters)
                        .maxReceiveCount(3)
                        .build())
                .build();
    }

    @Test
    void runsOnTheReusersQueuesAndWatchesTheirDeadLetterQueues() {
        Stack stack = TestStacks.newStack();
        Queue responseDlq = new Queue(stack, "TheirResponseDlq");
        Queue response = queueWithDeadLetters(stack, "TheirResponses", responseDlq);
        Queue deadlineDlq = new Queue(stack, "TheirDeadlineDlq");
        Queue deadline = queueWithDeadLetters(stack, "TheirDeadlines", deadlineDlq);
        ScatterGatherRfq rfq = new ScatterGatherRfq(
                stack,
                "Rfq",
                oneResponder(stack)
                        .existingResponseQueueObj(response)
                        .existingResponseDeadLetterQueueObj(responseDlq)
                        .existingDeadlineQueueObj(deadline)
                        .existingDeadlineDeadLetterQueueObj(deadlineDlq)
                        .build());
        Template template = Template.fromStack(stack);

        assertSame(response, rfq.getResponseQueue());
        assertSame(responseDlq, rfq.getResponseDeadLetterQueue());
        assertSame(deadline, rfq.getDeadlineQueue());
        assertSame(deadlineDlq, rfq.getDeadlineDeadLetterQueue());
        template.resourceCountIs("AWS::SQS::Queue", 4);
        template.hasResourceProperties(
                "AWS::Lambda::EventSourceMapping",
                Map.of(
                        "EventSourceArn",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("TheirResponses.*"), "Arn"))));
        template.hasResourceProperties(
                "AWS::Lambda::EventSourceMapping",
                Map.of(
                        "EventSourceArn",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("TheirDeadlines.*"), "Arn"))));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "Dimensions",
                        List.of(Map.of(
                                "Name",
                                "QueueName",
                                "Value",
                                Map.of(
                                        "Fn::GetAtt",
                                        List.of(Match.stringLikeRegexp("TheirResponseDlq.*"), "QueueName"))))));
    }

    @Test
    void newDeadLetterQueuesTakeTheReusersPropsOverTheSecureDefaults() {
        Stack stack = TestStacks.newStack();
        new ScatterGatherRfq(
                stack,
                "Rfq",
                oneResponder(stack)
                        .responseDeadLetterQueueProps(
                                QueueProps.builder().queueName("responses-dlq").build())
                        .deadlineDeadLetterQueueProps(
                                QueueProps.builder().queueName("deadlines-dlq").build())
                        .build());
        Template template = Template.fromStack(stack);
        for (String name : List.of("responses-dlq", "deadlines-dlq")) {
            template.hasResourceProperties(
                    "AWS::SQS::Queue",
                    Map.of("QueueName", name, "SqsManagedSseEnabled", true, "MessageRetentionPeriod", 1209600));
        }
    }

    @Test
    void aNewQueueRedrivesToTheReusersDeadLetterQueue() {
        Stack stack = TestStacks.newStack();
        Queue shared = new Queue(stack, "SharedDlq");
        new ScatterGatherRfq(
                stack,
                "Rfq",
                oneResponder(stack).existingResponseDeadLetterQueueObj(shared).build());
        Template.fromStack(stack)
                .hasResourceProperties(
                        "AWS::SQS::Queue",
                        Map.of(
                                "RedrivePolicy",
                                Map.of(
                                        "deadLetterTargetArn",
                                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("SharedDlq.*"), "Arn")),
                                        "maxReceiveCount",
                                        3)));
    }

    @Test
    void aQueueWithoutItsDeadLetterQueueOrWithPropsIsRefused() {
        assertMessage(
                "Rfq: ScatterGatherRfq: existingResponseQueueObj needs existingResponseDeadLetterQueueObj, the queue "
                        + "its redrive policy sends to (the construct alarms on it and grants its redrive), got none",
                () -> {
                    Stack stack = TestStacks.newStack();
                    new ScatterGatherRfq(
                            stack,
                            "Rfq",
                            oneResponder(stack)
                                    .existingResponseQueueObj(Queue.fromQueueArn(
                                            stack, "Q", "arn:aws:sqs:us-east-1:111111111111:responses"))
                                    .build());
                });
        assertMessage(
                "Rfq: ScatterGatherRfq: give existingDeadlineQueueObj (an existing resource, used as it is) or "
                        + "deadlineQueueProps (props of a new one), got both",
                () -> {
                    Stack stack = TestStacks.newStack();
                    Queue dlq = new Queue(stack, "Dlq");
                    new ScatterGatherRfq(
                            stack,
                            "Rfq",
                            oneResponder(stack)
                                    .existingDeadlineQueueObj(queueWithDeadLetters(stack, "D", dlq))
                                    .existingDeadlineDeadLetterQueueObj(dlq)
                                    .deadlineQueueProps(QueueProps.builder().build())
                                    .build());
                });
        assertMessage(
                "Rfq: ScatterGatherRfq: give existingResponseQueueObj (an existing resource, used as it is) or "
                        + "responseQueueVisibilityTimeout",
                () -> {
                    Stack stack = TestStacks.newStack();
                    Queue dlq = new Queue(stack, "Dlq");
                    new ScatterGatherRfq(
                            stack,
                            "Rfq",
                            oneResponder(stack)
                                    .existingResponseQueueObj(queueWithDeadLetters(stack, "R", dlq))
                                    .existingResponseDeadLetterQueueObj(dlq)
                                    .responseQueueVisibilityTimeout(Duration.minutes(2))
                                    .build());
                });
    }

    @Test
    void aQueueThatDropsASecureDefaultOrRedrivesElsewhereIsRefused() {
        assertMessage(
                "Rfq: ScatterGatherRfq: existingResponseQueueObj must send what it gives up on to "
                        + "existingResponseDeadLetterQueueObj TestStack/Dlq, got a queue without a dead-letter queue",
                () -> {
                    Stack stack = TestStacks.newStack();
                    new ScatterGatherRfq(
                            stack,
                            "Rfq",
                            oneResponder(stack)
                                    .existingResponseQueueObj(new Queue(stack, "R"))
                                    .existingResponseDeadLetterQueueObj(new Queue(stack, "Dlq"))
                                    .build());
                });
        assertMessage(
                "Rfq: ScatterGatherRfq: existingDeadlineQueueObj must send what it gives up on to "
                        + "existingDeadlineDeadLetterQueueObj TestStack/Dlq, got a queue that sends it to TestStack/Other",
                () -> {
                    Stack stack = TestStacks.newStack();
                    new ScatterGatherRfq(
                            stack,
                            "Rfq",
                            oneResponder(stack)
                                    .existingDeadlineQueueObj(
                                            queueWithDeadLetters(stack, "D", new Queue(stack, "Other")))
                                    .existingDeadlineDeadLetterQueueObj(new Queue(stack, "Dlq"))
                                    .build());
                });
        assertMessage(
                "Rfq: ScatterGatherRfq: existingResponseQueueObj must be encrypted at rest (SSE-SQS or a KMS key), "
                        + "got TestStack/R unencrypted",
                () -> {
                    Stack stack = TestStacks.newStack();
                    Queue dlq = new Queue(stack, "Dlq");
                    new ScatterGatherRfq(
                            stack,
                            "Rfq",
                            oneResponder(stack)
                                    .existingResponseQueueObj(Queue.Builder.create(stack, "R")
                                            .encryption(QueueEncryption.UNENCRYPTED)
                                            .deadLetterQueue(DeadLetterQueue.builder()
                                                    .queue(dlq)
                                                    .maxReceiveCount(3)
                                                    .build())
                                            .build())
                                    .existingResponseDeadLetterQueueObj(dlq)
                                    .build());
                });
        assertMessage(
                "Rfq: ScatterGatherRfq: existingResponseQueueObj must be a standard queue (the submit function sends "
                        + "without a message group), got a FIFO queue TestStack/R",
                () -> {
                    Stack stack = TestStacks.newStack();
                    Queue dlq = Queue.Builder.create(stack, "Dlq").fifo(true).build();
                    new ScatterGatherRfq(
                            stack,
                            "Rfq",
                            oneResponder(stack)
                                    .existingResponseQueueObj(Queue.Builder.create(stack, "R")
                                            .fifo(true)
                                            .deadLetterQueue(DeadLetterQueue.builder()
                                                    .queue(dlq)
                                                    .maxReceiveCount(3)
                                                    .build())
                                            .build())
                                    .existingResponseDeadLetterQueueObj(dlq)
                                    .build());
                });
    }
}
