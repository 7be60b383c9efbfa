package com.wildrydes.local.iam;

/** A call the template's policies do not allow: the call, IAM's decision, and which policy lacks what. */
public record Denial(RecordedCall call, String decision, String why) {

    @Override
    public String toString() {
        return decision + ": " + call.principal() + " calling " + call.action() + " on " + call.resource() + " ("
                + call.origin() + "): " + why;
    }
}
