package com.wildrydes.lambdas.rfq;

import com.wildrydes.lambdas.common.AwsClients;
import com.wildrydes.lambdas.common.Json;
import com.wildrydes.lambdas.common.SnapStartPriming;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The messages of the scatter-gather: the request published to every responder (scatter), the
 * deadline timer (a delayed message to the construct's own deadline queue), and the completion
 * event published once when the request closes.
 */
public class RfqMessaging {

    /** SQS delays a message by at most 15 minutes: the longest deadline the construct allows. */
    public static final Duration MAX_DEADLINE = Duration.ofMinutes(15);

    private final SnsClient sns;
    private final SqsClient sqs;
    private final String requestTopicArn;
    private final String responseQueueUrl;
    private final String deadlineQueueUrl;
    private final String completionTopicArn;

    public RfqMessaging(
            SnsClient sns,
            SqsClient sqs,
            String requestTopicArn,
            String responseQueueUrl,
            String deadlineQueueUrl,
            String completionTopicArn) {
        this.sns = sns;
        this.sqs = sqs;
        this.requestTopicArn = requestTopicArn;
        this.responseQueueUrl = responseQueueUrl;
        this.deadlineQueueUrl = deadlineQueueUrl;
        this.completionTopicArn = completionTopicArn;
    }

    /** Scatter: the request, with its correlation ID and return address, to every responder. */
    public void publishRequest(RfqRequest request) {
        sns.publish(publish -> publish.topicArn(requestTopicArn)
                .message(request.toMessage(responseQueueUrl))
                .messageAttributes(Map.of(
                        RfqRequest.RFQ_ID,
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(request.rfqId())
                                .build())));
    }

    /** Starts the request's timer: the deadline handler receives this message when the deadline passes. */
    public void scheduleDeadline(String rfqId, Duration afterNow) {
        int delay = (int) Math.min(afterNow.toSeconds(), MAX_DEADLINE.toSeconds());
        sqs.sendMessage(send -> send.queueUrl(deadlineQueueUrl)
                .delaySeconds(delay)
                .messageBody(Json.write(new RfqDeadlineMessage(rfqId))));
    }

    /** SnapStart priming: each of these messages for a sample request, marshalled and signed, never sent. */
    public SnapStartPriming.Primer primer() {
        return () -> {
            RfqMessaging dryRun = new RfqMessaging(
                    SnapStartPriming.dryRun(sns, SnsClient.class),
                    SnapStartPriming.dryRun(sqs, SqsClient.class),
                    requestTopicArn,
                    responseQueueUrl,
                    deadlineQueueUrl,
                    completionTopicArn);
            SnapStartPriming.each(
                            () -> dryRun.publishRequest(RfqSamples.request()),
                            () -> dryRun.scheduleDeadline(RfqSamples.RFQ_ID, MAX_DEADLINE),
                            () -> dryRun.publishCompletion(RfqSamples.closed()))
                    .prime();
        };
    }

    /** The completion event: every quote that counted, and why the request closed. */
    public void publishCompletion(RfqState state) {
        RfqCompletionEvent event = new RfqCompletionEvent(
                state.request().rfqId(),
                state.closedReason(),
                state.answered(),
                state.expected(),
                RfqViews.quotes(state));
        sns.publish(publish -> publish.topicArn(completionTopicArn)
                .message(Json.write(event))
                .messageAttributes(Map.of(
                        "reason",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(state.closedReason())
                                .build())));
    }

    /**
     * The clients and addresses from the Lambda environment. Each handler is given only the addresses it
     * uses; the others stay empty and unused. (Here rather than in RfqHandlerEnvironment, so that a handler
     * that publishes nothing reaches no SNS or SQS class and its package carries neither.)
     */
    static RfqMessaging fromEnvironment() {
        return new RfqMessaging(
                AwsClients.build(SnsClient.builder()),
                AwsClients.build(SqsClient.builder()),
                optional("REQUEST_TOPIC_ARN"),
                optional("RESPONSE_QUEUE_URL"),
                optional("DEADLINE_QUEUE_URL"),
                optional("COMPLETION_TOPIC_ARN"));
    }

    private static String optional(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
