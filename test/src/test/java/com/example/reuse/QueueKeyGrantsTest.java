package com.example.reuse;

import static com.example.reuse.ReusingApp.*;

import com.wildrydes.constructs.messaging.TopicQueueChain;
import com.wildrydes.constructs.messaging.TopicQueueChainProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * A team's own queue encrypted with its own KMS key, chained to a topic: SNS needs
 * kms:GenerateDataKey and kms:Decrypt on that key to deliver, and only for the topic the queue
 * subscribes to (AWS's advice against the confused deputy, and what CDK's own SqsSubscription
 * writes). A key this app cannot change is named with what its owner must allow.
 */
class QueueKeyGrantsTest {

    private static final String TEAM_KEY =
            "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @Test
    void snsMayUseTheQueuesKeyForThisTopicOnly() {
        Stack stack = pinnedStack();
        Queue queue = Queue.Builder.create(stack, "Invoices")
                .encryptionMasterKey(new Key(stack, "InvoicesKey"))
                .build();
        new TopicQueueChain(
                stack,
                "InvoicingChain",
                TopicQueueChainProps.builder().topic(orders(stack)).queue(queue).build());

        synth(stack)
                .hasResourceProperties(
                        "AWS::KMS::Key",
                        Map.of(
                                "KeyPolicy",
                                Map.of(
                                        "Statement",
                                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                                "Principal",
                                                Map.of("Service", "sns.amazonaws.com"),
                                                "Action",
                                                List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                                                "Condition",
                                                Map.of("ArnEquals", Map.of("aws:SourceArn", ORDERS_TOPIC)))))))));
    }

    @Test
    void anImportedKeyOnTheTeamsQueueIsNamedWithWhatSnsNeeds() {
        Stack stack = pinnedStack();
        Queue queue = Queue.Builder.create(stack, "Invoices")
                .encryptionMasterKey(Key.fromKeyArn(stack, "InvoicesKey", TEAM_KEY))
                .build();
        new TopicQueueChain(
                stack,
                "InvoicingChain",
                TopicQueueChainProps.builder().topic(orders(stack)).queue(queue).build());

        synth(stack);
        annotations(stack)
                .hasWarning(
                        "/TeamStack/InvoicingChain/Subscription",
                        Match.stringLikeRegexp(".*" + TEAM_KEY + ".*kms:GenerateDataKey.*kms:Decrypt.*"
                                + ORDERS_TOPIC.replace(":", ".") + ".*"));
    }
}
