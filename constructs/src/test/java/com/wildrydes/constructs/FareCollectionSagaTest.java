package com.wildrydes.constructs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class FareCollectionSagaTest {

    private static Template saga(FareCollectionSagaProps.Builder props) {
        Stack stack = TestStacks.newStack();
        new FareCollectionSaga(stack, "Saga", props
                .chargeFunction(TestStacks.function(stack, "Charge"))
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
    void catchesThisProjectsJavaExceptionsByDefault() {
        String definition = definition(saga(FareCollectionSagaProps.builder()));
        for (String error : List.of("com.wildrydes.lambdas.fares.PaymentAuthorizationException",
                "com.wildrydes.lambdas.fares.PaymentChargeException", "com.wildrydes.lambdas.fares.AccountCreditException",
                "com.wildrydes.lambdas.fares.RefundException", "DynamoDB.ConditionalCheckFailedException")) {
            assertTrue(definition.contains("\"" + error + "\""), error + " in the definition");
        }
    }

    @Test
    void catchesTheErrorsOfYourOwnPaymentServices() {
        String definition = definition(saga(FareCollectionSagaProps.builder()
                .paymentErrors(List.of("CardDeclined")).creditErrors(List.of("LedgerDown")).refundErrors(List.of("RefundRejected"))));
        assertTrue(definition.contains("[\"CardDeclined\"]") && definition.contains("[\"LedgerDown\"]")
                && definition.contains("[\"RefundRejected\"]"), definition);
        assertTrue(!definition.contains("PaymentAuthorizationException"), definition);
    }

    @Test
    void faresTableQueuesAndAlarmAreSecureAndRetained() {
        Template template = saga(FareCollectionSagaProps.builder().stateMachineName("fares-complete"));
        template.hasResource("AWS::DynamoDB::Table", Map.of("DeletionPolicy", "Retain", "Properties", Map.of(
                "KeySchema", List.of(Map.of("AttributeName", "fareId", "KeyType", "HASH")),
                "SSESpecification", Map.of("SSEEnabled", true))));
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
        template.resourceCountIs("AWS::SNS::Subscription", 2);
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of("StateMachineName", "fares-complete",
                "TracingConfiguration", Map.of("Enabled", true)));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "ExecutionsFailed"));
    }
}
