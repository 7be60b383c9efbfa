package com.wildrydes.constructs.internal;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.dynamodb.TableProps;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.TopicProps;
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
        return table(scope, id, partitionKey, sortKey, removalPolicy, null, null);
    }

    /**
     * The table as above, with the reuser's {@code given} props (named {@code propsName} in messages)
     * passed through over those defaults: every option of aws-cdk-lib's {@code TableProps}. Refused: other
     * keys than the construct reads and writes, and point-in-time recovery turned off.
     */
    public static Table table(
            Construct scope,
            String id,
            String partitionKey,
            String sortKey,
            RemovalPolicy removalPolicy,
            String propsName,
            TableProps given) {
        TableProps.Builder table = TableProps.builder()
                .partitionKey(stringKey(partitionKey))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.AWS_MANAGED)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .removalPolicy(removalPolicy != null ? removalPolicy : RemovalPolicy.RETAIN);
        if (sortKey != null) {
            table.sortKey(stringKey(sortKey));
        }
        if (given != null) {
            String expected = "partition key " + partitionKey
                    + (sortKey == null ? " and no sort key" : " and sort key " + sortKey) + ", strings";
            if (!sameKey(given.getPartitionKey(), partitionKey) || !sameKey(given.getSortKey(), sortKey)) {
                throw new IllegalArgumentException(propsName + " must give the keys the construct uses (" + expected
                        + "), got partition key " + keyText(given.getPartitionKey()) + " and sort key "
                        + keyText(given.getSortKey()));
            }
            boolean recoveryOff = Boolean.FALSE.equals(given.getPointInTimeRecovery())
                    || (given.getPointInTimeRecoverySpecification() != null
                            && Boolean.FALSE.equals(
                                    given.getPointInTimeRecoverySpecification().getPointInTimeRecoveryEnabled()));
            if (recoveryOff) {
                throw new IllegalArgumentException(propsName + ": point-in-time recovery must stay on (a table "
                        + "of payments must be recoverable), got it turned off");
            }
            if (removalPolicy != null && given.getRemovalPolicy() != null) {
                throw new IllegalArgumentException(
                        propsName + ".removalPolicy and tableRemovalPolicy both given: " + "give one");
            }
            StructCopy.into(TableProps.class, given, table);
        }
        return new Table(scope, id, table.build());
    }

    private static Attribute stringKey(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    private static boolean sameKey(Attribute given, String expected) {
        if (given == null || expected == null) {
            return given == null && expected == null;
        }
        return expected.equals(given.getName()) && given.getType() == AttributeType.STRING;
    }

    private static String keyText(Attribute key) {
        return key == null ? "none" : key.getName() + " (" + key.getType() + ")";
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

    /**
     * A standard topic from the reuser's {@code given} props over the defaults above (their
     * {@code masterKey} replaces {@code key}): every option of aws-cdk-lib's {@code TopicProps}. Refused:
     * {@code enforceSSL} false, and a FIFO topic (the constructs publish without a message group).
     */
    public static Topic topic(Construct scope, String id, IKey key, String propsName, TopicProps given) {
        if (given != null && Boolean.FALSE.equals(given.getEnforceSSL())) {
            throw new IllegalArgumentException(
                    propsName + ".enforceSSL must stay true (the topic refuses plain HTTP), got false");
        }
        if (given != null && Boolean.TRUE.equals(given.getFifo())) {
            throw new IllegalArgumentException(
                    propsName + ".fifo must be false (the constructs publish without a message group), got true");
        }
        TopicProps.Builder topic = TopicProps.builder().masterKey(key).enforceSsl(true);
        return new Topic(
                scope, id, StructCopy.into(TopicProps.class, given, topic).build());
    }
}
