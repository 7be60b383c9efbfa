package com.wildrydes.local.iam;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The IAM proof of one local lab run: how many AWS calls it made, how many distinct ones (with the
 * calls they imply) the template's policies were asked about, the ones they deny, each identity
 * grant with whether any call used it, and what was not evaluated.
 */
public record IamReport(
        String stack,
        long recordedCalls,
        int evaluatedCalls,
        List<Denial> denials,
        List<GrantUse> grants,
        List<String> notEvaluated) {

    /** One identity grant and whether a call of this run was allowed through it. */
    public record GrantUse(TemplatePolicies.Grant grant, boolean used) {}

    /** Fails, naming every denied call, when any call was denied. */
    public void assertNoDenials() {
        if (!denials.isEmpty()) {
            throw new IamDeniedException(stack + ": " + denials.size()
                    + " AWS call(s) of the local run are not allowed by the template's policies:\n  "
                    + denials.stream().map(Denial::toString).collect(Collectors.joining("\n  ")));
        }
    }

    /** What a run whose calls were denied fails with. */
    public static final class IamDeniedException extends IllegalStateException {
        public IamDeniedException(String message) {
            super(message);
        }
    }
}
