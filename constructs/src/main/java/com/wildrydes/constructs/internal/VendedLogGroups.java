package com.wildrydes.constructs.internal;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.constructs.Construct;

/**
 * Names for the log groups that AWS services deliver to as vended logs. CloudWatch Logs lets a
 * service deliver to a log group only through the account's resource policy, which is limited in
 * size; a log group under {@code /aws/vendedlogs/} is covered by one wildcard entry, while any other
 * adds an entry of its own, until a busy account can create no more state machines with logging.
 */
public final class VendedLogGroups {

    public static final String STEP_FUNCTIONS_PREFIX = "/aws/vendedlogs/states/";

    private VendedLogGroups() {}

    /**
     * {@code /aws/vendedlogs/states/<name>-<the stack's unique ID>}, where name is the state machine's, or
     * one derived from {@code scope}'s path when the state machine is not named. The stack's ID makes the
     * name unique per deployment, so a log group retained from an earlier deployment does not block the next.
     */
    public static String stepFunctionsLogGroupName(Construct scope, String stateMachineName) {
        String name = stateMachineName != null
                ? stateMachineName
                : Names.uniqueResourceName(
                        scope,
                        UniqueResourceNameOptions.builder().maxLength(200).build());
        return STEP_FUNCTIONS_PREFIX + name + "-" + Fn.select(2, Fn.split("/", Aws.STACK_ID));
    }
}
