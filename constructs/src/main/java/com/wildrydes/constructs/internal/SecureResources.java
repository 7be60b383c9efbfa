package com.wildrydes.constructs.internal;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/** The table, key and topic defaults every construct here shares: encrypted, recoverable, TLS only. */
public final class SecureResources {

    private SecureResources() {}

    /**
     * An on-demand table with string keys, encrypted with an AWS-managed key, with point-in-time
     * recovery, retained on deletion unless {@code removalPolicy} says otherwise.
     */
    public static Table table(
            Construct scope, String id, String partitionKey, String sortKey, RemovalPolicy removalPolicy) {
        Table.Builder table = Table.Builder.create(scope, id)
                .partitionKey(Attribute.builder()
                        .name(partitionKey)
                        .type(AttributeType.STRING)
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.AWS_MANAGED)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .removalPolicy(removalPolicy != null ? removalPolicy : RemovalPolicy.RETAIN);
        if (sortKey != null) {
            table.sortKey(
                    Attribute.builder().name(sortKey).type(AttributeType.STRING).build());
        }
        return table.build();
    }

    /** A customer-managed KMS key that rotates yearly. */
    public static Key rotatingKey(Construct scope, String id, String description) {
        return Key.Builder.create(scope, id)
                .description(description)
                .enableKeyRotation(true)
                .build();
    }

    /** A topic encrypted at rest with {@code key} whose policy refuses requests not made over TLS. */
    public static Topic encryptedTopic(Construct scope, String id, IKey key) {
        return Topic.Builder.create(scope, id).masterKey(key).enforceSsl(true).build();
    }
}
