package com.wildrydes.constructs.internal;

import com.wildrydes.constructs.functions.JavaFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.CfnEventInvokeConfig;
import software.amazon.awscdk.services.lambda.CfnEventSourceMapping;
import software.amazon.awscdk.services.lambda.CfnPermission;
import software.amazon.awscdk.services.sns.CfnSubscription;
import software.constructs.IConstruct;
import software.constructs.IValidation;

/**
 * Refuses, at synthesis, anything in a stack that invokes a {@link JavaFunction}'s unpublished
 * function rather than its alias: a Lambda permission, an event source mapping, an SNS
 * subscription or an asynchronous invocation configuration on {@code $LATEST}. Each would skip
 * SnapStart and the version the alias pins, silently.
 * <p>
 * One check per stack, added by {@code WildRydesChecks} (the aspect the app applies), for all the
 * stack's JavaFunctions: one walk of the stack, each invoker's target resolved once. Every call
 * here crosses from Java to the jsii kernel, so a check per function, each walking the whole
 * stack, made synthesis grow with functions times resources.
 */
public final class InvokedThroughAlias implements IValidation {

    private final Stack stack;

    public InvokedThroughAlias(Stack stack) {
        this.stack = stack;
    }

    @Override
    public List<String> validate() {
        List<IConstruct> constructs = stack.getNode().findAll();
        // The resolved name and ARN of each function's unpublished version: what an invoker would hold.
        Map<Object, JavaFunction> unpublished = new HashMap<>();
        for (IConstruct construct : constructs) {
            if (construct instanceof JavaFunction javaFunction && Stack.of(javaFunction) == stack) {
                for (String reference : List.of(
                        javaFunction.getFunction().getFunctionName(),
                        javaFunction.getFunction().getFunctionArn())) {
                    Object resolved = stack.resolve(reference);
                    if (resolved != null) {
                        unpublished.put(resolved, javaFunction);
                    }
                }
            }
        }
        List<String> errors = new ArrayList<>();
        if (unpublished.isEmpty()) {
            return errors;
        }
        for (IConstruct construct : constructs) {
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
