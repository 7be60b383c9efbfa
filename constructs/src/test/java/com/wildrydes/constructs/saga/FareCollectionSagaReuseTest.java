package com.wildrydes.constructs.saga;

import static com.wildrydes.constructs.TestStacks.assertMessage;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.constructs.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableProps;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.TopicProps;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;

/** The saga on the reuser's table, topic and log group, or on props passed through for them. */
class FareCollectionSagaReuseTest {

    private static FareCollectionSagaProps.Builder functions(Stack stack) {
        return FareCollectionSagaProps.builder()
                .chargeFunction(TestStacks.function(stack, "Charge"))
                .creditFunction(TestStacks.function(stack, "Credit"))
                .refundFunction(TestStacks.function(stack, "Refund"));
    }

    @Test
    void runsOnTheReusersTableTopicAndLogGroupCreatingNoneOfThemAndIsGrantedTheirKey() {
        Stack stack = TestStacks.newStack();
        Table table = Table.Builder.create(stack, "TheirFares")
                .partitionKey(Attribute.builder()
                        .name("fareId")
                        .type(AttributeType.STRING)
                        .build())
                .build();
        Key key = new Key(stack, "TheirKey");
        Topic topic = Topic.Builder.create(stack, "TheirTopic").masterKey(key).build();
        LogGroup logs = new LogGroup(stack, "TheirLogs");
        FareCollectionSaga saga = new FareCollectionSaga(
                stack,
                "Saga",
                functions(stack)
                        .existingTableObj(table)
                        .existingTopicObj(topic)
                        .existingLogGroupObj(logs)
                        .stateMachineType(StateMachineType.EXPRESS)
                        .timeout(Duration.minutes(2))
                        .build());
        Template template = Template.fromStack(stack);

        assertSame(table, saga.getFaresTable());
        assertSame(topic, saga.getFareProcessingTopic());
        template.resourceCountIs("AWS::DynamoDB::Table", 1);
        template.resourceCountIs("AWS::SNS::Topic", 1);
        template.resourceCountIs("AWS::KMS::Key", 1);
        template.resourceCountIs("AWS::Logs::LogGroup", 1);
        template.hasResourceProperties(
                "AWS::StepFunctions::StateMachine",
                Map.of(
                        "StateMachineType",
                        "EXPRESS",
                        "LoggingConfiguration",
                        Map.of(
                                "Destinations",
                                List.of(Map.of(
                                        "CloudWatchLogsLogGroup",
                                        Map.of(
                                                "LogGroupArn",
                                                Map.of(
                                                        "Fn::GetAtt",
                                                        List.of(Match.stringLikeRegexp("TheirLogs.*"), "Arn"))))))));
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Map.of(
                        "PolicyDocument",
                        Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "Action",
                                        List.of("kms:GenerateDataKey", "kms:Decrypt"),
                                        "Resource",
                                        Map.of(
                                                "Fn::GetAtt",
                                                List.of(Match.stringLikeRegexp("TheirKey.*"), "Arn")))))))));
        Capture definition = new Capture();
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of("DefinitionString", definition));
        assertTrue(
                definition.asObject().toString().contains("\"TimeoutSeconds\":120"),
                definition.asObject().toString());
    }

    @Test
    void tableTopicAndLogGroupPropsArePassedThroughOverTheSecureDefaults() {
        Stack stack = TestStacks.newStack();
        Key theirs = new Key(stack, "TheirKey");
        new FareCollectionSaga(
                stack,
                "Saga",
                functions(stack)
                        .tableProps(TableProps.builder()
                                .partitionKey(Attribute.builder()
                                        .name("fareId")
                                        .type(AttributeType.STRING)
                                        .build())
                                .tableName("fares")
                                .billingMode(BillingMode.PAY_PER_REQUEST)
                                .build())
                        .topicProps(TopicProps.builder()
                                .topicName("fare-outcomes")
                                .masterKey(theirs)
                                .build())
                        .logGroupProps(LogGroupProps.builder()
                                .retention(RetentionDays.ONE_YEAR)
                                .build())
                        .build());
        Template template = Template.fromStack(stack);
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "TableName", "fares",
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                        "SSESpecification", Map.of("SSEEnabled", true)));
        template.hasResourceProperties(
                "AWS::SNS::Topic",
                Map.of(
                        "TopicName",
                        "fare-outcomes",
                        "KmsMasterKeyId",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("TheirKey.*"), "Arn"))));
        template.resourceCountIs("AWS::KMS::Key", 1);
        template.resourceCountIs("AWS::SNS::TopicPolicy", 1);
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 365));
    }

    @Test
    void bothOrAWeakenedOrMismatchedResourceIsRefused() {
        Stack stack = TestStacks.newStack();
        assertMessage(
                "TestStack/Both: FareCollectionSaga: give existingTopicObj (an existing resource, used as it is) or "
                        + "topicProps (props of a new one), got both: topicProps would be ignored",
                () -> new FareCollectionSaga(
                        stack,
                        "Both",
                        functions(new Stack(stack, "A"))
                                .existingTopicObj(new Topic(stack, "T"))
                                .topicProps(TopicProps.builder().build())
                                .build()));
        assertMessage(
                "TestStack/Keys: FareCollectionSaga: tableProps must give the keys the construct uses (partition key "
                        + "fareId and no sort key, strings), got partition key id (STRING) and sort key none",
                () -> new FareCollectionSaga(
                        stack,
                        "Keys",
                        functions(new Stack(stack, "B"))
                                .tableProps(TableProps.builder()
                                        .partitionKey(Attribute.builder()
                                                .name("id")
                                                .type(AttributeType.STRING)
                                                .build())
                                        .build())
                                .build()));
        assertMessage(
                "TestStack/Express: FareCollectionSaga: an EXPRESS saga runs at most 5 minutes (Step Functions' "
                        + "limit), got timeout 10 minutes",
                () -> new FareCollectionSaga(
                        stack,
                        "Express",
                        functions(new Stack(stack, "C"))
                                .stateMachineType(StateMachineType.EXPRESS)
                                .timeout(Duration.minutes(10))
                                .build()));
    }
}
