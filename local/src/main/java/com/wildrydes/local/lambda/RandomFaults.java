package com.wildrydes.local.lambda;

import java.util.Collection;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Faults at random, for a soak: each AWS call of the chosen functions (a call with its SDK retries:
 * a faulted call fails on every attempt, see {@link FaultPlan}) and each task attempt of the chosen
 * state machines fails at the given rate with one of the errors AWS answers for
 * that service under load (throttling, a server error, a write conflict), and each invocation of the
 * chosen functions is throttled, or reported timed out after its handler ran, at the same rate.
 * DynamoDB: throttling ({@code ProvisionedThroughputExceededException}, {@code ThrottlingException}),
 * {@code InternalServerError}, and for a transaction its cancellation by a conflicting writer.
 * Counted by kind, so that a soak can print what it injected. Installed per lab, by caller key, like
 * {@link FaultPlan}: a lab beside it in the JVM never meets these faults.
 */
public final class RandomFaults {

    private static final Map<String, RandomFaults> BY_CALLER = new ConcurrentHashMap<>();

    private final double rate;
    private final Random random;
    private final Map<String, LongAdder> injected = new ConcurrentHashMap<>();

    /** @param rate the share of calls and invocations that fail, 0 to 1 */
    public RandomFaults(double rate, long seed) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("a fault rate is from 0 to 1, got " + rate);
        }
        this.rate = rate;
        this.random = new Random(seed);
    }

    /** Starts injecting into the callers (functions' and state machines' caller keys). */
    public void install(Collection<String> callerKeys) {
        callerKeys.forEach(key -> BY_CALLER.put(key, this));
    }

    /** Stops injecting into the callers. */
    public static void uninstall(Collection<String> callerKeys) {
        callerKeys.forEach(BY_CALLER::remove);
    }

    /** What was injected so far, by kind ({@code dynamodb ThrottlingException}, {@code lambda throttle}...). */
    public Map<String, Long> injected() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        injected.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }

    static AwsFault sdkFault(String callerKey, String service, String operation) {
        RandomFaults faults = BY_CALLER.get(callerKey);
        return faults == null ? null : faults.pick(service.toLowerCase(java.util.Locale.ROOT), operation);
    }

    static boolean throttlesInvocation(String callerKey) {
        RandomFaults faults = BY_CALLER.get(callerKey);
        return faults != null && faults.hit("lambda throttle");
    }

    static boolean timesOutInvocation(String callerKey) {
        RandomFaults faults = BY_CALLER.get(callerKey);
        return faults != null && faults.hit("lambda timeout");
    }

    private boolean hit(String kind) {
        boolean hit;
        synchronized (random) {
            hit = random.nextDouble() < rate;
        }
        if (hit) {
            injected.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }
        return hit;
    }

    private AwsFault pick(String service, String operation) {
        int choice;
        synchronized (random) {
            if (random.nextDouble() >= rate) {
                return null;
            }
            choice = random.nextInt(3);
        }
        AwsFault fault = switch (service) {
            case "dynamodb" ->
                switch (choice) {
                    case 0 ->
                        new AwsFault(
                                400,
                                "ProvisionedThroughputExceededException",
                                "The level of configured provisioned throughput"
                                        + " for the table was exceeded (injected by the soak)",
                                null);
                    case 1 ->
                        new AwsFault(500, "InternalServerError", "Internal server error (injected by the soak)", null);
                    default ->
                        operation.equals("TransactWriteItems")
                                // Positional reasons for the two-item transactions of this project (lab 3's quote).
                                ? AwsFault.transactionCanceled("None", "TransactionConflict")
                                // A single-item write meets TransactionConflictException only beside
                                // transactions on its item, which no other table of the labs has.
                                : new AwsFault(
                                        400,
                                        "ThrottlingException",
                                        "Throughput exceeds the current capacity of your table (injected by the soak)",
                                        null);
                };
            case "sns" ->
                choice == 0
                        ? new AwsFault(429, "Throttled", "Rate exceeded (injected by the soak)", null)
                        : new AwsFault(500, "InternalError", "Internal error (injected by the soak)", null);
            case "sqs" ->
                choice == 0
                        ? new AwsFault(400, "ThrottlingException", "Rate exceeded (injected by the soak)", null)
                        : new AwsFault(500, "InternalFailure", "Internal failure (injected by the soak)", null);
            default -> null;
        };
        if (fault != null) {
            injected.computeIfAbsent(service + " " + fault.code(), k -> new LongAdder())
                    .increment();
        }
        return fault;
    }
}
