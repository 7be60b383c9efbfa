package com.wildrydes.local.lambda;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The Context the Java runtime hands a handler for one invocation, as a proxy of the function
 * jar's own {@code Context} interface (the jar's, not ours: the function's class loader sees only
 * its jar), with a logger that writes to the function's log.
 */
final class RuntimeContext {

    private RuntimeContext() {}

    /** A fresh invocation's Context: its own request ID, its deadline {@code timeoutMillis} from now. */
    static Object of(ClassLoader loader, String name, String arn, long timeoutMillis) throws ClassNotFoundException {
        Class<?> contextType = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, loader);
        Object logger = logger(loader);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        String requestId = UUID.randomUUID().toString();
        return Proxy.newProxyInstance(
                loader, new Class<?>[] {contextType}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getFunctionName", "getLogGroupName" -> name;
                    case "getFunctionVersion" -> "$LATEST";
                    case "getInvokedFunctionArn" -> arn;
                    case "getRemainingTimeInMillis" -> (int) Math.max(0, deadline - System.currentTimeMillis());
                    case "getMemoryLimitInMB" -> 512;
                    case "getLogStreamName" -> "local";
                    case "getLogger" -> logger;
                    case "toString" -> "local context of " + name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    /** The LambdaLogger: each message to standard output, where {@link FunctionLogs} files it under the function. */
    private static Object logger(ClassLoader loader) throws ClassNotFoundException {
        Class<?> loggerType = Class.forName("com.amazonaws.services.lambda.runtime.LambdaLogger", false, loader);
        return Proxy.newProxyInstance(loader, new Class<?>[] {loggerType}, (proxy, method, args) -> {
            if (method.getName().equals("log") && args != null && args.length > 0) {
                Object message = args[args.length - 1] instanceof byte[] bytes
                        ? new String(bytes, StandardCharsets.UTF_8)
                        : args[0];
                System.out.println(message);
            }
            return null;
        });
    }
}
