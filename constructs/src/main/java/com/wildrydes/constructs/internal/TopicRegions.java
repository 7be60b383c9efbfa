package com.wildrydes.constructs.internal;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Where a subscription must be: SNS creates a subscription in its topic's region, and takes its
 * dead-letter queue only from that region. CDK's own subscriptions name the topic's region when it
 * differs from the stack's; this library does the same, and refuses what cannot work.
 */
public final class TopicRegions {

    private TopicRegions() {}

    /**
     * The region to write on the subscription, or null for the stack's own. Refuses a topic in a
     * known region other than a known stack region, since the dead-letter queue made here would be
     * in the wrong one.
     */
    public static String subscriptionRegion(Construct scope, ITopic topic) {
        String topicArn = topic.getTopicArn();
        if (Token.isUnresolved(topicArn)) {
            return null;
        }
        String topicRegion = Arn.split(topicArn, ArnFormat.NO_RESOURCE_NAME).getRegion();
        String stackRegion = Stack.of(scope).getRegion();
        if (topicRegion == null || Token.isUnresolved(topicRegion)) {
            return null;
        }
        if (!Token.isUnresolved(stackRegion)) {
            if (stackRegion.equals(topicRegion)) {
                return null;
            }
            throw new IllegalArgumentException(
                    "FilteredSubscription: topic must be in the stack's region " + stackRegion
                            + " (SNS takes a subscription's dead-letter queue only from the topic's region), got a topic in "
                            + topicRegion + ": " + topicArn + "; define this construct in a stack in " + topicRegion);
        }
        Annotations.of(scope)
                .addWarningV2(
                        "@wildrydes/constructs:topicInAnotherRegion",
                        "The topic " + topicArn + " is in " + topicRegion
                                + ": the subscription names that region, and its "
                                + "dead-letter queue is created in this stack's region, which SNS accepts only if it is "
                                + topicRegion + ". Deploy this stack to " + topicRegion + ".");
        return topicRegion;
    }
}
