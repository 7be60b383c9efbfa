package com.wildrydes.local.sts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IAM roles deployed stacks created (the bootstrap's deploy, publishing and lookup roles),
 * by ARN: what STS lets a caller assume. Roles exist here only as records; no policy is enforced
 * on the CLI's calls.
 */
public final class Roles {

    private final Map<String, String> stackByRoleArn = new ConcurrentHashMap<>();

    public void created(String roleArn, String stackName) {
        stackByRoleArn.put(roleArn, stackName);
    }

    public void deleted(String roleArn) {
        stackByRoleArn.remove(roleArn);
    }

    public boolean exists(String roleArn) {
        return stackByRoleArn.containsKey(roleArn);
    }
}
