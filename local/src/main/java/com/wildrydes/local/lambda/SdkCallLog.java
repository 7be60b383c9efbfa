package com.wildrydes.local.lambda;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each local function's own SDK reports the AWS calls it makes (service, operation and the
 * request's resource fields such as {@code TableName}, {@code TopicArn} or {@code QueueUrl}), so
 * that local mode can check them against the template's IAM policies. Shared by every function's
 * class loader, like {@link FaultPlan} it speaks JDK types only; {@link FaultInterceptor} calls it
 * before each execution.
 */
public final class SdkCallLog {

    /** Receives one function's calls. */
    public interface Sink {
        void call(String service, String operation, Map<String, String> resourceFields);
    }

    private static final Map<String, Sink> SINKS = new ConcurrentHashMap<>();

    private SdkCallLog() {}

    /** @param callerKey the function's {@link LocalFunction#callerKey()}, its own even beside a same-named function */
    public static void register(String callerKey, Sink sink) {
        SINKS.put(callerKey, sink);
    }

    public static void unregister(String callerKey) {
        SINKS.remove(callerKey);
    }

    /** Called by {@link FaultInterceptor} in a function's SDK before each SDK call. */
    public static void record(Class<?> caller, String service, String operation, Map<String, String> fields) {
        FunctionClassLoader loader = FunctionClassLoader.of(caller);
        if (loader != null) {
            Sink sink = SINKS.get(loader.callerKey());
            if (sink != null) {
                sink.call(service, operation, Map.copyOf(fields));
            }
        }
    }
}
