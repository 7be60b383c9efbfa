package com.example.reuse;

import static com.example.reuse.ReusingApp.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.constructs.messaging.TopicQueueChain;
import com.wildrydes.constructs.messaging.TopicQueueChainProps;
import com.wildrydes.constructs.rfq.ScatterGatherRfq;
import com.wildrydes.constructs.rfq.ScatterGatherRfqProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Props a team sets from CloudFormation parameters: known only at deploy time, so the construct
 * cannot check them and must not refuse them, and must carry them into the template as they are,
 * never as the number a token happens to be encoded with. Props it can check are refused with what
 * was given and what AWS expects.
 */
class DeployTimePropsTest {

    private static Number seconds(Stack stack, String name) {
        return CfnParameter.Builder.create(stack, name).type("Number").build().getValueAsNumber();
    }

    private static String json(Template template) throws Exception {
        return new ObjectMapper().writeValueAsString(template.toJSON());
    }

    @Test
    void aDeadlineFromAParameterReachesTheFunctionsAsThatParameter() throws Exception {
        Stack stack = pinnedStack();
        new ScatterGatherRfq(
                stack,
                "Quotes",
                ScatterGatherRfqProps.builder()
                        .code(jar(stack, "Quotes"))
                        .deadline(Duration.seconds(seconds(stack, "DeadlineSeconds")))
                        .externalResponderCount(1)
                        .responderNames(List.of("partner"))
                        .build());

        Template template = synth(stack);
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Environment",
                        Map.of(
                                "Variables",
                                Match.objectLike(Map.of("DEADLINE_SECONDS", Map.of("Ref", "DeadlineSeconds"))))));
        assertFalse(json(template).contains("-9223372036854775808"), "a token's encoding leaked into the template");
    }

    @Test
    void aConsumerTimeoutFromAParameterAsksForTheVisibilityTimeoutItCannotBeMultipliedInto() {
        RuntimeException error = synthesisError(stack -> new TopicQueueChain(
                stack,
                "Invoicing",
                TopicQueueChainProps.builder()
                        .topic(orders(stack))
                        .consumer(importedFunction(stack, "Invoicer", INVOICING_V7))
                        .consumerTimeout(Duration.seconds(seconds(stack, "InvoicerTimeout")))
                        .build()));
        assertNotNull(error, "six times a deploy-time timeout cannot be written into the template");
        String message = error.getMessage();
        assertTrue(message.contains("TeamStack/Invoicing"), message);
        assertTrue(message.contains("consumerTimeout") && message.contains("visibilityTimeout"), message);

        Stack stack = pinnedStack();
        new TopicQueueChain(
                stack,
                "Invoicing",
                TopicQueueChainProps.builder()
                        .topic(orders(stack))
                        .consumer(importedFunction(stack, "Invoicer", INVOICING_V7))
                        .consumerTimeout(Duration.seconds(seconds(stack, "InvoicerTimeout")))
                        .visibilityTimeout(Duration.seconds(seconds(stack, "InvoicesVisibility")))
                        .build());
        synth(stack)
                .hasResourceProperties(
                        "AWS::SQS::Queue", Map.of("VisibilityTimeout", Map.of("Ref", "InvoicesVisibility")));
    }

    @Test
    void aBatchOverTenWithAZeroBatchingWindowIsRefusedAsLambdaWould() {
        RuntimeException error = synthesisError(stack -> new TopicQueueChain(
                stack,
                "Invoicing",
                TopicQueueChainProps.builder()
                        .topic(orders(stack))
                        .consumer(ownFunction(stack, "Invoicer"))
                        .batchSize(100)
                        .maxBatchingWindow(Duration.seconds(0))
                        .build()));
        assertNotNull(error, "Lambda refuses a batch over 10 without a batching window of at least 1 second");
        String message = error.getMessage();
        assertTrue(message.contains("TeamStack/Invoicing"), message);
        assertTrue(message.contains("maxBatchingWindow") && message.contains("100"), message);
        assertTrue(message.contains("0 seconds") && message.contains("1 second"), message);
    }
}
