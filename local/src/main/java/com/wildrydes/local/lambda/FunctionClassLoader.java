package com.wildrydes.local.lambda;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * One function's classes, loaded from the template's jar asset apart from every other function's
 * (so the handler's static state, its SDK clients included, is the function's own, as in its own
 * Lambda execution environment) and apart from local mode's own classes (the jar's SDK and Jackson,
 * not ours). The library classes of the jar (its AWS SDK and what that links to; the Lambda
 * runtime's interfaces and events: {@link SharedLibrary}) come from loaders shared with the
 * functions whose jars hold byte-identical copies of them, so that a lab's functions load their SDK
 * once rather than once each; a class the jar does not hold is not found, as on Lambda. Its only
 * link to local mode is {@link FunctionEnvironment}, which its {@code System.getenv} calls are
 * rewritten to, so that the function reads the template's environment.
 */
final class FunctionClassLoader extends RewritingLoader {

    private final String callerKey;
    private final Map<String, String> environment;
    private final IntUnaryOperator sqsWait;
    /** The jar's SDK and runtime libraries, each null when the jar holds none. */
    private final SharedLibrary sdk;

    private final SharedLibrary runtime;

    /** @param sqsWait an SQS wait in seconds on local mode's time scale, for the delays of messages the function sends */
    FunctionClassLoader(
            String functionName,
            String callerKey,
            Path jar,
            Map<String, String> environment,
            IntUnaryOperator sqsWait) {
        super("function:" + functionName, new java.net.URL[] {url(jar)});
        this.callerKey = callerKey;
        this.environment = Map.copyOf(environment);
        this.sqsWait = sqsWait;
        this.sdk = SharedLibrary.join(jar, LibraryContents.Kind.SDK, this);
        this.runtime = SharedLibrary.join(jar, LibraryContents.Kind.RUNTIME, this);
    }

    /**
     * The function a class belongs to: the function loader that defined it, or, for a class of a
     * {@link SharedLibrary} (an SDK interceptor, the SDK reading a variable), the function whose
     * thread runs it. Null outside local functions.
     */
    static FunctionClassLoader of(Class<?> caller) {
        ClassLoader loader = caller.getClassLoader();
        if (loader instanceof FunctionClassLoader function) {
            return function;
        }
        if (loader instanceof SharedLibrary library
                && Thread.currentThread().getContextClassLoader() instanceof FunctionClassLoader function
                && (function.sdk == library || function.runtime == library)) {
            return function;
        }
        return null;
    }

    /** The function's key for {@link FaultPlan} and {@link SdkCallLog}: this function of this lab only. */
    String callerKey() {
        return callerKey;
    }

    IntUnaryOperator sqsWait() {
        return sqsWait;
    }

    Map<String, String> environment() {
        return environment;
    }

    /** The name of the SDK library this function shares, or null when its jar holds none. */
    String sdkLibraryName() {
        return sdk == null ? null : sdk.getName();
    }

    /** The Lambda runtime's interfaces and events this function shares, or null when its jar holds none. */
    SharedLibrary runtimeLibrary() {
        return runtime;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (sdk != null && sdk.holdsClass(name)) {
            return sdk.loadClass(name);
        }
        if (runtime != null && runtime.holdsClass(name)) {
            return runtime.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public void close() throws java.io.IOException {
        try {
            super.close();
        } finally {
            if (sdk != null) {
                sdk.leave(this);
            }
            if (runtime != null) {
                runtime.leave(this);
            }
        }
    }
}
