package com.wildrydes.local.lambda;

import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.converters.LambdaErrorConverter;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.ErrorRequest;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Lambda function of the template, run in this JVM: the handler class the template names,
 * loaded from the template's jar asset in its own class loader with the template's environment,
 * its input and output (de)serialized as the Java runtime does (the runtime's own serializers), its
 * timeout enforced, and a thrown error reported as the Java runtime reports it (its own
 * {@link LambdaErrorConverter}), so {@code errorType} is the exception's class name.
 */
public final class LocalFunction implements AutoCloseable {

    private final String name;
    private final String callerKey;
    private final String arn;
    private final String handler;
    private final Duration timeout;
    private final FunctionClassLoader loader;
    private final ExecutorService executor;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger invocations = new AtomicInteger();
    private final FunctionLogs.LogGroup logs;
    private final Path code;
    private volatile com.wildrydes.local.console.LabEventListener events =
            com.wildrydes.local.console.LabEventListener.NONE;
    private volatile LoadedHandler loaded;

    public LocalFunction(
            String name,
            String arn,
            String handler,
            Path jar,
            Map<String, String> environment,
            Duration timeout,
            java.util.function.IntUnaryOperator sqsWait) {
        this.name = name;
        this.callerKey = FaultPlan.callerKey(name);
        this.arn = arn;
        this.handler = handler;
        this.timeout = timeout;
        this.code = jar;
        this.loader = new FunctionClassLoader(name, callerKey, jar, environment, sqsWait);
        this.logs = new FunctionLogs.LogGroup(name);
        FunctionLogs.LogGroup group = logs;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(
                    () -> {
                        FunctionLogs.enter(group);
                        task.run();
                    },
                    name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    /** The jar this function runs (a deployed function's: the uploaded object its template names). */
    public Path code() {
        return code;
    }

    /**
     * The name of the AWS SDK copy the function loads its SDK classes from, shared with every function
     * whose jar holds the same SDK bytes; null when its jar holds no SDK.
     */
    public String sdkLibrary() {
        return loader.sdkLibraryName();
    }

    /** The handler as the template names it ({@code package.Class::method}). */
    public String handler() {
        return handler;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * This function's key for faults on demand and the IAM check's call log ({@link FaultPlan},
     * {@link SdkCallLog}): its own, even beside a function of the same name in another lab.
     */
    public String callerKey() {
        return callerKey;
    }

    /** Where this function reports each invocation's start and end (the local console). */
    public void listen(com.wildrydes.local.console.LabEventListener listener) {
        this.events = listener;
    }

    /** Invokes the function with a JSON event and waits for its answer (a JSON payload or the runtime's error). */
    public Invocation invoke(String eventJson) {
        // A throttled request never runs the function: no invocation to count or to report.
        if (InvocationFaults.throttles(callerKey)) {
            return Invocation.error(InvocationFaults.THROTTLED, "Rate Exceeded.");
        }
        return ReportedInvocation.invoke(events, name, eventJson, this::invokeOnce);
    }

    private Invocation invokeOnce(String eventJson) {
        invocations.incrementAndGet();
        int now = running.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        try {
            // The invocation's time starts now (local mode waits for its answer from now); once it
            // runs out, the handler's AWS calls fail unsent (InvocationDeadline), as Lambda stops the
            // environment: interrupting the handler alone left it running and writing.
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            Future<String> result = executor.submit(() -> handle(eventJson, deadline));
            try {
                String payload = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                // A soak's timeout after the handler ran: its effects stand, its caller sees a timeout.
                return InvocationFaults.timesOut(callerKey) ? timedOut() : Invocation.success(payload);
            } catch (TimeoutException e) {
                result.cancel(true);
                return timedOut();
            } catch (ExecutionException e) {
                Throwable thrown =
                        e.getCause() instanceof InvocationTargetException target ? target.getCause() : e.getCause();
                ErrorRequest error = LambdaErrorConverter.fromThrowable(thrown);
                return Invocation.error(error.errorType, error.errorMessage);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Invocation.error("Interrupted", "local mode stopped during the invocation");
            }
        } finally {
            running.decrementAndGet();
        }
    }

    private Invocation timedOut() {
        return Invocation.error(
                "Sandbox.Timedout", String.format("Task timed out after %.2f seconds", timeout.toMillis() / 1000.0));
    }

    /**
     * Runs the init phase now, on one of the function's threads, as Lambda does when it publishes
     * a version with SnapStart (the snapshot is taken after init), rather than on the first
     * invocation.
     */
    public Future<?> initialiseAhead() {
        return executor.submit(() -> {
            initialise();
            return null;
        });
    }

    /** The most invocations that ran at once so far (what CloudWatch's ConcurrentExecutions shows). */
    public int peakConcurrency() {
        return peak.get();
    }

    /** The lines the function has written (its log group; kept once {@link FunctionLogs#capture()} runs). */
    public List<String> logLines() {
        return logs.lines();
    }

    /** The function's log group: its lines with their times. */
    public FunctionLogs.LogGroup logGroup() {
        return logs;
    }

    public int invocationCount() {
        return invocations.get();
    }

    private String handle(String eventJson, long deadline) throws Exception {
        InvocationDeadline.begin(deadline);
        try {
            LoadedHandler handler = initialise();
            return handler.handle(
                    eventJson,
                    RuntimeContext.of(loader, name, arn, Math.max(0, deadline - System.currentTimeMillis())));
        } finally {
            InvocationDeadline.end();
        }
    }

    /** The init phase: the handler class loaded and constructed once, on first invocation. */
    private synchronized LoadedHandler initialise() throws ReflectiveOperationException {
        if (loaded == null) {
            loaded = LoadedHandler.load(name, handler, loader);
        }
        return loaded;
    }

    @Override
    public void close() {
        FaultPlan.forget(callerKey);
        InvocationFaults.forget(callerKey);
        executor.shutdownNow();
        try {
            loader.close();
            LoadedHandler handler = loaded;
            if (handler != null) {
                handler.close();
            }
        } catch (java.io.IOException ignored) {
            // the jar is read-only; nothing to lose
        }
    }

    /** A function's answer: its JSON payload, or the runtime's error type and message. */
    public record Invocation(String payload, String errorType, String errorMessage) {

        static Invocation success(String payload) {
            return new Invocation(payload, null, null);
        }

        static Invocation error(String type, String message) {
            return new Invocation(null, type, message);
        }

        public boolean failed() {
            return errorType != null;
        }

        /** Lambda throttled the invocation: the handler did not run. */
        public boolean throttled() {
            return InvocationFaults.THROTTLED.equals(errorType);
        }

        /** The error as Lambda returns it: {"errorType": ..., "errorMessage": ...}. */
        public String errorJson() {
            return "{\"errorType\":" + quote(errorType) + ",\"errorMessage\":" + quote(errorMessage) + "}";
        }

        private static String quote(String value) {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
