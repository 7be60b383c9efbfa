package com.wildrydes.constructs.rfq;

import static com.wildrydes.constructs.TestStacks.assertMessage;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.wildrydes.constructs.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.RestApiProps;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableProps;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.TopicProps;
import software.amazon.awscdk.services.sqs.QueueProps;

/** A request for quotes on the reuser's table, topics and API, or on props passed through for them. */
class ScatterGatherRfqReuseTest {

    private static ScatterGatherRfqProps.Builder oneResponder(Stack stack) {
        return ScatterGatherRfqProps.builder()
                .code(TestStacks.jarCode(stack))
                .responders(List.of(TestStacks.function(stack, "Pricing")))
                .responderNames(List.of("pricing"));
    }

    @Test
    void runsOnTheReusersTableTopicsAndApiCreatingNoneOfThemNorTheTopicsKey() {
        Stack stack = TestStacks.newStack();
        Table table = Table.Builder.create(stack, "TheirTable")
                .partitionKey(Attribute.builder()
                        .name("id")
                        .type(AttributeType.STRING)
                        .build())
                .sortKey(Attribute.builder()
                        .name("responder")
                        .type(AttributeType.STRING)
                        .build())
                .build();
        Topic requests = new Topic(stack, "TheirRequests");
        Topic completions = new Topic(stack, "TheirCompletions");
        RestApi api = new RestApi(stack, "TheirApi");
        api.getRoot().addMethod("GET");
        ScatterGatherRfq rfq = new ScatterGatherRfq(
                stack,
                "Rfq",
                oneResponder(stack)
                        .existingTableObj(table)
                        .existingRequestTopicObj(requests)
                        .existingCompletionTopicObj(completions)
                        .existingApiObj(api)
                        .build());
        Template template = Template.fromStack(stack);

        assertSame(table, rfq.getTable());
        assertSame(requests, rfq.getRequestTopic());
        assertSame(completions, rfq.getCompletionTopic());
        assertSame(api, rfq.getApi());
        template.resourceCountIs("AWS::DynamoDB::Table", 1);
        template.resourceCountIs("AWS::SNS::Topic", 2);
        template.resourceCountIs("AWS::KMS::Key", 0);
        template.resourceCountIs("AWS::ApiGateway::RestApi", 1);
        template.resourceCountIs("AWS::ApiGateway::GatewayResponse", 0);
        template.hasResourceProperties(
                "AWS::ApiGateway::Resource",
                Map.of(
                        "PathPart",
                        "submit-instant-ride-rfq",
                        "RestApiId",
                        Map.of("Ref", Match.stringLikeRegexp("TheirApi.*"))));
    }

    @Test
    void tableTopicQueueAndApiPropsArePassedThroughOverTheDefaults() {
        Stack stack = TestStacks.newStack();
        new ScatterGatherRfq(
                stack,
                "Rfq",
                oneResponder(stack)
                        .tableProps(TableProps.builder()
                                .partitionKey(Attribute.builder()
                                        .name("id")
                                        .type(AttributeType.STRING)
                                        .build())
                                .sortKey(Attribute.builder()
                                        .name("responder")
                                        .type(AttributeType.STRING)
                                        .build())
                                .tableName("quotes")
                                .build())
                        .requestTopicProps(
                                TopicProps.builder().topicName("rfq-requests").build())
                        .responseQueueProps(QueueProps.builder()
                                .queueName("rfq-responses")
                                .deliveryDelay(Duration.seconds(1))
                                .build())
                        .apiProps(RestApiProps.builder()
                                .restApiName("quotes-api")
                                .deployOptions(
                                        StageOptions.builder().stageName("v1").build())
                                .build())
                        .build());
        Template template = Template.fromStack(stack);
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "TableName",
                        "quotes",
                        "PointInTimeRecoverySpecification",
                        Map.of("PointInTimeRecoveryEnabled", true)));
        template.hasResourceProperties(
                "AWS::SNS::Topic", Map.of("TopicName", "rfq-requests", "KmsMasterKeyId", Match.anyValue()));
        template.hasResourceProperties(
                "AWS::SQS::Queue",
                Map.of("QueueName", "rfq-responses", "DelaySeconds", 1, "SqsManagedSseEnabled", true));
        template.hasResourceProperties("AWS::ApiGateway::RestApi", Map.of("Name", "quotes-api"));
        // The stage keeps its defaults (tracing, access logs, throttles) beside the reuser's stage name.
        template.hasResourceProperties(
                "AWS::ApiGateway::Stage",
                Map.of(
                        "StageName",
                        "v1",
                        "TracingEnabled",
                        true,
                        "AccessLogSetting",
                        Match.objectLike(Map.of("DestinationArn", Match.anyValue()))));
    }

    @Test
    void bothOrAThrottleForTheReusersStageOrAWeakenedQueueIsRefused() {
        Stack stack = TestStacks.newStack();
        assertMessage(
                "TestStack/Both: ScatterGatherRfq: give existingApiObj (an existing resource, used as it is) or "
                        + "apiProps (props of a new one), got both: apiProps would be ignored",
                () -> new ScatterGatherRfq(
                        stack,
                        "Both",
                        oneResponder(new Stack(stack, "A"))
                                .existingApiObj(new RestApi(stack, "Api1"))
                                .apiProps(RestApiProps.builder().build())
                                .build()));
        assertMessage(
                "ScatterGatherRfq: submitRateLimit and submitBurstLimit set the stage of the API this construct "
                        + "creates, got them with existingApiObj",
                () -> new ScatterGatherRfq(
                        stack,
                        "Throttle",
                        oneResponder(new Stack(stack, "B"))
                                .existingApiObj(new RestApi(stack, "Api2"))
                                .submitRateLimit(5)
                                .build()));
        assertMessage(
                "TestStack/Fifo: ScatterGatherRfq: deadlineQueueProps.fifo must be false (a queue is FIFO when the "
                        + "topic is), got true",
                () -> new ScatterGatherRfq(
                        stack,
                        "Fifo",
                        oneResponder(new Stack(stack, "C"))
                                .deadlineQueueProps(
                                        QueueProps.builder().fifo(true).build())
                                .build()));
    }
}
