package com.wildrydes.constructs.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.CfnRole;
import software.amazon.awscdk.services.iam.IRole;

/**
 * Cross-service confused-deputy guards on service roles: the trust policy lets the service assume
 * the role only on behalf of this account's own resources ({@code aws:SourceAccount},
 * {@code aws:SourceArn}). Applied only where the service documents these keys in role trust
 * policies: Step Functions does; Lambda does not for execution roles, where such a condition
 * would stop Lambda from assuming the role.
 */
public final class ServiceRoleTrust {

    private ServiceRoleTrust() {}

    /**
     * Limits a state machine's role (one trust statement, for {@code states.amazonaws.com}, as
     * CDK's {@code StateMachine} creates it) to state machines of this account and region.
     */
    public static void stateMachinesOfThisAccount(IRole role) {
        Stack stack = Stack.of(role);
        String stateMachines = stack.formatArn(ArnComponents.builder()
                .service("states")
                .resource("stateMachine")
                .resourceName("*")
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID));
        condition.put("ArnLike", Map.of("aws:SourceArn", stateMachines));
        // The role's trust statement is CDK's; an override adds the condition without changing the role's construct or
        // logical ID.
        ((CfnRole) role.getNode().getDefaultChild())
                .addPropertyOverride("AssumeRolePolicyDocument.Statement.0.Condition", condition);
    }
}
