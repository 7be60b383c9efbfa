package com.example.reuse;

import static com.example.reuse.ReusingApp.*;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.functions.JavaFunctionProps;
import com.wildrydes.constructs.messaging.FilteredSubscription;
import com.wildrydes.constructs.messaging.FilteredSubscriptionProps;
import com.wildrydes.constructs.messaging.TopicQueueChain;
import com.wildrydes.constructs.messaging.TopicQueueChainProps;
import com.wildrydes.constructs.rfq.ScatterGatherRfq;
import com.wildrydes.constructs.rfq.ScatterGatherRfqProps;
import com.wildrydes.constructs.saga.FareCollectionSaga;
import com.wildrydes.constructs.saga.FareCollectionSagaProps;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * Two of each construct in one stack, and in two stacks of one app, inside stages with an explicit
 * environment, as a team deploys beta and prod: every pair synthesizes apart, and the one name a
 * team may fix (the saga's state machine name) is refused where two would collide at deploy time.
 */
class TwoInstancesTest {

    private static final Environment EU =
            Environment.builder().account(ACCOUNT).region(REGION).build();

    private static void fullSet(Stack stack) {
        ITopic orders = orders(stack);
        JavaFunction pricing = new JavaFunction(
                stack,
                "Pricing",
                JavaFunctionProps.builder()
                        .code(jar(stack, "Pricing"))
                        .handler("com.example.Pricing")
                        .build());
        IFunction ledger = ownFunction(stack, "Ledger");
        for (String id : List.of("One", "Two")) {
            new TopicQueueChain(
                    stack,
                    id + "Chain",
                    TopicQueueChainProps.builder()
                            .topic(orders)
                            .consumer(pricing)
                            .build());
            new FilteredSubscription(
                    stack,
                    id + "Subscription",
                    FilteredSubscriptionProps.builder()
                            .topic(orders)
                            .function(pricing)
                            .build());
            new ScatterGatherRfq(
                    stack,
                    id + "Quotes",
                    ScatterGatherRfqProps.builder()
                            .code(jar(stack, id + "Quotes"))
                            .responders(List.of(pricing))
                            .responderNames(List.of("pricing"))
                            .build());
            new FareCollectionSaga(
                    stack,
                    id + "Fares",
                    FareCollectionSagaProps.builder()
                            .chargeFunction(pricing)
                            .creditFunction(ledger)
                            .refundFunction(ledger)
                            .build());
        }
    }

    @Test
    void twoOfEachInTwoStacksOfTwoStagesSynthesizeApart() {
        App app = ReusingApp.newApp();
        List<Stack> stacks = new java.util.ArrayList<>();
        for (String stageName : List.of("Beta", "Prod")) {
            Stage stage = new Stage(app, stageName, StageProps.builder().env(EU).build());
            for (String stackName : List.of("Orders", "Billing")) {
                Stack stack = new Stack(stage, stackName);
                fullSet(stack);
                stacks.add(stack);
            }
        }
        app.synth();
        for (Stack stack : stacks) {
            Template template = Template.fromStack(stack);
            template.resourceCountIs("AWS::StepFunctions::StateMachine", 2);
            template.resourceCountIs("AWS::Lambda::EventSourceMapping", 2 + 2 * 2);
            // One asynchronous invocation configuration per function and qualifier: the others reuse it.
            template.resourceCountIs("AWS::Lambda::EventInvokeConfig", 1);
        }
    }

    private static RuntimeException synthesisOf(BiConsumer<App, Environment[]> body, Environment... envs) {
        App app = ReusingApp.newApp();
        try {
            body.accept(app, envs);
            app.synth();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void oneStateMachineNameInTwoStacksOfOneAccountAndRegionIsRefused() {
        RuntimeException error = synthesisOf((app, envs) -> {
            for (String stackName : List.of("Orders", "Billing")) {
                Stack stack =
                        new Stack(app, stackName, StackProps.builder().env(EU).build());
                sagaNamedFareCollection(stack, "Fares", "");
            }
        });
        assertNotNull(error, "two state machines named fare-collection in one account and region cannot both deploy");
        String message = error.getMessage();
        assertTrue(message.contains("stateMachineName") && message.contains("fare-collection"), message);
        assertTrue(message.contains("Orders/Fares") && message.contains("Billing/Fares"), message);
    }

    @Test
    void oneStateMachineNameInOneStackIsRefusedAndInTwoRegionsIsNot() {
        RuntimeException sameStack = synthesisError(stack -> {
            for (String id : List.of("Fares", "MoreFares")) {
                sagaNamedFareCollection(stack, id, id);
            }
        });
        assertNotNull(sameStack, "two state machines of one name in one stack");
        assertTrue(sameStack.getMessage().contains("fare-collection"), sameStack.getMessage());

        RuntimeException twoRegions = synthesisOf(
                (app, envs) -> {
                    for (Environment env : envs) {
                        Stack stack = new Stack(
                                app,
                                "Fares" + env.getRegion(),
                                StackProps.builder().env(env).build());
                        sagaNamedFareCollection(stack, "Fares", "");
                    }
                },
                EU,
                Environment.builder().account(ACCOUNT).region("us-east-1").build());
        assertTrue(twoRegions == null, "one name in two regions is two state machines: " + twoRegions);
    }

    /** A saga of the fixed state machine name {@code fare-collection}, on functions of its own. */
    private static void sagaNamedFareCollection(Stack stack, String id, String functionPrefix) {
        new FareCollectionSaga(
                stack,
                id,
                FareCollectionSagaProps.builder()
                        .chargeFunction(ownFunction(stack, functionPrefix + "Charge"))
                        .creditFunction(ownFunction(stack, functionPrefix + "Credit"))
                        .refundFunction(ownFunction(stack, functionPrefix + "Refund"))
                        .stateMachineName("fare-collection")
                        .build());
    }
}
