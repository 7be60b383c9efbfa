package com.wildrydes.infra;

import com.wildrydes.constructs.functions.JavaFunction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.constructs.IConstruct;

/**
 * Names each function's log group {@code /aws/lambda/<stack>-<function>}, where the workshop sends
 * learners (the Lambda console's "View CloudWatch logs" and the original's steps look under
 * /aws/lambda/), instead of a generated name elsewhere. The stack's name makes it unique per account
 * and region, and it carries a learner's {@code -c prefix}, so two learners never share one; the
 * function's construct ID makes it unique within the stack (checked here).
 */
final class FunctionLogGroups {

    /** CloudWatch Logs' limit on a log group name. */
    static final int MAX_NAME_LENGTH = 512;

    private static final Pattern FUNCTION_ID = Pattern.compile("[A-Za-z0-9]+");

    private FunctionLogGroups() {}

    /** Call once every function of the stack exists. */
    static void nameAfterStackAndFunction(Stack stack) {
        Map<String, String> functionPaths = new LinkedHashMap<>();
        for (IConstruct child : stack.getNode().findAll()) {
            if (child instanceof JavaFunction function) {
                String id = function.getNode().getId();
                String previous = functionPaths.put(id, function.getNode().getPath());
                if (previous != null || !FUNCTION_ID.matcher(id).matches()) {
                    throw new IllegalArgumentException(stack.getStackName() + ": function ID '" + id + "' of "
                            + function.getNode().getPath()
                            + " cannot name a log group: expected letters and digits, unique "
                            + "in the stack" + (previous != null ? " (also used by " + previous + ")" : ""));
                }
                String name = "/aws/lambda/" + stack.getStackName() + "-" + id;
                if (name.length() > MAX_NAME_LENGTH) {
                    throw new IllegalArgumentException(stack.getStackName() + ": log group name " + name + " has "
                            + name.length() + " characters, CloudWatch Logs takes at most " + MAX_NAME_LENGTH);
                }
                // An override of the name only: the log group's construct and logical ID stay.
                ((CfnLogGroup) function.getLogGroup().getNode().getDefaultChild()).setLogGroupName(name);
            }
        }
    }
}
