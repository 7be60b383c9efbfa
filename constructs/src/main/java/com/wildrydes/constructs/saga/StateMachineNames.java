package com.wildrydes.constructs.saga;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The state machine names the sagas of one app fix: Step Functions takes a name once per account
 * and region, so a second saga of that name could not deploy (nor its log group, named after it).
 * Refused at synthesis where the collision is certain: in one known account and region, or, for
 * an environment-agnostic stack, within that stack.
 */
final class StateMachineNames {

    /** The names claimed in each app, by where they must be unique, with the saga that claimed each. */
    private static final Map<IConstruct, Map<String, String>> BY_APP = Collections.synchronizedMap(new WeakHashMap<>());

    private StateMachineNames() {}

    static void claim(Construct saga, String name) {
        if (name == null || Token.isUnresolved(name)) {
            return;
        }
        Stack stack = Stack.of(saga);
        String where = Token.isUnresolved(stack.getAccount()) || Token.isUnresolved(stack.getRegion())
                ? "stack " + stack.getNode().getPath()
                : "account " + stack.getAccount() + " and region " + stack.getRegion();
        String previous = BY_APP.computeIfAbsent(saga.getNode().getRoot(), app -> new HashMap<>())
                .putIfAbsent(where + "\n" + name, saga.getNode().getPath());
        if (previous != null) {
            throw new IllegalArgumentException("FareCollectionSaga: stateMachineName must be unique in its " + where
                    + " (Step Functions takes a name once per account and region), got \"" + name
                    + "\", which " + previous + " already has");
        }
    }
}
