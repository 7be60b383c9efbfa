package com.wildrydes.local.template;

import java.util.List;
import java.util.Set;

/**
 * Which CloudFormation resource types local mode brings up, which it knowingly leaves out
 * (they have no local meaning: access control, encryption keys, logs, alarms), and the refusal of
 * any other type, so that nothing in a template is skipped silently.
 */
public final class ResourceTypes {

    /** Brought up in the engines or in this JVM, in this order (a later kind refers to earlier ones). */
    public static final List<String> EMULATED = List.of(
            "AWS::DynamoDB::Table",
            "AWS::SQS::Queue",
            "AWS::SNS::Topic",
            "AWS::Lambda::Function",
            "AWS::Lambda::Version",
            "AWS::Lambda::Alias",
            "AWS::Lambda::EventInvokeConfig",
            "AWS::SNS::Subscription",
            "AWS::Lambda::EventSourceMapping",
            "AWS::ApiGateway::RestApi",
            "AWS::ApiGateway::Resource",
            "AWS::ApiGateway::Model",
            "AWS::ApiGateway::RequestValidator",
            "AWS::ApiGateway::Method",
            "AWS::ApiGateway::GatewayResponse",
            "AWS::ApiGateway::Deployment",
            "AWS::ApiGateway::Stage",
            "AWS::StepFunctions::StateMachine");

    /** Present in our templates, without local meaning: listed at start-up as not emulated. */
    public static final Set<String> NOT_EMULATED = Set.of(
            "AWS::IAM::Role",
            "AWS::IAM::Policy",
            "AWS::KMS::Key",
            "AWS::KMS::Alias",
            "AWS::Logs::LogGroup",
            "AWS::Logs::MetricFilter",
            "AWS::CloudWatch::Alarm",
            "AWS::Lambda::Permission",
            "AWS::SQS::QueuePolicy",
            "AWS::SNS::TopicPolicy",
            "AWS::ApiGateway::Account",
            "AWS::CDK::Metadata");

    private ResourceTypes() {}

    /** Stops with the logical ID and type of the first resource local mode does not know. */
    public static void requireKnown(String logicalId, String type) {
        if (!EMULATED.contains(type) && !NOT_EMULATED.contains(type)) {
            throw new UnsupportedResourceException(logicalId, type);
        }
    }

    /** A resource type local mode cannot bring up and will not skip. */
    public static final class UnsupportedResourceException extends IllegalArgumentException {

        public UnsupportedResourceException(String logicalId, String type) {
            super("Resource " + logicalId + " has type " + type + ", which local mode does not emulate; emulated: "
                    + EMULATED + "; knowingly not emulated: "
                    + NOT_EMULATED.stream().sorted().toList());
        }
    }
}
