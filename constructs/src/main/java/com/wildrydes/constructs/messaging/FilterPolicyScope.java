package com.wildrydes.constructs.messaging;

/** What an SNS filter policy is matched against. */
public enum FilterPolicyScope {
    /** The message attributes: the publisher sets them, the body is not parsed. SNS's default. */
    MESSAGE_ATTRIBUTES("MessageAttributes"),
    /** The JSON message body: no attribute needs to be set by the publisher. */
    MESSAGE_BODY("MessageBody");

    private final String cloudFormationValue;

    FilterPolicyScope(String cloudFormationValue) {
        this.cloudFormationValue = cloudFormationValue;
    }

    /**
     * The value CloudFormation expects in {@code AWS::SNS::Subscription.FilterPolicyScope} for this scope.
     *
     * @return {@code MessageAttributes} or {@code MessageBody}
     */
    public String cloudFormationValue() {
        return cloudFormationValue;
    }
}
