package com.wildrydes.constructs;

import com.wildrydes.constructs.internal.InvokedThroughAlias;
import com.wildrydes.constructs.internal.StateMachineNames;
import java.util.HashSet;
import java.util.Set;
import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/**
 * The checks this library's constructs need over a whole stack or app, which no construct can make
 * from inside itself without global state: apply it to your app once, as aws-cdk-lib's own
 * app-wide checks are applied,
 * {@code Aspects.of(app).add(new WildRydesChecks());}. Without it the constructs still synthesize,
 * unchecked for:
 * <ul>
 *   <li>anything in a stack (a Lambda permission, an event source mapping, an SNS subscription, an
 *       asynchronous invocation configuration on {@code $LATEST}) that invokes a
 *       {@link com.wildrydes.constructs.functions.JavaFunction}'s unpublished function instead of its
 *       live alias, bypassing SnapStart;</li>
 *   <li>two state machines of one fixed name in one account and region (or one environment-agnostic
 *       stack), which could not both deploy.</li>
 * </ul>
 * Each is a validation: {@code app.synth()} (and so {@code cdk synth}) fails, naming the construct
 * paths involved.
 */
public final class WildRydesChecks implements IAspect {

    /** This aspect's own record of the stacks it checks already, should it be applied twice to one tree. */
    private final Set<IConstruct> checked = new HashSet<>();

    /** Creates the checks; add them to the app with {@code Aspects.of(app).add(...)}. */
    public WildRydesChecks() {
        // Stateless but for the record above.
    }

    /**
     * Adds the stack-wide check to each stack visited, and the app-wide one to the app's root (also
     * when the aspect is applied to stacks rather than to the app).
     *
     * @param node a construct of the tree the aspect is applied to
     */
    @Override
    public void visit(IConstruct node) {
        if (node instanceof Stack stack && checked.add(stack)) {
            stack.getNode().addValidation(new InvokedThroughAlias(stack));
            IConstruct root = stack.getNode().getRoot();
            if (checked.add(root)) {
                root.getNode().addValidation(new StateMachineNames(root));
            }
        }
    }
}
