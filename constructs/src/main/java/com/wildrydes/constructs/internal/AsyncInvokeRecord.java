package com.wildrydes.constructs.internal;

import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * Which construct configured a function's asynchronous invocation, and its on-failure queue: kept in
 * the construct tree, as a child of CDK's {@code EventInvokeConfig} (no resource, no static state),
 * so that a later construct on the same function can compare its settings and name that queue.
 */
final class AsyncInvokeRecord extends Construct {

    static final String ID = "WildRydesConfiguredBy";

    private final String configuredBy;
    private final IQueue failedInvocationsQueue;

    AsyncInvokeRecord(IConstruct config, String configuredBy, IQueue failedInvocationsQueue) {
        super((Construct) config, ID);
        this.configuredBy = configuredBy;
        this.failedInvocationsQueue = failedInvocationsQueue;
    }

    String configuredBy() {
        return configuredBy;
    }

    IQueue failedInvocationsQueue() {
        return failedInvocationsQueue;
    }
}
