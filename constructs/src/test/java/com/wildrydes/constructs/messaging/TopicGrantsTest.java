package com.wildrydes.constructs.messaging;

import com.wildrydes.constructs.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sns.Topic;

/**
 * {@code grantPublish} follows aws-cdk-lib's grant contract: on the principal's policy when it has
 * one, otherwise on the topic's resource policy (a service or account principal has no policy).
 */
class TopicGrantsTest {

    @Test
    void aServicePrincipalIsGrantedOnTheTopicsResourcePolicy() {
        Stack stack = TestStacks.newStack();
        Topic topic = new Topic(stack, "Orders");
        TopicGrants.grantPublish(topic, new ServicePrincipal("events.amazonaws.com"));
        Template.fromStack(stack)
                .hasResourceProperties(
                        "AWS::SNS::TopicPolicy",
                        Map.of(
                                "PolicyDocument",
                                Map.of(
                                        "Statement",
                                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                                "Action",
                                                "sns:Publish",
                                                "Principal",
                                                Map.of("Service", "events.amazonaws.com"))))))));
    }
}
