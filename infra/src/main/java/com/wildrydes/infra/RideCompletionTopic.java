package com.wildrydes.infra;

import com.wildrydes.constructs.internal.SecureResources;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/** The ride-completion topic of labs 1 and 2: encrypted with a rotating customer-managed key, TLS only. */
final class RideCompletionTopic {

    private RideCompletionTopic() {}

    static Topic create(Construct scope) {
        Key key = SecureResources.rotatingKey(
                scope, "RideCompletionTopicKey", "Encrypts the Wild Rydes ride-completion topic at rest");
        return SecureResources.encryptedTopic(scope, "RideCompletionTopic", key);
    }
}
