package com.wildrydes.infra;

import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * {@code -c prefix=alice}: several learners deploy the labs into one account and region. The prefix
 * begins every stack's ID and name ({@code alice-wild-rydes-async-msg-1}); every fixed physical name
 * (state machines, log groups, the saga's metric) is built from the stack's name or path, so it
 * carries the prefix too. Without it, nothing changes.
 * <p>
 * Lowercase letters, digits and inner hyphens only, at most {@value #MAX_LENGTH} characters: the
 * longest name built on it, {@code <prefix>-wild-rydes-async-msg-4-start-here}, must stay within
 * Step Functions' 80 characters, and stack names in CloudFormation are case-sensitive, so "Alice" and
 * "alice" would be two learners whose names differ only by case in the console.
 */
record LearnerPrefix(String value) {

    static final String CONTEXT_KEY = "prefix";
    static final int MAX_LENGTH = 30;
    private static final Pattern VALID = Pattern.compile("[a-z]([a-z0-9-]{0," + (MAX_LENGTH - 2) + "}[a-z0-9])?");

    static LearnerPrefix of(Construct scope) {
        Object value = scope.getNode().tryGetContext(CONTEXT_KEY);
        if (value == null || value.toString().isEmpty()) {
            return new LearnerPrefix(null);
        }
        String text = value.toString();
        if (!VALID.matcher(text).matches()) {
            throw new IllegalArgumentException("Context " + CONTEXT_KEY + ": expected 1 to " + MAX_LENGTH
                    + " lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen"
                    + " (it begins every stack name), got '" + value + "'");
        }
        return new LearnerPrefix(text);
    }

    /** The lab's stack ID and name: {@code <prefix>-<lab stack>}, or the lab's own without a prefix. */
    String stackName(String labStack) {
        return value == null ? labStack : value + "-" + labStack;
    }
}
