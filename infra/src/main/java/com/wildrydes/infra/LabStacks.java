package com.wildrydes.infra;

import software.amazon.awscdk.RemovalPolicies;
import software.amazon.awscdk.Stack;

/** What every lab stack shares. */
final class LabStacks {

    private LabStacks() {
    }

    /**
     * A lab is deployed to learn and then destroyed: `cdk destroy` removes its tables, queues, keys
     * and log groups too, instead of leaving them behind (the constructs' own default is to retain data).
     */
    static void destroyOnDelete(Stack stack) {
        RemovalPolicies.of(stack).destroy();
    }
}
