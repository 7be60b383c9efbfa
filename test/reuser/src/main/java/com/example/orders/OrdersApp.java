package com.example.orders;

import com.wildrydes.constructs.messaging.FilterPolicy;
import com.wildrydes.constructs.messaging.FilteredSubscription;
import com.wildrydes.constructs.messaging.FilteredSubscriptionProps;
import com.wildrydes.constructs.rfq.ScatterGatherRfq;
import com.wildrydes.constructs.rfq.ScatterGatherRfqProps;
import com.wildrydes.constructs.messaging.TopicQueueChain;
import com.wildrydes.constructs.messaging.TopicQueueChainProps;
import java.util.List;
import com.wildrydes.constructs.WildRydesChecks;
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

        new FilteredSubscription(stack, "BigOrdersSubscription", FilteredSubscriptionProps.builder()
                .topic(orders).function(bigOrders).filterPolicy(big).build());
        new TopicQueueChain(stack, "InvoicingChain", TopicQueueChainProps.builder()
                .topic(orders)
                .consumer(Function.fromFunctionArn(stack, "Invoicing",
                        "arn:aws:lambda:eu-west-1:123456789012:function:invoicing:7"))
                .consumerTimeout(Duration.seconds(30))
                .build());
        new ScatterGatherRfq(stack, "Quotes", ScatterGatherRfqProps.builder()
                .code(Code.fromAsset("target/lambda/wild-rydes-lambdas.jar"))
                .responders(List.of(bigOrders))
                .responderNames(List.of("big-orders"))
                .build());
        app.synth();
    }
}
