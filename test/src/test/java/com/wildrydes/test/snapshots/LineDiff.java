package com.wildrydes.test.snapshots;

import java.util.List;

/**
 * A short, readable difference between two texts: the lines between their common beginning and
 * common end, with a few lines of context, the way a reviewer wants to see a template change.
 */
public final class LineDiff {

    static final int CONTEXT = 3;
    static final int MAX_LINES = 120;

    private LineDiff() {}

    public static String between(String expected, String actual) {
        List<String> before = expected.lines().toList();
        List<String> after = actual.lines().toList();
        int start = 0;
        while (start < before.size()
                && start < after.size()
                && before.get(start).equals(after.get(start))) {
            start++;
        }
        int endBefore = before.size();
        int endAfter = after.size();
        while (endBefore > start
                && endAfter > start
                && before.get(endBefore - 1).equals(after.get(endAfter - 1))) {
            endBefore--;
            endAfter--;
        }
        StringBuilder diff = new StringBuilder("@@ line ").append(start + 1).append(" @@\n");
        int printed = 0;
        for (int i = Math.max(0, start - CONTEXT); i < start; i++) {
            diff.append("  ").append(before.get(i)).append('\n');
        }
        for (int i = start; i < endBefore && printed++ < MAX_LINES; i++) {
            diff.append("- ").append(before.get(i)).append('\n');
        }
        for (int i = start; i < endAfter && printed++ < MAX_LINES; i++) {
            diff.append("+ ").append(after.get(i)).append('\n');
        }
        if (printed > MAX_LINES) {
            diff.append("... (")
                    .append(endBefore - start + endAfter - start - MAX_LINES)
                    .append(" more lines)\n");
        }
        for (int i = endBefore; i < Math.min(before.size(), endBefore + CONTEXT); i++) {
            diff.append("  ").append(before.get(i)).append('\n');
        }
        return diff.toString();
    }
}
