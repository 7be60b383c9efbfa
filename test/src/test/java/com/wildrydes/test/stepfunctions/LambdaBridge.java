package com.wildrydes.test.stepfunctions;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.converters.LambdaErrorConverter;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.ErrorRequest;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code lambda:invoke} tasks of an offline execution call: an HTTP endpoint on
 * 127.0.0.1 that runs the Java handler a function name stands for, with its payload deserialized
 * as the Java runtime would (its own serializer, into the handler's declared input type, and the
 * result back the same way), and that reports a thrown exception with the Java Lambda runtime's
 * own converter ({@link LambdaErrorConverter}), so the error name is exactly the one AWS reports.
 */
public final class LambdaBridge implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> handlersByFunctionName;

    /** @param handlersByFunctionName function name (as in the resolved definition) to {@code Class::method} */
    public LambdaBridge(Map<String, String> handlersByFunctionName) {
        this.handlersByFunctionName = Map.copyOf(handlersByFunctionName);
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] response;
            try (exchange) {
                JsonNode request = JSON.readTree(exchange.getRequestBody());
                response = JSON.writeValueAsBytes(
                        invoke(request.get("FunctionName").asText(), request.get("Payload")));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, response.length);
                exchange.getResponseBody().write(response);
            }
        });
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Map<String, Object> invoke(String functionName, JsonNode payload) {
        String handler = handlersByFunctionName.get(functionName);
        if (handler == null) {
            return error(new IllegalArgumentException(
                    "No function named " + functionName + " in " + handlersByFunctionName.keySet()));
        }
        try {
            RequestHandler instance = (RequestHandler) Class.forName(handler.substring(0, handler.indexOf("::")))
                    .getDeclaredConstructor()
                    .newInstance();
            Class<?> inputType = inputType(instance.getClass());
            Object input =
                    JacksonFactory.getInstance().getSerializer(inputType).fromJson(JSON.writeValueAsString(payload));
            Object output = instance.handleRequest(input, null);
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            ((PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(output.getClass()))
                    .toJson(output, written);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("Payload", JSON.readTree(written.toByteArray()));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return error(e);
        } catch (ReflectiveOperationException e) {
            return error(new IllegalStateException("Cannot create handler " + handler, e));
        }
    }

    /** The I of the handler's {@code RequestHandler<I, O>}, which the runtime deserializes the payload into. */
    private static Class<?> inputType(Class<?> handler) {
        for (Type type : handler.getGenericInterfaces()) {
            if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == RequestHandler.class) {
                Type input = parameterized.getActualTypeArguments()[0];
                return input instanceof ParameterizedType generic ? (Class<?>) generic.getRawType() : (Class<?>) input;
            }
        }
        throw new IllegalArgumentException(handler.getName() + " does not implement RequestHandler<I, O> itself");
    }

    private static Map<String, Object> error(Throwable thrown) {
        ErrorRequest error = LambdaErrorConverter.fromThrowable(thrown);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("errorType", error.errorType);
        response.put("errorMessage", error.errorMessage);
        return response;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
