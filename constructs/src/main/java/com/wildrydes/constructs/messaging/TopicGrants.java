package com.wildrydes.constructs.messaging;

import java.util.List;
import software.amazon.awscdk.EncryptedPermissionsOptions;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * Publish rights on a topic without wildcards. {@code ITopic.grantPublish} grants
 * {@code kms:GenerateDataKey*} on an encrypted topic's key; publishing needs exactly
 * {@code kms:GenerateDataKey} and {@code kms:Decrypt}, so that is all this grants.
 */
public final class TopicGrants {

    private TopicGrants() {}

    /**
     * Allows {@code grantee} to publish to {@code topic}: {@code sns:Publish} on that topic only and, when
     * a KMS key encrypts the topic, {@code kms:GenerateDataKey} and {@code kms:Decrypt} on that key. As
     * aws-cdk-lib grants (it is aws-cdk-lib's own {@code sns.TopicGrants} with narrower key actions): on
     * the principal's policy when it has one in this account, otherwise on the topic's resource policy
     * (a service or account principal); an imported topic's policy is its owner's.
     *
     * @param topic the topic to publish to
     * @param grantee the principal that publishes, such as a function or its role
     * @return the grant: the publish statement, combined with the key's when the topic is encrypted
     */
    public static Grant grantPublish(ITopic topic, IGrantable grantee) {
        return software.amazon.awscdk.services.sns.TopicGrants.fromTopic(topic)
                .actions(
                        grantee,
                        List.of("sns:Publish"),
                        EncryptedPermissionsOptions.builder()
                                .keyActions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                                .build());
    }
}
