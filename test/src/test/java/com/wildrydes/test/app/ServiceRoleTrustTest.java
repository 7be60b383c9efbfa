package com.wildrydes.test.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.test.support.Labs;
import com.wildrydes.test.support.SynthesizedApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-service confused deputy: a service role's trust policy names the account whose resources
 * may make the service assume it, where the service puts {@code aws:SourceAccount} in the request.
 * Every service principal a stack trusts must be classified here, so a new one is a decision.
 */
class ServiceRoleTrustTest {

    /** Step Functions documents aws:SourceAccount and aws:SourceArn in a state machine role's trust policy. */
    private static final Set<String> SUPPORTS_SOURCE_ACCOUNT = Set.of("states.amazonaws.com");
    /** Lambda documents no such key when it assumes an execution role: a condition on it would deny Lambda. */
    private static final Set<String> NO_SOURCE_ACCOUNT = Set.of("lambda.amazonaws.com");

    static Stream<String> stacks() {
        return Labs.stackNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    @SuppressWarnings("unchecked")
    void serviceRolesNameTheAccountWhereTheServiceSupportsIt(String stackName) {
        Map<String, Map<String, Object>> roles =
                SynthesizedApp.template(stackName).findResources("AWS::IAM::Role");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> role : roles.entrySet()) {
            Map<String, Object> properties =
                    (Map<String, Object>) role.getValue().get("Properties");
            Map<String, Object> trust = (Map<String, Object>) properties.get("AssumeRolePolicyDocument");
            for (Object item : (List<Object>) trust.get("Statement")) {
                Map<String, Object> statement = (Map<String, Object>) item;
                Object service = ((Map<String, Object>) statement.get("Principal")).get("Service");
                if (service == null) {
                    continue;
                }
                if (SUPPORTS_SOURCE_ACCOUNT.contains(service)) {
                    Map<String, Object> condition = (Map<String, Object>) statement.get("Condition");
                    Object account = condition == null
                            ? null
                            : ((Map<String, Object>) condition.getOrDefault("StringEquals", Map.of()))
                                    .get("aws:SourceAccount");
                    if (!Map.of("Ref", "AWS::AccountId").equals(account)) {
                        problems.add(role.getKey() + " trusts " + service
                                + " without aws:SourceAccount = this account: " + condition);
                    }
                } else if (!NO_SOURCE_ACCOUNT.contains(service)) {
                    problems.add(
                            role.getKey() + " trusts " + service + ": classify whether it supports aws:SourceAccount");
                }
            }
        }
        assertTrue(!roles.isEmpty(), stackName + " has no roles");
        assertEquals(List.of(), problems);
    }
}
