package com.example.reuse;

import static com.example.reuse.ReusingApp.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.functions.JavaFunctionProps;
import com.wildrydes.constructs.messaging.FilteredSubscription;
import com.wildrydes.constructs.messaging.FilteredSubscriptionProps;
import com.wildrydes.constructs.messaging.TopicQueueChain;
import com.wildrydes.constructs.messaging.TopicQueueChainProps;
import com.wildrydes.constructs.nag.NagSuppressionMetadata;
import com.wildrydes.constructs.rfq.ScatterGatherRfqProps;
import com.wildrydes.constructs.saga.FareCollectionSaga;
import com.wildrydes.constructs.saga.FareCollectionSagaProps;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * Issue 9, cases 6, 8, 9, 10, 11 and 14: what AWS would refuse at deploy time, or what would
 * fail as a bare NullPointerException, is refused at synthesis with the construct's path, the
 * prop, what was given and what is expected.
 */
class SynthesisRefusalsTest {

    private static void assertNamed(RuntimeException error, String... parts) {
        assertNotNull(error, "expected synthesis to be refused");
        assertFalse(error instanceof NullPointerException, "a bare NullPointerException: " + error);
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), "'" + part + "' missing from: " + error.getMessage());
        }
    }

    @Test
    void aFifoChainRefusesABatchingWindow() {
        RuntimeException error = synthesisError(stack -> new TopicQueueChain(
                stack,
                "Ledger",
                TopicQueueChainProps.builder()
                        .topic(Topic.Builder.create(stack, "Events").fifo(true).build())
                        .consumer(ownFunction(stack, "LedgerWriter"))
                        .maxBatchingWindow(Duration.seconds(5))
                        .build()));
        assertNamed(error, "TeamStack/Ledger", "maxBatchingWindow", "FIFO", "5 seconds");
    }

    @Test
    void aFifoQueueOnAStandardTopicIsRefused() {
        RuntimeException error = synthesisError(stack -> new FilteredSubscription(
                stack,
                "Audit",
                FilteredSubscriptionProps.builder()
                        .topic(new Topic(stack, "Events"))
                        .queue(Queue.Builder.create(stack, "AuditQueue")
                                .fifo(true)
                                .build())
                        .build()));
        assertNamed(error, "TeamStack/Audit", "queue", "FIFO", "standard");
    }

    @Test
    void aSagaWithNoPaymentErrorsIsRefusedInsteadOfAnEmptyErrorEquals() {
        RuntimeException error = synthesisError(stack -> new FareCollectionSaga(
                stack,
                "Fares",
                FareCollectionSagaProps.builder()
                        .chargeFunction(ownFunction(stack, "Charge"))
                        .creditFunction(ownFunction(stack, "Credit"))
                        .refundFunction(ownFunction(stack, "Refund"))
                        .paymentErrors(List.of())
                        .build()));
        assertNamed(error, "TeamStack/Fares", "paymentErrors", "[]");
    }

    @Test
    void aSuppressionOnAJavaFunctionWorksOrSaysWhatToPass() {
        Stack stack = pinnedStack();
        JavaFunction function = new JavaFunction(
                stack,
                "Pricing",
                JavaFunctionProps.builder()
                        .code(jar(stack, "Pricing"))
                        .handler("com.example.Pricing")
                        .build());
        try {
            NagSuppressionMetadata.suppress(
                    function, "AwsSolutions-L1", "Java 25 is the newest runtime CDK knows here");
        } catch (RuntimeException e) {
            assertNamed(e, "TeamStack/Pricing", "AwsSolutions-L1");
        }
    }

    @Test
    void aJavaFunctionRefusesAPythonRuntime() {
        RuntimeException error = synthesisError(stack -> new JavaFunction(
                stack,
                "Pricing",
                JavaFunctionProps.builder()
                        .code(jar(stack, "Pricing"))
                        .handler("com.example.Pricing")
                        .runtime(Runtime.PYTHON_3_12)
                        .build()));
        assertNamed(error, "TeamStack/Pricing", "runtime", "python3.12", "java");
    }

    @Test
    void aMissingRequiredPropIsNamedNotANullPointer() {
        RuntimeException chain = assertThrows(
                RuntimeException.class, () -> TopicQueueChainProps.builder().build());
        assertNamed(chain, "topic");
        RuntimeException subscription = assertThrows(
                RuntimeException.class,
                () -> FilteredSubscriptionProps.builder().build());
        assertNamed(subscription, "topic");
        RuntimeException saga = assertThrows(
                RuntimeException.class, () -> FareCollectionSagaProps.builder().build());
        assertNamed(saga, "chargeFunction");
        RuntimeException rfq = assertThrows(
                RuntimeException.class, () -> ScatterGatherRfqProps.builder().build());
        assertNamed(rfq, "code");
        RuntimeException function = assertThrows(
                RuntimeException.class, () -> JavaFunctionProps.builder().build());
        assertInstanceOf(IllegalArgumentException.class, function);
    }
}
