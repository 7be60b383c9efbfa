package com.wildrydes.infra;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnOutputProps;
import software.constructs.Construct;

/**
 * The outputs under the original workshop's keys (aws-samples/asynchronous-messaging-workshop, its
 * SAM templates), so that the original's {@code describe-stacks} queries work against our stacks. Our
 * own, more precise keys stay; these repeat them under the original's names. They live in their own
 * scope, because some original keys equal construct IDs of the stack (lab 1's
 * {@code CustomerAccountingFunction}); each output's logical ID, which is its key, is set to the
 * original's.
 */
final class OriginalOutputs {

    private static final String SCOPE_ID = "OriginalWorkshopOutputs";

    private final Construct scope;

    private OriginalOutputs(Construct scope) {
        this.scope = scope;
    }

    static OriginalOutputs of(Construct stack) {
        Construct existing = (Construct) stack.getNode().tryFindChild(SCOPE_ID);
        return new OriginalOutputs(existing != null ? existing : new Construct(stack, SCOPE_ID));
    }

    OriginalOutputs add(String originalKey, String value, String description) {
        CfnOutput output = new CfnOutput(
                scope,
                originalKey,
                CfnOutputProps.builder()
                        .value(value)
                        .description(description + " (the original workshop's key)")
                        .build());
        output.overrideLogicalId(originalKey);
        return this;
    }
}
