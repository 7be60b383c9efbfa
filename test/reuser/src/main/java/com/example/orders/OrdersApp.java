package com.example.orders;

import com.wildrydes.constructs.messaging.FilterPolicy;
import com.wildrydes.constructs.messaging.FilteredSubscription;
import com.wildrydes.constructs.messaging.FilteredSubscriptionProps;
import com.wildrydes.constructs.rfq.ScatterGatherRfq;
import com.wildrydes.constructs.rfq.ScatterGatherRfqProps;
import com.wildrydes.constructs.messaging.TopicQueueChain;
import com.wildrydes.constructs.messaging.TopicQueueChainProps;
import java.util.List;
import java.util.Map;
import com.wildrydes.constructs.WildRydesChecks;
import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.functions.JavaFunctionProps;
import com.wildrydes.constructs.saga.FareCollectionSaga;
import com.wildrydes.constructs.saga.FareCollectionSagaProps;
import software.amazon.awscdk.services.apigateway.RestApiProps;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableProps;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueProps;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;

/** An orders team's app: our constructs on its own, imported topic and functions. */
public final class OrdersApp {

    private OrdersApp() {
    }

    public static void main(String[] args) {
        App app = new App(AppProps.builder().outdir(args[0]).build());
        Aspects.of(app).add(new WildRydesChecks());
        Stack stack = new Stack(app, "OrdersStack", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("eu-west-1").build())
                .build());
        ITopic orders = Topic.fromTopicArn(stack, "Orders", "arn:aws:sns:eu-west-1:123456789012:orders");
        IFunction bigOrders = Function.fromFunctionArn(stack, "BigOrders",
                "arn:aws:lambda:eu-west-1:123456789012:function:big-orders:live");
        FilterPolicy big = FilterPolicy.onMessageAttributes("{\"total\": [{\"numeric\": [\">=\", 1000]}]}");

        // Each construct once on the team's existing resources, and with props passed through for
        // what it creates: test/reuser/expectations.js checks what the team relies on.
        new FilteredSubscription(stack, "BigOrdersSubscription", FilteredSubscriptionProps.builder()
                .topic(orders).function(bigOrders).filterPolicy(big)
                .deadLetterQueue(Queue.fromQueueArn(stack, "OrdersDeadLetters",
                        "arn:aws:sqs:eu-west-1:123456789012:orders-dead-letters"))
                .failedInvocationsQueueProps(QueueProps.builder().queueName("big-orders-failed").build())
                .build());
        new TopicQueueChain(stack, "InvoicingChain", TopicQueueChainProps.builder()
                .topic(orders)
                .consumer(Function.fromFunctionArn(stack, "Invoicing",
                        "arn:aws:lambda:eu-west-1:123456789012:function:invoicing:7"))
                .consumerTimeout(Duration.seconds(30))
                .queueProps(QueueProps.builder().queueName("invoicing").build())
                .eventSourceProps(SqsEventSourceProps.builder()
                        .batchSize(5)
                        .maxConcurrency(4)
                        .filters(List.of(FilterCriteria.filter(
                                Map.of("body", Map.of("currency", FilterRule.isEqual("EUR"))))))
                        .build())
                .build());
        ScatterGatherRfq quotes = new ScatterGatherRfq(stack, "Quotes", ScatterGatherRfqProps.builder()
                .code(Code.fromAsset("target/lambda/wild-rydes-lambdas.jar"))
                .responders(List.of(bigOrders))
                .responderNames(List.of("big-orders"))
                .existingRequestTopicObj(Topic.fromTopicArn(stack, "QuoteRequests",
                        "arn:aws:sns:eu-west-1:123456789012:quote-requests"))
                .existingTableObj(Table.fromTableName(stack, "Quotations", "quotations"))
                .existingResponseQueueObj(Queue.fromQueueArn(stack, "QuoteResponses",
                        "arn:aws:sqs:eu-west-1:123456789012:quote-responses"))
                .existingResponseDeadLetterQueueObj(Queue.fromQueueArn(stack, "QuoteResponseDeadLetters",
                        "arn:aws:sqs:eu-west-1:123456789012:quote-responses-dlq"))
                .deadlineDeadLetterQueueProps(QueueProps.builder().queueName("quote-deadlines-dlq").build())
                .apiProps(RestApiProps.builder().restApiName("orders-quotes").build())
                .build());
        quotes.addResponder("surge-pricing", Function.fromFunctionArn(stack, "SurgePricing",
                "arn:aws:lambda:eu-west-1:123456789012:function:surge-pricing:live"));
        new FareCollectionSaga(stack, "Fares", FareCollectionSagaProps.builder()
                .chargeFunction(Function.fromFunctionArn(stack, "Charge",
                        "arn:aws:lambda:eu-west-1:123456789012:function:charge"))
                .creditFunction(Function.fromFunctionArn(stack, "Credit",
                        "arn:aws:lambda:eu-west-1:123456789012:function:credit"))
                .refundFunction(Function.fromFunctionArn(stack, "Refund",
                        "arn:aws:lambda:eu-west-1:123456789012:function:refund"))
                .existingTopicObj(Topic.fromTopicArn(stack, "FareOutcomes",
                        "arn:aws:sns:eu-west-1:123456789012:fare-outcomes"))
                .tableProps(TableProps.builder()
                        .partitionKey(Attribute.builder().name("fareId").type(AttributeType.STRING).build())
                        .tableName("order-fares")
                        .build())
                .stateMachineType(StateMachineType.EXPRESS)
                .build());
        new JavaFunction(stack, "Reporting", JavaFunctionProps.builder()
                .code(Code.fromAsset("target/lambda/wild-rydes-lambdas.jar"))
                .handler("com.example.orders.Reporting::handleRequest")
                .role(Role.fromRoleArn(stack, "PlatformRole", "arn:aws:iam::123456789012:role/platform-lambda"))
                .tracing(Tracing.ACTIVE)
                .existingLogGroupObj(LogGroup.fromLogGroupName(stack, "PlatformLogs", "/platform/orders-reporting"))
                .build());
        new JavaFunction(stack, "Archiving", JavaFunctionProps.builder()
                .code(Code.fromAsset("target/lambda/wild-rydes-lambdas.jar"))
                .handler("com.example.orders.Archiving::handleRequest")
                .logGroupProps(LogGroupProps.builder()
                        .logGroupName("/orders/archiving")
                        .retention(RetentionDays.ONE_YEAR)
                        .removalPolicy(RemovalPolicy.RETAIN)
                        .build())
                .build());
        app.synth();
    }
}
