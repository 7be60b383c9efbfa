package com.wildrydes.constructs.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 */
final class InvokedThroughAlias implements IValidation {

    private final JavaFunction javaFunction;

    InvokedThroughAlias(JavaFunction javaFunction) {
        this.javaFunction = javaFunction;
    }

    @Override
    public List<String> validate() {
        Stack stack = Stack.of(javaFunction);
        Object name = stack.resolve(javaFunction.getFunction().getFunctionName());
        Object arn = stack.resolve(javaFunction.getFunction().getFunctionArn());
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
            if (resolved != null && (Objects.equals(resolved, name) || Objects.equals(resolved, arn))) {
                errors.add(construct.getNode().getPath() + " invokes the unpublished function of JavaFunction "
                        + javaFunction.getNode().getPath() + ", bypassing SnapStart and its live alias: pass the "
                        + "JavaFunction itself or getAlias(), not getFunction()");
            }
        }
        return errors;
    }
}
