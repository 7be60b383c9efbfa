package com.wildrydes.constructs.saga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.constructs.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.lambda.Function;

class FareCollectionSagaTest {

    private static Template saga(FareCollectionSagaProps.Builder props) {
        Stack stack = TestStacks.newStack();
        new FareCollectionSaga(
                stack,
                "Saga",
                props.chargeFunction(TestStacks.function(stack, "Charge"))
                        .creditFunction(TestStacks.function(stack, "Credit"))
                        .refundFunction(TestStacks.function(stack, "Refund"))
                        .build());
        return Template.fromStack(stack);
    }

    private static String definition(Template template) {
        Capture definition = new Capture();
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of("DefinitionString", definition));
        return definition.asObject().toString();
    }

    @Test
    void aTaskOnAFunctionInAnotherAccountWarnsWithThePermissionItsOwnerMustAdd() {
        Stack stack = new Stack(
                new App(),
                "Payments",
                StackProps.builder()
                        .env(Environment.builder()
                                .account("111111111111")
                                .region("eu-west-1")
                                .build())
                        .build());
        String creditArn = "arn:aws:lambda:eu-west-1:222222222222:function:credit-account";
        new FareCollectionSaga(
                stack,
                "Saga",
                FareCollectionSagaProps.builder()
                        .chargeFunction(TestStacks.function(stack, "Charge"))
                        .creditFunction(Function.fromFunctionArn(stack, "Credit", creditArn))
                        .refundFunction(TestStacks.function(stack, "Refund"))
                        .build());

        List<SynthesisMessage> warnings =
                Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp(".*222222222222.*"));
        assertEquals(1, warnings.size(), warnings.toString());
        String warning = warnings.get(0).getEntry().getData().toString();
        assertEquals("/Payments/Saga", warnings.get(0).getId());
        assertTrue(
                warning.contains("aws lambda add-permission --function-name " + creditArn
                        + " --statement-id WildRydesFareCollectionSaga --action lambda:InvokeFunction"
                        + " --principal 111111111111"),
                warning);
        assertTrue(warning.contains("CreditCustomerAccount"), warning);
    }

    @Test
    void tasksOnThisAccountsFunctionsWarnOfNothing() {
        Stack stack = TestStacks.newStack();
        new FareCollectionSaga(
                stack,
                "Saga",
                FareCollectionSagaProps.builder()
                        .chargeFunction(TestStacks.function(stack, "Charge"))
                        .creditFunction(TestStacks.function(stack, "Credit"))
                        .refundFunction(TestStacks.function(stack, "Refund"))
                        .build());
        assertEquals(
                List.of(), Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp(".*add-permission.*")));
    }

    @Test
    void catchesThisProjectsJavaExceptionsByDefault() {
        String definition = definition(saga(FareCollectionSagaProps.builder()));
        for (String error : List.of(
                "com.wildrydes.lambdas.fares.PaymentAuthorizationException",
                "com.wildrydes.lambdas.fares.PaymentChargeException",
                "DynamoDB.ConditionalCheckFailedException")) {
            assertTrue(definition.contains("\"" + error + "\""), error + " in the definition");
        }
    }

    @Test
    void catchesTheErrorsOfYourOwnPaymentServices() {
        String definition = definition(saga(FareCollectionSagaProps.builder().paymentErrors(List.of("CardDeclined"))));
        assertTrue(definition.contains("[\"CardDeclined\"]"), definition);
        assertTrue(!definition.contains("PaymentAuthorizationException"), definition);
    }

    @Test
    void faresTableQueuesAndAlarmAreSecureAndRetained() {
        Template template = saga(FareCollectionSagaProps.builder().stateMachineName("fares-complete"));
        template.hasResource(
                "AWS::DynamoDB::Table",
                Map.of(
                        "DeletionPolicy",
                        "Retain",
                        "Properties",
                        Map.of(
                                "KeySchema", List.of(Map.of("AttributeName", "fareId", "KeyType", "HASH")),
                                "SSESpecification", Map.of("SSEEnabled", true))));
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
        template.resourceCountIs("AWS::SNS::Subscription", 3);
        template.hasResourceProperties(
                "AWS::StepFunctions::StateMachine",
                Map.of("StateMachineName", "fares-complete", "TracingConfiguration", Map.of("Enabled", true)));
    }

    /**
     * A declined card is settled by the saga itself: no alarm counts every failed execution. The alarms
     * watch what needs an operator; the transactions queues, which nothing in the saga consumes, alarm only
     * on a notification left unread 10 days, before SQS drops it at 14.
     */
    @Test
    void alarmsFireOnWhatNeedsAnOperatorOnly() {
        Stack stack = TestStacks.newStack();
        FareCollectionSaga saga = new FareCollectionSaga(
                stack,
                "Saga",
                FareCollectionSagaProps.builder()
                        .chargeFunction(TestStacks.function(stack, "Charge"))
                        .creditFunction(TestStacks.function(stack, "Credit"))
                        .refundFunction(TestStacks.function(stack, "Refund"))
                        .build());
        Template template = Template.fromStack(stack);

        template.resourcePropertiesCountIs("AWS::CloudWatch::Alarm", Map.of("MetricName", "ExecutionsFailed"), 0);
        template.resourcePropertiesCountIs(
                "AWS::CloudWatch::Alarm", Map.of("MetricName", "ApproximateAgeOfOldestMessage"), 2);
        template.resourcePropertiesCountIs(
                "AWS::CloudWatch::Alarm",
                Map.of("MetricName", "ApproximateAgeOfOldestMessage", "Threshold", 10 * 24 * 3600),
                2);
        template.hasResourceProperties(
                "AWS::SNS::Subscription", Map.of("FilterPolicy", Map.of("NeedsOperator", List.of("true"))));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "MetricName",
                        "ApproximateNumberOfMessagesVisible",
                        "Threshold",
                        1,
                        "Dimensions",
                        List.of(Map.of(
                                "Name",
                                "QueueName",
                                "Value",
                                Map.of(
                                        "Fn::GetAtt",
                                        List.of(Match.stringLikeRegexp("SagaOperatorActionsQueue.*"), "QueueName"))))));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "Metrics",
                        Match.arrayWith(List.of(Map.of(
                                "Id",
                                "expr_1",
                                "Expression",
                                "timedOut + aborted",
                                "Label",
                                Match.anyValue(),
                                "ReturnData",
                                true)))));
        template.hasResourceProperties(
                "AWS::Logs::MetricFilter",
                Map.of(
                        "FilterPattern",
                        "{ ($.type = \"ExecutionFailed\") && ($.details.error != \"FareCollectionFailed\") && "
                                + "($.details.error != \"FareAlreadyRegistered\") && ($.details.error != \"FareNeedsManualRefund\") && "
                                + "($.details.error != \"FareChargeOutcomeUnknown\") }"));
        assertEquals(8, saga.getAlarms().size());
        assertTrue(saga.getAlarms()
                .containsAll(List.of(
                        saga.getOperatorActionsAlarm(),
                        saga.getUnfinishedExecutionsAlarm(),
                        saga.getUnexpectedFailuresAlarm(),
                        saga.getOperatorActions().getDeadLetterAlarm())));
    }

    @Test
    void executionLogsAreVendedLogs() {
        Template template = saga(FareCollectionSagaProps.builder().stateMachineName("fares-complete"));
        template.hasResourceProperties(
                "AWS::Logs::LogGroup",
                Map.of(
                        "LogGroupName",
                        Map.of(
                                "Fn::Join",
                                List.of("", Match.arrayWith(List.of("/aws/vendedlogs/states/fares-complete-"))))));
        Template unnamed = saga(FareCollectionSagaProps.builder());
        unnamed.hasResourceProperties(
                "AWS::Logs::LogGroup",
                Map.of(
                        "LogGroupName",
                        Map.of(
                                "Fn::Join",
                                List.of(
                                        "",
                                        Match.arrayWith(List.of(
                                                Match.stringLikeRegexp("/aws/vendedlogs/states/.*Saga.*-")))))));
    }
}
