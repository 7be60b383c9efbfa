package com.wildrydes.constructs.functions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.CfnEventInvokeConfig;
import software.amazon.awscdk.services.lambda.CfnEventSourceMapping;
import software.amazon.awscdk.services.lambda.CfnPermission;
import software.amazon.awscdk.services.sns.CfnSubscription;
import software.constructs.IConstruct;
import software.constructs.IValidation;

/**
 * Refuses, at synthesis, anything in the stack that invokes a {@link JavaFunction}'s unpublished
 * function rather than its alias: a Lambda permission, an event source mapping, an SNS
 * subscription or an asynchronous invocation configuration on {@code $LATEST}. Each would skip
 * SnapStart and the version the alias pins, silently.
 * <p>
 * One check per stack, for all its JavaFunctions: it walks the stack and resolves each invoker's
 * target once. Every call here crosses from Java to the jsii kernel, so a check per function, each
 * walking the whole stack, made synthesis grow with functions times resources.
 */
final class InvokedThroughAlias implements IValidation {

    /**
     * The check of each stack, so that a stack gets one. Weak keys: it lives as long as the stack's
     * Java object (which the jsii runtime keeps for the JVM's life anyway).
     */
    private static final Map<Stack, InvokedThroughAlias> BY_STACK = Collections.synchronizedMap(new WeakHashMap<>());

    private final Stack stack;
    private final List<JavaFunction> functions = new ArrayList<>();

    private InvokedThroughAlias(Stack stack) {
        this.stack = stack;
    }

    /** Checks, when the app synthesizes, that nothing in its stack invokes the function's unpublished version. */
    static void check(JavaFunction javaFunction) {
        BY_STACK.computeIfAbsent(Stack.of(javaFunction), stack -> {
                    InvokedThroughAlias check = new InvokedThroughAlias(stack);
                    stack.getNode().addValidation(check);
                    return check;
                })
                .functions
                .add(javaFunction);
    }

    @Override
    public List<String> validate() {
        // The resolved name and ARN of each function's unpublished version: what an invoker would hold.
        Map<Object, JavaFunction> unpublished = new HashMap<>();
        for (JavaFunction javaFunction : functions) {
            for (String reference : List.of(
                    javaFunction.getFunction().getFunctionName(),
                    javaFunction.getFunction().getFunctionArn())) {
                Object resolved = stack.resolve(reference);
                if (resolved != null) {
                    unpublished.put(resolved, javaFunction);
                }
            }
        }
        List<String> errors = new ArrayList<>();
        for (IConstruct construct : stack.getNode().findAll()) {
            Object target = null;
            if (construct instanceof CfnPermission permission) {
                target = permission.getFunctionName();
            } else if (construct instanceof CfnEventSourceMapping mapping) {
                target = mapping.getFunctionName();
            } else if (construct instanceof CfnSubscription subscription) {
                target = subscription.getEndpoint();
            } else if (construct instanceof CfnEventInvokeConfig config && "$LATEST".equals(config.getQualifier())) {
                target = config.getFunctionName();
            }
            Object resolved = target == null ? null : stack.resolve(target);
            JavaFunction invoked = resolved == null ? null : unpublished.get(resolved);
            if (invoked != null) {
                errors.add(construct.getNode().getPath() + " invokes the unpublished function of JavaFunction "
                        + invoked.getNode().getPath() + ", bypassing SnapStart and its live alias: pass the "
                        + "JavaFunction itself or getAlias(), not getFunction()");
            }
        }
        return errors;
    }
}
