package com.wildrydes.local.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults on demand: the n-th AWS call (for a function, a call with all its SDK retries counts once: the
 * SDK sets a call's HTTP request up once, before its attempts, so every attempt of a faulted call meets
 * the fault and the handler sees it after the SDK's retries ran out) that one function (or state machine) makes
 * to one service operation is answered with an AWS error instead of reaching the engine. A caller is
 * known by a key of its own ({@link #callerKey(String)}), not by its name: two labs of one stack in
 * one JVM have functions of the same name, and a fault planned in one must never hit the other. Shared by
 * every function's class loader (like {@link FunctionEnvironment}, it speaks JDK types only);
 * {@link FaultInterceptor}, which each function's SDK loads as a global execution interceptor, asks
 * it before each call is sent, and a planned fault redirects that call to {@link FaultServer}.
 */
public final class FaultPlan {

    private static final List<Planned> PLANNED = new ArrayList<>();
    private static final ConcurrentHashMap<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final List<String> FIRED = new ArrayList<>();
    private static final AtomicInteger CALLERS = new AtomicInteger();

    private FaultPlan() {}

    /** A key for one function or state machine of one lab, unique in this JVM: {@code name#n}. */
    public static String callerKey(String name) {
        return name + "#" + CALLERS.incrementAndGet();
    }

    /** Forgets the caller's planned faults and its call counts (its lab is closing). */
    public static synchronized void forget(String callerKey) {
        String prefix = callerKey + " ";
        PLANNED.removeIf(planned -> planned.key.startsWith(prefix));
        CALLS.keySet().removeIf(key -> key.startsWith(prefix));
    }

    /**
     * Plans the fault for the caller (a function's or a state machine's {@link #callerKey(String)}); service as the SDK
     * names it ({@code DynamoDB}, {@code SNS}, {@code SQS}; any case).
     */
    public static synchronized void failNth(
            String callerKey, String service, String operation, int nth, AwsFault fault) {
        if (nth < 1) {
            throw new IllegalArgumentException("calls are counted from 1, got " + nth);
        }
        ServiceOperations.requireKnown(service, operation);
        String key = key(callerKey, service, operation);
        int already = CALLS.computeIfAbsent(key, k -> new AtomicInteger()).get();
        PLANNED.add(new Planned(key, already + nth, fault));
    }

    /** What fired so far, as {@code function service operation #n code} (the function's or state machine's name). */
    public static synchronized List<String> fired() {
        return List.copyOf(FIRED);
    }

    /**
     * Called by {@link FaultInterceptor} in a function's SDK once per call: the URL
     * of the fault answer to send this attempt to, or null to let it reach the engine.
     */
    public static String redirectFor(Class<?> caller, String service, String operation, String contentType) {
        FunctionClassLoader loader = FunctionClassLoader.of(caller);
        if (loader == null) {
            return null;
        }
        AwsFault fault = nextCall(loader.callerKey(), service, operation);
        return fault == null ? null : FaultServer.instance().answer(fault, contentType);
    }

    /**
     * Counts one call (one attempt) of that caller (a function's or a state machine's key) to that
     * service operation, and returns the fault planned for it, or null to let it reach the engine.
     */
    public static AwsFault nextCall(String callerKey, String service, String operation) {
        String key = key(callerKey, service, operation);
        String callerName = callerKey.substring(0, Math.max(0, callerKey.lastIndexOf('#')));
        int call = CALLS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        synchronized (FaultPlan.class) {
            Planned planned = PLANNED.stream()
                    .filter(p -> p.key.equals(key) && p.call == call)
                    .findFirst()
                    .orElse(null);
            if (planned == null) {
                return RandomFaults.sdkFault(callerKey, service, operation);
            }
            PLANNED.remove(planned);
            FIRED.add(callerName + " " + service.toLowerCase(Locale.ROOT) + " " + operation + " #" + call + " "
                    + planned.fault.code());
            return planned.fault;
        }
    }

    private static String key(String callerKey, String service, String operation) {
        return callerKey + " " + service.toLowerCase(Locale.ROOT) + " " + operation;
    }

    private record Planned(String key, int call, AwsFault fault) {}
}
