package com.wildrydes.constructs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awscdk.assertions.Template;

/**
 * The actions a synthesized template allows a role on a resource, read from its identity policies:
 * least-privilege tests assert on the whole set, so that an action added beside the needed ones
 * fails them, which {@code hasResourceProperties} with {@code arrayWith} would not notice.
 */
public final class RoleActions {

    private RoleActions() {}

    /**
     * Every action an {@code AWS::IAM::Policy} attached to a role whose logical ID starts with
     * {@code rolePrefix} allows on a resource whose reference names a logical ID starting with
     * {@code resourcePrefix}.
     */
    public static Set<String> allowed(Template template, String rolePrefix, String resourcePrefix) {
        Pattern resource = Pattern.compile("\\b" + Pattern.quote(resourcePrefix));
        Set<String> actions = new TreeSet<>();
        for (Map<String, Object> policy :
                template.findResources("AWS::IAM::Policy").values()) {
            Map<?, ?> properties = (Map<?, ?>) policy.get("Properties");
            if (!attachedTo((List<?>) properties.get("Roles"), rolePrefix)) {
                continue;
            }
            for (Object each : (List<?>) ((Map<?, ?>) properties.get("PolicyDocument")).get("Statement")) {
                Map<?, ?> statement = (Map<?, ?>) each;
                if ("Allow".equals(statement.get("Effect"))
                        && resource.matcher(String.valueOf(statement.get("Resource")))
                                .find()) {
                    Object action = statement.get("Action");
                    if (action instanceof List<?> list) {
                        list.forEach(a -> actions.add((String) a));
                    } else {
                        actions.add((String) action);
                    }
                }
            }
        }
        return actions;
    }

    private static boolean attachedTo(List<?> roles, String rolePrefix) {
        return roles != null
                && roles.stream()
                        .anyMatch(role -> role instanceof Map<?, ?> ref
                                && String.valueOf(ref.get("Ref")).startsWith(rolePrefix));
    }
}
