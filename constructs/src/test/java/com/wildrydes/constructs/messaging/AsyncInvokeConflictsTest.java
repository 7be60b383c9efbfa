package com.wildrydes.constructs.messaging;

import static com.wildrydes.constructs.TestStacks.assertMessage;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.wildrydes.constructs.TestStacks;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * Lambda keeps one asynchronous invocation configuration per function and qualifier. Two
 * constructs that configure it with different explicit settings are refused, naming both; one
 * that gives none reuses the first one's, and its getter names the queue Lambda really uses.
 */
class AsyncInvokeConflictsTest {

    private static FilteredSubscription subscribe(
            Stack stack, String id, IFunction fn, FilteredSubscriptionProps.Builder b) {
        return new FilteredSubscription(
                stack, id, b.topic(new Topic(stack, id + "Topic")).function(fn).build());
    }

    @Test
    void differentExplicitSettingsOnOneFunctionAreRefusedNamingBothConstructsAndTheSettings() {
        Stack stack = TestStacks.newStack();
        IFunction fn = TestStacks.function(stack, "Pricing");
        subscribe(stack, "Orders", fn, FilteredSubscriptionProps.builder().retryAttempts(2));
        assertMessage(
                "TestStack/Refunds: FilteredSubscription: the asynchronous invocation of TestStack/Pricing is "
                        + "configured by TestStack/Orders already, with retryAttempts 2, maxEventAge 21600 seconds",
                () -> subscribe(
                        stack,
                        "Refunds",
                        fn,
                        FilteredSubscriptionProps.builder()
                                .retryAttempts(0)
                                .failedInvocationsQueue(new Queue(stack, "Mine"))));
        assertMessage(
                "got retryAttempts 0 (was 2), failedInvocationsQueue TestStack/Mine2 (was TestStack/Orders/FailedInvocationsQueue)",
                () -> subscribe(
                        stack,
                        "MoreRefunds",
                        fn,
                        FilteredSubscriptionProps.builder()
                                .retryAttempts(0)
                                .failedInvocationsQueue(new Queue(stack, "Mine2"))));
    }

    @Test
    void theSameOrNoSettingsReuseTheFirstConfigurationAndNameItsQueue() {
        Stack stack = TestStacks.newStack();
        IFunction fn = TestStacks.function(stack, "Pricing");
        FilteredSubscription first = subscribe(
                stack, "Orders", fn, FilteredSubscriptionProps.builder().maxEventAge(Duration.hours(1)));
        FilteredSubscription same = subscribe(
                stack, "Refunds", fn, FilteredSubscriptionProps.builder().maxEventAge(Duration.hours(1)));
        FilteredSubscription none = subscribe(stack, "Audit", fn, FilteredSubscriptionProps.builder());
        assertSame(first.getFailedInvocationsQueue(), same.getFailedInvocationsQueue());
        assertSame(first.getFailedInvocationsQueue(), none.getFailedInvocationsQueue());
    }
}
