package com.wildrydes.infra;

import software.amazon.awscdk.RemovalPolicies;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;

/** What every lab stack shares. */
final class LabStacks {

    private LabStacks() {}

    /**
     * A lab is deployed to learn and then destroyed: `cdk destroy` removes its tables, queues, keys
     * and log groups too, instead of leaving them behind (the constructs' own default is to retain data).
     */
    static void destroyOnDelete(Stack stack) {
        RemovalPolicies.of(stack).destroy();
    }

    /**
     * Tags every taggable resource of the stack as the original workshop tags its resources
     * ({@code project}, {@code workshop}), plus the {@code lab}, so that a learner (or a cost report)
     * tells the labs apart in one account.
     */
    static void tagWorkshopResources(Stack stack, int lab) {
        Tags.of(stack).add("project", "wild-rydes");
        Tags.of(stack).add("workshop", "asynchronous-messaging-workshop");
        Tags.of(stack).add("lab", String.valueOf(lab));
    }
}
