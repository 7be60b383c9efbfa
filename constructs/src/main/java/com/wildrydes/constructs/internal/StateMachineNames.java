package com.wildrydes.constructs.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.stepfunctions.CfnStateMachine;
import software.constructs.IConstruct;
import software.constructs.IValidation;

/**
 * Refuses two state machines of one fixed name where they would collide: Step Functions takes a
 * name once per account and region, so the second could not deploy (nor its log group, named
 * after it). Certain in one known account and region, or, for an environment-agnostic stack,
 * within that stack. Added to the app's root by {@code WildRydesChecks}, the aspect the app
 * applies; every state machine of the app counts, the sagas' and the app's own.
 */
public final class StateMachineNames implements IValidation {

    private final IConstruct app;

    public StateMachineNames(IConstruct app) {
        this.app = app;
    }

    @Override
    public List<String> validate() {
        Map<String, String> claimed = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (IConstruct construct : app.getNode().findAll()) {
            if (!(construct instanceof CfnStateMachine stateMachine)) {
                continue;
            }
            String name = stateMachine.getStateMachineName();
            if (name == null || Token.isUnresolved(name)) {
                continue;
            }
            Stack stack = Stack.of(stateMachine);
            String where = Token.isUnresolved(stack.getAccount()) || Token.isUnresolved(stack.getRegion())
                    ? "stack " + stack.getNode().getPath()
                    : "account " + stack.getAccount() + " and region " + stack.getRegion();
            String owner = stateMachine.getNode().getScope().getNode().getPath();
            String previous = claimed.putIfAbsent(where + "\n" + name, owner);
            if (previous != null) {
                errors.add(owner + ": stateMachineName must be unique in its " + where
                        + " (Step Functions takes a name once per account and region), got \"" + name
                        + "\", which " + previous + " already has");
            }
        }
        return errors;
    }
}
