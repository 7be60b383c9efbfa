package com.wildrydes.local.lambda;

import java.util.Map;

/**
 * What {@code System.getenv} answers inside a local function. {@link FunctionClassLoader} rewrites
 * every {@code System.getenv} call in the function's classes (the handler's and its SDK's) into a
 * call here, and the answer is the environment of the function whose class loader defined the
 * caller, or, for a library class that functions share ({@link SharedLibrary}), of the function
 * whose thread calls: each function sees its own template environment, as each Lambda function
 * does, though all of them share one JVM. Any other caller sees the JVM's environment.
 */
public final class FunctionEnvironment {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private FunctionEnvironment() {}

    public static String getenv(String name) {
        Map<String, String> environment = of(WALKER.getCallerClass());
        return environment == null ? System.getenv(name) : environment.get(name);
    }

    public static Map<String, String> getenv() {
        Map<String, String> environment = of(WALKER.getCallerClass());
        return environment == null ? System.getenv() : environment;
    }

    private static Map<String, String> of(Class<?> caller) {
        FunctionClassLoader function = FunctionClassLoader.of(caller);
        if (function != null) {
            return function.environment();
        }
        return caller.getClassLoader() instanceof SharedLibrary library ? library.agreedEnvironment() : null;
    }
}
