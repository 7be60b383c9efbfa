package com.wildrydes.constructs.redrive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.constructs.TestStacks;
import com.wildrydes.constructs.messaging.TopicQueueChain;
import com.wildrydes.constructs.messaging.TopicQueueChainProps;
import com.wildrydes.constructs.rfq.ScatterGatherRfq;
import com.wildrydes.constructs.rfq.ScatterGatherRfqProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * An operator's role that a construct's redrive grant is given can replay its dead letters with SQS's
 * own redrive (StartMessageMoveTask): the move-task actions and what the move does on the dead-letter
 * queue, and the send on the queue the messages go back to; nothing on any other queue.
 */
class DeadLetterRedriveGrantTest {

    private static final List<String> ON_THE_DEAD_LETTER_QUEUE = List.of(
            "sqs:CancelMessageMoveTask",
            "sqs:DeleteMessage",
            "sqs:GetQueueAttributes",
            "sqs:ListMessageMoveTasks",
            "sqs:ReceiveMessage",
            "sqs:StartMessageMoveTask");

    @Test
    void aChainsRedriveGrantMovesItsDeadLettersBackToItsQueue() {
        Stack stack = TestStacks.newStack();
        TopicQueueChain chain = new TopicQueueChain(
                stack,
                "Chain",
                TopicQueueChainProps.builder().topic(TestStacks.topic(stack)).build());
        Role operator = operator(stack);

        chain.grantRedriveDeadLetters(operator);

        Map<Object, List<String>> granted = actionsByResource(stack);
        assertEquals(ON_THE_DEAD_LETTER_QUEUE, granted.get(arn(stack, chain.getDeadLetterQueue())), granted.toString());
        assertEquals(List.of("sqs:SendMessage"), granted.get(arn(stack, chain.getQueue())), granted.toString());
        assertEquals(2, granted.size(), granted.toString());
    }

    @Test
    void theRfqsRedriveGrantMovesEachDeadLetterQueueBackToItsOwnQueue() {
        Stack stack = TestStacks.newStack();
        ScatterGatherRfq rfq = new ScatterGatherRfq(
                stack,
                "Rfq",
                ScatterGatherRfqProps.builder()
                        .code(TestStacks.jarCode(stack))
                        .externalResponderCount(1)
                        .responderNames(List.of("partner"))
                        .build());
        Role operator = operator(stack);

        rfq.grantRedriveDeadLetters(operator);

        Map<Object, List<String>> granted = actionsByResource(stack);
        assertEquals(ON_THE_DEAD_LETTER_QUEUE, granted.get(arn(stack, rfq.getResponseDeadLetterQueue())));
        assertEquals(List.of("sqs:SendMessage"), granted.get(arn(stack, rfq.getResponseQueue())));
        assertEquals(ON_THE_DEAD_LETTER_QUEUE, granted.get(arn(stack, rfq.getDeadlineDeadLetterQueue())));
        assertEquals(List.of("sqs:SendMessage"), granted.get(arn(stack, rfq.getDeadlineQueue())));
        assertEquals(4, granted.size(), granted.toString());
    }

    private static Role operator(Stack stack) {
        return Role.Builder.create(stack, "Operator")
                .assumedBy(new AccountRootPrincipal())
                .build();
    }

    private static Object arn(Stack stack, IQueue queue) {
        return stack.resolve(queue.getQueueArn());
    }

    /** The operator policy's actions, sorted, per resource. */
    @SuppressWarnings("unchecked")
    private static Map<Object, List<String>> actionsByResource(Stack stack) {
        Map<Object, List<String>> byResource = new java.util.LinkedHashMap<>();
        Template.fromStack(stack).findResources("AWS::IAM::Policy").values().stream()
                .filter(policy -> policy.toString().contains("Operator"))
                .forEach(policy -> {
                    Map<String, Object> properties = (Map<String, Object>) policy.get("Properties");
                    Map<String, Object> document = (Map<String, Object>) properties.get("PolicyDocument");
                    for (Object s : (List<Object>) document.get("Statement")) {
                        Map<String, Object> statement = (Map<String, Object>) s;
                        assertEquals("Allow", statement.get("Effect"));
                        List<Object> resources = statement.get("Resource") instanceof List<?> list
                                ? (List<Object>) list
                                : List.of(statement.get("Resource"));
                        List<String> actions = statement.get("Action") instanceof List<?> list
                                ? (List<String>) list
                                : List.of((String) statement.get("Action"));
                        for (Object resource : resources) {
                            List<String> merged = new ArrayList<>(byResource.getOrDefault(resource, List.of()));
                            merged.addAll(actions);
                            byResource.put(
                                    resource,
                                    merged.stream().distinct().sorted().toList());
                        }
                    }
                });
        assertTrue(!byResource.isEmpty(), "no policy for the operator");
        return byResource;
    }
}
