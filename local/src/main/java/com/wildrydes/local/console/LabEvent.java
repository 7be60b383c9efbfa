package com.wildrydes.local.console;

/**
 * One thing that happened in a running lab, as local mode's components report it to a
 * {@link LabEventListener}: what kind, to which resource (a function's name, a queue's URL, a
 * state machine's ARN, as the component knows it), a short detail and the payload.
 *
 * @param resource the resource's local name, ARN or URL
 * @param detail   for example an error type and message, an SDK operation, an attempt number
 * @param payload  the event, answer or message (JSON text), or null
 * @param atMillis when it happened (epoch milliseconds), so a page can measure how late it shows it
 */
public record LabEvent(Kind kind, String resource, String detail, String payload, long atMillis) {

    /** What happened; the console counts each kind on the node it concerns. */
    public enum Kind {
        /** API Gateway passed a request on to the method's function. */
        API_REQUEST,
        /** A function's SDK called an AWS API; the payload lists the resources the request names. */
        SDK_CALL,
        INVOCATION_STARTED,
        INVOCATION_SUCCEEDED,
        INVOCATION_FAILED,
        /** Lambda retries an asynchronous invocation after a failure. */
        RETRIED,
        /** Lambda sent a failed asynchronous invocation to its on-failure destination (the queue's URL). */
        DEAD_LETTERED,
        EXECUTION_STARTED,
        /**
         * A running execution entered, left, failed, retried or caught an error in a state (the
         * detail is the execution's ARN; the payload the step: type, state, its type, timestamp).
         */
        EXECUTION_STEP,
        /** An execution ended; the payload holds its status and the states it entered, in order. */
        EXECUTION_ENDED
    }

    public static LabEvent of(Kind kind, String resource, String detail, String payload) {
        return new LabEvent(kind, resource, detail, payload, System.currentTimeMillis());
    }
}
