package com.wildrydes.infra;

import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.functions.JavaFunctionProps;
import com.wildrydes.constructs.internal.ServiceRoleTrust;
import com.wildrydes.constructs.internal.VendedLogGroups;
import com.wildrydes.constructs.messaging.TopicGrants;
import com.wildrydes.constructs.nag.NagSuppressionMetadata;
import com.wildrydes.constructs.saga.FareCollectionSaga;
import com.wildrydes.constructs.saga.FareCollectionSagaProps;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * Lab 4, saga orchestration of fare collection: the complete saga ({@code <stack>-complete}), and
 * the learner's starting point ({@code <stack>-start-here}: one Pass state, RegisterFare) with the
 * permissions the finished saga needs, so that the learner can build it in the console.
 */
public class SagaOrchestrationStack extends Stack {

    public SagaOrchestrationStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        LabSettings settings = LabSettings.of(this);
        JavaFunction charge = payment(
                "ChargeFareFunction", LambdaBundle.CHARGE_FARE, "Charges a fare (simulated payment gateway)", settings);
        JavaFunction credit = payment(
                "CreditCustomerAccountFunction",
                LambdaBundle.CREDIT_CUSTOMER_ACCOUNT,
                "Credits a customer's account (simulated)",
                settings);
        JavaFunction refund =
                payment("RefundFareFunction", LambdaBundle.REFUND_FARE, "Refunds a charge (simulated)", settings);

        FareCollectionSaga saga = new FareCollectionSaga(
                this,
                "FareCollectionSaga",
                FareCollectionSagaProps.builder()
                        .chargeFunction(charge.getAlias())
                        .creditFunction(credit.getAlias())
                        .refundFunction(refund.getAlias())
                        .stateMachineName(getStackName() + "-complete")
                        .build());
        StateMachine startHere = startHere(saga, List.of(charge, credit, refund));
        LabAlarms.create(this, settings).notifyOn(saga.getAlarms());
        LabStacks.destroyOnDelete(this);
        LabStacks.tagWorkshopResources(this, 4);

        RideCompletionSource.output(
                this,
                "CompleteStateMachineArn",
                saga.getStateMachine().getStateMachineArn(),
                "The finished saga: start an execution with the workshop's sample inputs");
        RideCompletionSource.output(
                this,
                "StartHereStateMachineArn",
                startHere.getStateMachineArn(),
                "Your starting point: build the saga here");
        RideCompletionSource.output(
                this, "FaresTableName", saga.getFaresTable().getTableName(), "Each fare and its status");
        RideCompletionSource.output(
                this,
                "FareProcessingTopicArn",
                saga.getFareProcessingTopic().getTopicArn(),
                "Success and failure notifications");
        RideCompletionSource.output(
                this,
                "SuccessfulTransactionsQueueUrl",
                saga.getSuccessfulTransactions().getQueue().getQueueUrl(),
                "Notifications with IsSuccessful=true");
        RideCompletionSource.output(
                this,
                "FailedTransactionsQueueUrl",
                saga.getFailedTransactions().getQueue().getQueueUrl(),
                "Notifications with IsSuccessful=false");
        RideCompletionSource.output(
                this,
                "OperatorActionsQueueUrl",
                saga.getOperatorActions().getQueue().getQueueUrl(),
                "Notifications with NeedsOperator=true: fares to refund by hand or to reconcile");
        RideCompletionSource.output(
                this, "ChargeFareFunctionArn", charge.getAlias().getFunctionArn(), "Charge");
        RideCompletionSource.output(
                this, "CreditCustomerAccountFunctionArn", credit.getAlias().getFunctionArn(), "Credit");
        RideCompletionSource.output(
                this, "RefundFareFunctionArn", refund.getAlias().getFunctionArn(), "Refund");
        OriginalOutputs.of(this)
                .add("PaymentChargeFunctionArn", charge.getAlias().getFunctionArn(), "Charge")
                .add("PaymentRefundFunctionArn", refund.getAlias().getFunctionArn(), "Refund")
                .add("AccountCreditFunctionArn", credit.getAlias().getFunctionArn(), "Credit")
                .add(
                        "WildRyesFareTableArn",
                        saga.getFaresTable().getTableArn(),
                        "The Fares table's ARN (the original's spelling)")
                .add("WildRydesStepFunctionArn", saga.getStateMachine().getStateMachineArn(), "The finished saga")
                .add(
                        "WildRydesFareProcessingTopic",
                        saga.getFareProcessingTopic().getTopicArn(),
                        "Success and failure notifications")
                .add(
                        "WildRydesFailedTransactionsQueue",
                        saga.getFailedTransactions().getQueue().getQueueUrl(),
                        "Notifications with IsSuccessful=false")
                .add(
                        "WildRydesSuccessfulTransactionsQueue",
                        saga.getSuccessfulTransactions().getQueue().getQueueUrl(),
                        "Notifications with IsSuccessful=true");
        FunctionLogGroups.nameAfterStackAndFunction(this);
    }

    private JavaFunction payment(String id, String handler, String description, LabSettings settings) {
        return new JavaFunction(
                this,
                id,
                JavaFunctionProps.builder()
                        .code(LambdaBundle.code(handler))
                        .handler(handler)
                        .description(description)
                        .memorySize(512)
                        .snapStart(settings.snapStart())
                        .build());
    }

    private StateMachine startHere(FareCollectionSaga saga, List<JavaFunction> functions) {
        String name = getStackName() + "-start-here";
        LogGroup logs = LogGroup.Builder.create(this, "StartHereExecutionLogs")
                .logGroupName(VendedLogGroups.stepFunctionsLogGroupName(this, name))
                .retention(RetentionDays.ONE_MONTH)
                .build();
        StateMachine startHere = StateMachine.Builder.create(this, "StartHereStateMachine")
                .stateMachineName(name)
                .definitionBody(DefinitionBody.fromChainable(new Pass(this, "RegisterFare")))
                .tracingEnabled(true)
                .logs(LogOptions.builder()
                        .destination(logs)
                        .level(LogLevel.ALL)
                        .includeExecutionData(false)
                        .build())
                .build();
        saga.getFaresTable().grant(startHere, "dynamodb:PutItem", "dynamodb:UpdateItem");
        TopicGrants.grantPublish(saga.getFareProcessingTopic(), startHere);
        for (JavaFunction function : functions) {
            function.getAlias().grantInvoke(startHere);
            // Workflow Studio puts a picked function into the task as its unqualified or $LATEST ARN, as the
            // original's role allows (the guide uses the live alias); a role policy, not a resource policy, so
            // nothing is wired to the unpublished function.
            String unqualified = function.getFunction().getFunctionArn();
            startHere.addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of("lambda:InvokeFunction"))
                    .resources(List.of(unqualified, unqualified + ":$LATEST"))
                    .build());
        }
        NagSuppressionMetadata.suppressOnPolicy(
                startHere.getRole(),
                "AwsSolutions-IAM5",
                FareCollectionSaga.LOG_DELIVERY_AND_TRACING_REASON,
                "Resource::*");
        ServiceRoleTrust.stateMachinesOfThisAccount(startHere.getRole());
        return startHere;
    }
}
