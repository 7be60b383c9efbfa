package com.wildrydes.local.template;

/**
 * Attached (as a suppressed exception) to whatever stopped a resource from coming up, naming that
 * resource, so that a deploy can report it as CloudFormation does (the resource's CREATE_FAILED
 * event) while the error itself keeps its type and message for the local command.
 */
public final class FailedResource extends RuntimeException {

    private final String logicalId;
    private final String type;

    public FailedResource(String logicalId, String type) {
        super("while bringing up " + logicalId + " (" + type + ")", null, false, false);
        this.logicalId = logicalId;
        this.type = type;
    }

    public String logicalId() {
        return logicalId;
    }

    public String type() {
        return type;
    }

    /** The resource named on the error or one of its causes, or null. */
    public static FailedResource of(Throwable error) {
        for (Throwable at = error; at != null; at = at.getCause()) {
            for (Throwable suppressed : at.getSuppressed()) {
                if (suppressed instanceof FailedResource named) {
                    return named;
                }
            }
            if (at.getCause() == at) {
                break;
            }
        }
        return null;
    }
}
