package com.wildrydes.local.lambda;

/**
 * The deadline of the invocation running on the current thread, for {@link FaultInterceptor}: once
 * it has passed, Lambda has stopped the execution environment (a timed-out invocation does not go on
 * running), so local mode fails each AWS call the handler still makes instead of sending it. Without
 * this, a handler that outlived its timeout kept running and writing on its thread (interrupting it
 * stops a sleep or one SDK call, not the handler's next call), which no function on Lambda can do.
 * Shared by every function's class loader (it speaks JDK types only), like {@link FaultPlan}; one
 * thread runs one invocation at a time, and the handlers' SDK clients are synchronous, so their calls
 * run on the invocation's thread.
 */
public final class InvocationDeadline {

    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private InvocationDeadline() {}

    /** The invocation on this thread ends at {@code epochMillis}. */
    static void begin(long epochMillis) {
        DEADLINE.set(epochMillis);
    }

    /** The invocation on this thread is over (answered or stopped). */
    static void end() {
        DEADLINE.remove();
    }

    /**
     * Called by {@link FaultInterceptor} before each AWS call and each attempt: a description of why
     * the call may not be sent (the invocation's time ran out), or null to let it go.
     */
    public static String refusal() {
        Long deadline = DEADLINE.get();
        if (deadline == null) {
            return null;
        }
        long late = System.currentTimeMillis() - deadline;
        return late < 0
                ? null
                : "local mode: this invocation timed out " + late + " ms ago, and Lambda has stopped its"
                        + " execution environment; the call was not sent";
    }
}
