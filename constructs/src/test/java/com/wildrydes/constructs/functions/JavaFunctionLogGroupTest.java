package com.wildrydes.constructs.functions;

import static com.wildrydes.constructs.TestStacks.assertMessage;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.wildrydes.constructs.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.amazon.awscdk.services.logs.RetentionDays;

/** A JavaFunction writes to the reuser's log group, or to a new one made from their props. */
class JavaFunctionLogGroupTest {

    private static JavaFunctionProps.Builder jar(Stack stack) {
        return JavaFunctionProps.builder().code(TestStacks.jarCode(stack)).handler("a.B::handleRequest");
    }

    @Test
    void writesToTheReusersLogGroupAndCreatesNone() {
        Stack stack = TestStacks.newStack();
        ILogGroup theirs = LogGroup.fromLogGroupName(stack, "Theirs", "/platform/pricing");
        JavaFunction fn = new JavaFunction(
                stack, "Fn", jar(stack).existingLogGroupObj(theirs).build());
        Template template = Template.fromStack(stack);

        assertSame(theirs, fn.getLogGroup());
        template.resourceCountIs("AWS::Logs::LogGroup", 0);
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of("LoggingConfig", Match.objectLike(Map.of("LogGroup", "/platform/pricing"))));
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Map.of(
                        "PolicyDocument",
                        Map.of(
                                "Statement",
                                List.of(Match.objectLike(Map.of(
                                        "Action",
                                        List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                        "Resource",
                                        Match.objectLike(Map.of("Fn::Join", Match.anyValue()))))))));
    }

    @Test
    void aNewLogGroupTakesTheReusersRetentionKeyAndRemovalPolicy() {
        Stack stack = TestStacks.newStack();
        Key key = new Key(stack, "LogsKey");
        new JavaFunction(
                stack,
                "Fn",
                jar(stack)
                        .logGroupProps(LogGroupProps.builder()
                                .retention(RetentionDays.ONE_YEAR)
                                .encryptionKey(key)
                                .removalPolicy(RemovalPolicy.RETAIN)
                                .build())
                        .build());
        Template template = Template.fromStack(stack);

        template.hasResource(
                "AWS::Logs::LogGroup",
                Map.of(
                        "Properties",
                        Map.of(
                                "RetentionInDays",
                                365,
                                "KmsKeyId",
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("LogsKey.*"), "Arn"))),
                        "DeletionPolicy",
                        "Retain"));
    }

    @Test
    void logGroupPropsWithoutARetentionKeepTheDefaultMonth() {
        Stack stack = TestStacks.newStack();
        new JavaFunction(
                stack,
                "Fn",
                jar(stack).logGroupProps(LogGroupProps.builder().build()).build());
        Template.fromStack(stack).hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
    }

    @Test
    void anExistingLogGroupWithPropsOrARetentionIsRefused() {
        assertMessage(
                "Fn: JavaFunction: give existingLogGroupObj (an existing resource, used as it is) or logGroupProps "
                        + "(props of a new one), got both",
                () -> {
                    Stack stack = TestStacks.newStack();
                    new JavaFunction(
                            stack,
                            "Fn",
                            jar(stack)
                                    .existingLogGroupObj(LogGroup.fromLogGroupName(stack, "Theirs", "/x"))
                                    .logGroupProps(LogGroupProps.builder().build())
                                    .build());
                });
        assertMessage(
                "Fn: JavaFunction: give existingLogGroupObj (an existing resource, used as it is) or logRetention",
                () -> {
                    Stack stack = TestStacks.newStack();
                    new JavaFunction(
                            stack,
                            "Fn",
                            jar(stack)
                                    .existingLogGroupObj(LogGroup.fromLogGroupName(stack, "Theirs", "/x"))
                                    .logRetention(RetentionDays.ONE_DAY)
                                    .build());
                });
        assertMessage(
                "Fn: JavaFunction: give the log group's retention as logRetention or in logGroupProps, got both",
                () -> {
                    Stack stack = TestStacks.newStack();
                    new JavaFunction(
                            stack,
                            "Fn",
                            jar(stack)
                                    .logRetention(RetentionDays.ONE_DAY)
                                    .logGroupProps(LogGroupProps.builder()
                                            .retention(RetentionDays.ONE_WEEK)
                                            .build())
                                    .build());
                });
    }
}
