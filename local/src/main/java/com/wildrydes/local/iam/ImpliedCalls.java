package com.wildrydes.local.iam;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a recorded call makes AWS do in turn, which needs its own permission: a publish to a topic
 * (or a send to a queue) encrypted with a customer managed key needs {@code kms:GenerateDataKey}
 * and {@code kms:Decrypt} on that key, a receive {@code kms:Decrypt}; a publish makes SNS send to
 * every queue subscribed to the topic (the queue policy must let {@code sns.amazonaws.com} do it for
 * that topic, and the queue's key let SNS use it), and SNS must be able to send to each
 * subscription's dead-letter queue whenever a delivery fails. Filter policies are not applied: the
 * grant must hold for any message that may match.
 */
public final class ImpliedCalls {

    private static final String SNS = "sns.amazonaws.com";

    private final TemplatePolicies policies;

    public ImpliedCalls(TemplatePolicies policies) {
        this.policies = policies;
    }

    /** The calls with everything they imply, each once. */
    public List<RecordedCall> expand(List<RecordedCall> recorded) {
        Set<RecordedCall> all = new LinkedHashSet<>();
        for (RecordedCall call : recorded) {
            all.add(call);
            all.addAll(implied(call));
        }
        return new ArrayList<>(all);
    }

    private List<RecordedCall> implied(RecordedCall call) {
        List<RecordedCall> implied = new ArrayList<>();
        String key = policies.keyOf(call.resource());
        switch (call.action()) {
            case "sns:Publish" -> {
                useKey(call, key, true, implied);
                CallRecorder sns = new CallRecorder();
                for (String queue : policies.queuesSubscribedTo(call.resource())) {
                    sns.byService(
                            SNS,
                            "sqs:SendMessage",
                            queue,
                            call.resource(),
                            "SNS delivering to a subscribed queue, for " + call.action() + " by " + call.principal());
                }
                for (String queue : policies.deadLetterQueuesOfSubscriptionsTo(call.resource())) {
                    sns.byService(
                            SNS,
                            "sqs:SendMessage",
                            queue,
                            call.resource(),
                            "SNS moving an undeliverable message to a subscription's dead-letter queue");
                }
                for (RecordedCall delivery : sns.distinct()) {
                    implied.add(delivery);
                    useKey(delivery, policies.keyOf(delivery.resource()), true, implied);
                }
            }
            case "sqs:SendMessage" -> useKey(call, key, true, implied);
            case "sqs:ReceiveMessage" -> useKey(call, key, false, implied);
            default -> {
                // no further call
            }
        }
        return implied;
    }

    private static void useKey(RecordedCall call, String key, boolean encrypts, List<RecordedCall> implied) {
        if (key == null) {
            return;
        }
        String origin = "the key of " + call.resource() + ", for " + call.action() + " (" + call.origin() + ")";
        if (encrypts) {
            implied.add(new RecordedCall(
                    call.principal(), call.role(), "kms:GenerateDataKey", key, call.context(), origin));
        }
        implied.add(new RecordedCall(call.principal(), call.role(), "kms:Decrypt", key, call.context(), origin));
    }
}
