package com.wildrydes.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/** The ride-completion topic of labs 1 and 2: encrypted with a rotating customer-managed key, TLS only. */
final class RideCompletionTopic {

    private RideCompletionTopic() {
    }

    static Topic create(Construct scope) {
        Key key = Key.Builder.create(scope, "RideCompletionTopicKey")
                .description("Encrypts the Wild Rydes ride-completion topic at rest")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.DESTROY)
                .pendingWindow(Duration.days(7))
                .build();
        return Topic.Builder.create(scope, "RideCompletionTopic")
                .displayName("Wild Rydes ride completions")
                .masterKey(key)
                .enforceSsl(true)
                .build();
    }
}
