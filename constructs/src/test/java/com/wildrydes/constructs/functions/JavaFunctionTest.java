package com.wildrydes.constructs.functions;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.constructs.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SystemLogLevel;

class JavaFunctionTest {

    @Test
    void runsTheNewestJavaOnArmWithSnapStartBehindTheLiveAlias() {
        Stack stack = TestStacks.newStack();
        new JavaFunction(
                stack,
                "Fn",
                JavaFunctionProps.builder()
                        .code(TestStacks.jarCode(stack))
                        .handler("a.B::handleRequest")
                        .build());
        Template template = Template.fromStack(stack);

        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Runtime",
                        "java25",
                        "Architectures",
                        List.of("arm64"),
                        "MemorySize",
                        1024,
                        "Timeout",
                        10,
                        "SnapStart",
                        Map.of("ApplyOn", "PublishedVersions"),
                        "LoggingConfig",
                        Map.of("LogGroup", Map.of("Ref", Match.stringLikeRegexp("FnLogGroup.*")))));
        template.hasResourceProperties(
                "AWS::Lambda::Alias",
                Map.of(
                        "Name",
                        "live",
                        "FunctionVersion",
                        Map.of(
                                "Fn::GetAtt",
                                List.of(Match.stringLikeRegexp("FnFunctionCurrentVersion.*"), "Version"))));
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
    }

    @Test
    void logsInLambdasJsonFormatAtInfoWithPlatformWarningsByDefault() {
        Stack stack = TestStacks.newStack();
        new JavaFunction(
                stack,
                "Fn",
                JavaFunctionProps.builder()
                        .code(TestStacks.jarCode(stack))
                        .handler("a.B::handleRequest")
                        .build());
        Template.fromStack(stack)
                .hasResourceProperties(
                        "AWS::Lambda::Function",
                        Map.of(
                                "LoggingConfig",
                                Map.of(
                                        "LogFormat",
                                        "JSON",
                                        "ApplicationLogLevel",
                                        "INFO",
                                        "SystemLogLevel",
                                        "WARN",
                                        "LogGroup",
                                        Map.of("Ref", Match.stringLikeRegexp("FnLogGroup.*")))));
    }

    @Test
    void takesChosenLogLevelsAndRefusesLevelsInTextFormat() {
        Stack stack = TestStacks.newStack();
        Code code = TestStacks.jarCode(stack);
        new JavaFunction(
                stack,
                "Fn",
                JavaFunctionProps.builder()
                        .code(code)
                        .handler("a.B::handleRequest")
                        .applicationLogLevel(ApplicationLogLevel.DEBUG)
                        .systemLogLevel(SystemLogLevel.INFO)
                        .build());
        new JavaFunction(
                stack,
                "Text",
                JavaFunctionProps.builder()
                        .code(code)
                        .handler("a.B::handleRequest")
                        .loggingFormat(LoggingFormat.TEXT)
                        .build());
        Template template = Template.fromStack(stack);
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "LoggingConfig",
                        Map.of(
                                "LogFormat",
                                "JSON",
                                "ApplicationLogLevel",
                                "DEBUG",
                                "SystemLogLevel",
                                "INFO",
                                "LogGroup",
                                Match.anyValue())));
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "LoggingConfig",
                        Map.of(
                                "LogFormat",
                                "Text",
                                "LogGroup",
                                Map.of("Ref", Match.stringLikeRegexp("TextLogGroup.*")))));

        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> new JavaFunction(
                        stack,
                        "Bad",
                        JavaFunctionProps.builder()
                                .code(code)
                                .handler("a.B::handleRequest")
                                .loggingFormat(LoggingFormat.TEXT)
                                .applicationLogLevel(ApplicationLogLevel.DEBUG)
                                .build()));
        assertTrue(
                error.getMessage().contains("Bad") && error.getMessage().contains("loggingFormat JSON"),
                error.getMessage());
    }

    @Test
    void mayWriteToItsOwnLogGroupOnly() {
        Stack stack = TestStacks.newStack();
        new JavaFunction(
                stack,
                "Fn",
                JavaFunctionProps.builder()
                        .code(TestStacks.jarCode(stack))
                        .handler("a.B::handleRequest")
                        .build());
        Template template = Template.fromStack(stack);

        template.hasResourceProperties("AWS::IAM::Role", Map.of("ManagedPolicyArns", Match.absent()));
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Map.of(
                        "PolicyDocument",
                        Map.of(
                                "Statement",
                                List.of(Map.of(
                                        "Effect", "Allow",
                                        "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                        "Resource",
                                                Map.of(
                                                        "Fn::GetAtt",
                                                        List.of(Match.stringLikeRegexp("FnLogGroup.*"), "Arn")))))));
    }

    @Test
    void takesChosenMemoryTimeoutAndConcurrency() {
        Stack stack = TestStacks.newStack();
        new JavaFunction(
                stack,
                "Fn",
                JavaFunctionProps.builder()
                        .code(TestStacks.jarCode(stack))
                        .handler("a.B::handleRequest")
                        .memorySize(512)
                        .timeout(Duration.seconds(30))
                        .reservedConcurrentExecutions(5)
                        .build());
        Template.fromStack(stack)
                .hasResourceProperties(
                        "AWS::Lambda::Function",
                        Map.of("MemorySize", 512, "Timeout", 30, "ReservedConcurrentExecutions", 5));
    }

    @Test
    void refusesARuntimeWithoutSnapStart() {
        Stack stack = TestStacks.newStack();
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> new JavaFunction(
                        stack,
                        "Fn",
                        JavaFunctionProps.builder()
                                .code(TestStacks.jarCode(stack))
                                .handler("a.B::handleRequest")
                                .runtime(Runtime.NODEJS_22_X)
                                .build()));
        assertTrue(error.getMessage().contains("got nodejs22.x"), error.getMessage());
    }

    @Test
    void withoutSnapStartKeepsTheLiveAliasOnAPublishedVersion() {
        Stack stack = TestStacks.newStack();
        new JavaFunction(
                stack,
                "Fn",
                JavaFunctionProps.builder()
                        .code(TestStacks.jarCode(stack))
                        .handler("a.B::handleRequest")
                        .snapStart(false)
                        .build());
        Template template = Template.fromStack(stack);

        template.hasResourceProperties(
                "AWS::Lambda::Function", Map.of("SnapStart", Match.absent(), "Runtime", "java25"));
        template.resourceCountIs("AWS::Lambda::Version", 1);
        template.hasResourceProperties(
                "AWS::Lambda::Alias",
                Map.of(
                        "Name",
                        "live",
                        "FunctionVersion",
                        Map.of(
                                "Fn::GetAtt",
                                List.of(Match.stringLikeRegexp("FnFunctionCurrentVersion.*"), "Version"))));
    }
}
