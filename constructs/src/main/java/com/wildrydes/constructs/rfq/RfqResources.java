package com.wildrydes.constructs.rfq;

import com.wildrydes.constructs.internal.ExistingOrProps;
import com.wildrydes.constructs.internal.SecureResources;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.TopicProps;
import software.constructs.Construct;

/**
 * The topics and table of a {@link ScatterGatherRfq}: the reuser's, or new ones from their props over
 * the secure defaults. The two new topics share one rotating key, created only if a new topic needs it.
 */
final class RfqResources {

    private static final String CONSTRUCT = "ScatterGatherRfq";

    private final Construct scope;
    private final ScatterGatherRfqProps props;
    private IKey topicsKey;

    RfqResources(Construct scope, ScatterGatherRfqProps props) {
        this.scope = scope;
        this.props = props;
    }

    static void validate(ScatterGatherRfqProps props) {
        ExistingOrProps.requireNotBoth(
                CONSTRUCT, "existingTableObj", props.getExistingTableObj(), "tableProps", props.getTableProps());
        ExistingOrProps.requireNotBoth(
                CONSTRUCT,
                "existingTableObj",
                props.getExistingTableObj(),
                "tableRemovalPolicy",
                props.getTableRemovalPolicy());
        ExistingOrProps.requireNotBoth(
                CONSTRUCT,
                "existingRequestTopicObj",
                props.getExistingRequestTopicObj(),
                "requestTopicProps",
                props.getRequestTopicProps());
        ExistingOrProps.requireNotBoth(
                CONSTRUCT,
                "existingCompletionTopicObj",
                props.getExistingCompletionTopicObj(),
                "completionTopicProps",
                props.getCompletionTopicProps());
        ExistingOrProps.requireNotBoth(
                CONSTRUCT, "existingApiObj", props.getExistingApiObj(), "apiProps", props.getApiProps());
        if (props.getExistingApiObj() != null
                && (props.getSubmitRateLimit() != null || props.getSubmitBurstLimit() != null)) {
            throw new IllegalArgumentException(CONSTRUCT + ": submitRateLimit and submitBurstLimit set the stage of "
                    + "the API this construct creates, got them with existingApiObj: throttle your own stage");
        }
        for (ITopic topic : new ITopic[] {props.getExistingRequestTopicObj(), props.getExistingCompletionTopicObj()}) {
            if (topic != null && Boolean.TRUE.equals(topic.getFifo())) {
                throw new IllegalArgumentException(CONSTRUCT + ": existingRequestTopicObj and "
                        + "existingCompletionTopicObj must be standard topics (the functions publish without a "
                        + "message group), got a FIFO topic " + topic.getNode().getPath());
            }
        }
        if (props.getResponseQueueProps() != null
                && props.getResponseQueueProps().getVisibilityTimeout() != null
                && props.getResponseQueueVisibilityTimeout() != null) {
            throw new IllegalArgumentException(CONSTRUCT + ": give the response queue's visibility timeout as "
                    + "responseQueueVisibilityTimeout or in responseQueueProps, got both");
        }
    }

    ITopic requestTopic() {
        return props.getExistingRequestTopicObj() != null
                ? props.getExistingRequestTopicObj()
                : topic("RequestTopic", "requestTopicProps", props.getRequestTopicProps());
    }

    ITopic completionTopic() {
        return props.getExistingCompletionTopicObj() != null
                ? props.getExistingCompletionTopicObj()
                : topic("CompletionTopic", "completionTopicProps", props.getCompletionTopicProps());
    }

    ITable table() {
        return props.getExistingTableObj() != null
                ? props.getExistingTableObj()
                : SecureResources.table(
                        scope,
                        "RidesBookingTable",
                        "id",
                        "responder",
                        props.getTableRemovalPolicy(),
                        CONSTRUCT + ": tableProps",
                        props.getTableProps());
    }

    private ITopic topic(String id, String propsName, TopicProps given) {
        IKey key = given != null && given.getMasterKey() != null ? null : topicsKey();
        return SecureResources.topic(scope, id, key, CONSTRUCT + ": " + propsName, given);
    }

    private IKey topicsKey() {
        if (topicsKey == null) {
            topicsKey = SecureResources.rotatingKey(
                    scope, "TopicsKey", "Encrypts the request-for-quotes and completion topics at rest");
        }
        return topicsKey;
    }
}
