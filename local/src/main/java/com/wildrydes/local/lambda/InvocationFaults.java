package com.wildrydes.local.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults of a Lambda invocation itself, on demand, beside {@link FaultPlan}'s faults of a function's
 * own AWS calls: the n-th invocation of a function is throttled (Lambda answers
 * {@code TooManyRequestsException}, 429, and the handler does not run), and, for a soak
 * ({@link RandomFaults}), invocations throttled or timed out at random. What the caller does next is
 * Lambda's rule for that caller, not this class's: an asynchronous invocation is kept and retried
 * with back-off until its maximum event age ({@link AsyncInvoker}), an SQS event source's batch
 * returns to the queue after its visibility timeout ({@link SqsEventSource}), Step Functions sees
 * {@code Lambda.TooManyRequestsException}. Keyed like {@link FaultPlan}, by the function's caller key.
 */
public final class InvocationFaults {

    /** Lambda's error code for a throttled invocation. */
    public static final String THROTTLED = "TooManyRequestsException";

    private static final Map<String, List<Integer>> PLANNED = new ConcurrentHashMap<>();
    private static final Map<String, List<Integer>> PLANNED_TIMEOUTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> INVOCATIONS = new ConcurrentHashMap<>();
    private static final List<String> FIRED = new ArrayList<>();

    private InvocationFaults() {}

    /** Plans the n-th invocation of the function from now (counted from 1, each attempt counts) to be throttled. */
    public static synchronized void throttleNth(String callerKey, int nth) {
        if (nth < 1) {
            throw new IllegalArgumentException("invocations are counted from 1, got " + nth);
        }
        int already =
                INVOCATIONS.computeIfAbsent(callerKey, k -> new AtomicInteger()).get();
        PLANNED.computeIfAbsent(callerKey, k -> new ArrayList<>()).add(already + nth);
    }

    /**
     * Plans the n-th invocation of the function from now (counted from 1, each attempt counts) to be
     * reported timed out after its handler ran.
     */
    public static synchronized void timeOutNth(String callerKey, int nth) {
        if (nth < 1) {
            throw new IllegalArgumentException("invocations are counted from 1, got " + nth);
        }
        int already =
                INVOCATIONS.computeIfAbsent(callerKey, k -> new AtomicInteger()).get();
        PLANNED_TIMEOUTS.computeIfAbsent(callerKey, k -> new ArrayList<>()).add(already + nth);
    }

    /** The throttles that fired so far, as {@code function #n}. */
    public static synchronized List<String> fired() {
        return List.copyOf(FIRED);
    }

    /** Forgets the function's planned throttles and counts (its lab is closing). */
    public static synchronized void forget(String callerKey) {
        PLANNED.remove(callerKey);
        PLANNED_TIMEOUTS.remove(callerKey);
        INVOCATIONS.remove(callerKey);
    }

    /** Counts one invocation and says whether Lambda throttles it (planned, or at random in a soak). */
    static boolean throttles(String callerKey) {
        int invocation =
                INVOCATIONS.computeIfAbsent(callerKey, k -> new AtomicInteger()).incrementAndGet();
        synchronized (InvocationFaults.class) {
            List<Integer> planned = PLANNED.get(callerKey);
            if (planned != null && planned.remove(Integer.valueOf(invocation))) {
                FIRED.add(callerKey.substring(0, Math.max(0, callerKey.lastIndexOf('#'))) + " #" + invocation);
                return true;
            }
        }
        return RandomFaults.throttlesInvocation(callerKey);
    }

    /** Whether this invocation (the last counted), once its handler has run, is reported as timed out. */
    static boolean timesOut(String callerKey) {
        AtomicInteger count = INVOCATIONS.get(callerKey);
        synchronized (InvocationFaults.class) {
            List<Integer> planned = PLANNED_TIMEOUTS.get(callerKey);
            if (count != null && planned != null && planned.remove(Integer.valueOf(count.get()))) {
                return true;
            }
        }
        return RandomFaults.timesOutInvocation(callerKey);
    }
}
