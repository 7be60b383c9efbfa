package com.wildrydes.local.lambda;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;

/**
 * A function's init phase done: the handler class the template names, loaded in the function's
 * class loader and constructed once, with the Java runtime's own serializers for its input and
 * output. Calls the handler with a JSON event and gives its answer as JSON, as the runtime does.
 */
final class LoadedHandler implements AutoCloseable {

    private final Object instance;
    private final Method handleRequest;
    private final Serializer input;
    private final Serializer output;
    private final URLClassLoader serialization;

    private LoadedHandler(
            Object instance, Method handleRequest, Serializer input, Serializer output, URLClassLoader serialization) {
        this.instance = instance;
        this.handleRequest = handleRequest;
        this.input = input;
        this.output = output;
        this.serialization = serialization;
    }

    /**
     * Loads and constructs {@code handler} ({@code package.Class::method}, or a class whose
     * {@code handleRequest} is meant) in {@code loader}: the function's init phase.
     */
    static LoadedHandler load(String functionName, String handler, ClassLoader loader)
            throws ReflectiveOperationException {
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        String methodName = handler.contains("::") ? handler.substring(handler.indexOf("::") + 2) : "handleRequest";
        Class<?> type = Class.forName(className, true, loader);
        Method found = null;
        for (Method method : type.getMethods()) {
            if (method.getName().equals(methodName)
                    && !method.isBridge()
                    && !Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == 2) {
                found = method;
            }
        }
        if (found == null) {
            throw new NoSuchMethodException(handler + " (a method taking an event and a Context)");
        }
        Class<?> inputType = found.getParameterTypes()[0];
        Class<?> outputType = found.getReturnType();
        URL library = LambdaEventSerializers.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation();
        // The runtime's serialization library caches the classes it loads by name in static state
        // (it expects one customer class loader per JVM): functions whose event types are shared
        // library classes (the runtime's events) share one copy beside that library; any other
        // function gets its own copy, loaded beside the function's classes.
        SharedLibrary shared = loader instanceof FunctionClassLoader function ? function.runtimeLibrary() : null;
        boolean ownCopy = shared == null || !sharedOrJdk(inputType, shared) || !sharedOrJdk(outputType, shared);
        URLClassLoader serialization = ownCopy
                ? new URLClassLoader("serialization:" + functionName, new URL[] {library}, loader)
                : shared.serialization(library);
        Serializer input = serializer(serialization, loader, inputType);
        Serializer output = outputType == void.class || outputType == Void.class
                ? null
                : serializer(serialization, loader, outputType);
        Object instance = type.getDeclaredConstructor().newInstance();
        return new LoadedHandler(instance, found, input, output, ownCopy ? serialization : null);
    }

    /** Whether the type is the shared library's or the JDK's (no class of the function's own). */
    private static boolean sharedOrJdk(Class<?> type, SharedLibrary shared) {
        ClassLoader owner = type.getClassLoader();
        return owner == null || owner == shared || owner == ClassLoader.getPlatformClassLoader();
    }

    /** The handler's answer to the JSON event, as JSON ({@code null} for none). */
    String handle(String eventJson, Object context) throws ReflectiveOperationException {
        Object event = input.fromJson(eventJson);
        Object answer = handleRequest.invoke(instance, event, context);
        if (answer == null) {
            return "null";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        output.toJson(answer, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The runtime's serializer for the type, from the function's own copy of the library. */
    private static Serializer serializer(URLClassLoader serialization, ClassLoader loader, Class<?> type)
            throws ReflectiveOperationException {
        Object pojoSerializer;
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            pojoSerializer = serialization
                    .loadClass(LambdaEventSerializers.class.getName())
                    .getMethod("serializerFor", Class.class, ClassLoader.class)
                    .invoke(null, type, loader);
        } else {
            Class<?> factory = serialization.loadClass(
                    "com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory");
            pojoSerializer = factory.getMethod("getSerializer", Class.class)
                    .invoke(factory.getMethod("getInstance").invoke(null), type);
        }
        Class<?> pojo = serialization.loadClass("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer");
        Method fromJson = pojo.getMethod("fromJson", String.class);
        Method toJson = pojo.getMethod("toJson", Object.class, java.io.OutputStream.class);
        return new Serializer(pojoSerializer, fromJson, toJson);
    }

    @Override
    public void close() throws IOException {
        // A shared copy is closed with its library.
        if (serialization != null) {
            serialization.close();
        }
    }

    /** One of the runtime's serializers, loaded in the function's own copy of the library. */
    private record Serializer(Object target, Method fromJson, Method toJson) {

        Object fromJson(String json) throws ReflectiveOperationException {
            return fromJson.invoke(target, json);
        }

        void toJson(Object value, java.io.OutputStream out) throws ReflectiveOperationException {
            toJson.invoke(target, value, out);
        }
    }
}
