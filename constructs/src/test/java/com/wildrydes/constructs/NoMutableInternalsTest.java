package com.wildrydes.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.functions.JavaFunctionProps;
import com.wildrydes.constructs.messaging.FilterPolicy;
import com.wildrydes.constructs.messaging.FilteredSubscription;
import com.wildrydes.constructs.messaging.FilteredSubscriptionProps;
import com.wildrydes.constructs.messaging.TopicQueueChain;
import com.wildrydes.constructs.messaging.TopicQueueChainProps;
import com.wildrydes.constructs.rfq.ScatterGatherRfq;
import com.wildrydes.constructs.rfq.ScatterGatherRfqProps;
import com.wildrydes.constructs.saga.FareCollectionSaga;
import com.wildrydes.constructs.saga.FareCollectionSagaProps;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.Topic;

/**
 * No public getter or constant of the library hands out a list, map or array through which a caller
 * could change the construct, its props or the library: each one is called on a real object, changed
 * where it lets itself be changed, and called again. The scan also finds every such getter in the
 * compiled API, so that one added later without an object here fails this test.
 */
class NoMutableInternalsTest {

    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void noGetterOrConstantHandsOutAListMapOrArrayThatChangesTheLibrary() throws Exception {
        TreeSet<String> leaks = new TreeSet<>();
        TreeSet<String> exercised = new TreeSet<>();
        for (Object object : objectsOfEveryApiType()) {
            for (Method getter : object.getClass().getMethods()) {
                if (isContainerGetter(getter)) {
                    exercised.add(signature(getter));
                    if (changesWhenChanged(() -> getter.invoke(object))) {
                        leaks.add(signature(getter));
                    }
                }
            }
        }
        for (Class<?> type : apiClasses()) {
            for (Field constant : type.getFields()) {
                if (Modifier.isStatic(constant.getModifiers()) && isContainer(constant.getType())) {
                    exercised.add(type.getName() + "." + constant.getName());
                    if (changesWhenChanged(() -> constant.get(null))) {
                        leaks.add(type.getName() + "." + constant.getName());
                    }
                }
            }
        }
        assertEquals(
                new TreeSet<>(),
                leaks,
                "these hand out their own list, map or array: return a copy or an unmodifiable one");

        TreeSet<String> inApi = new TreeSet<>();
        for (Class<?> type : apiClasses()) {
            for (Method getter : type.getDeclaredMethods()) {
                if (Modifier.isPublic(getter.getModifiers()) && isContainerGetter(getter)) {
                    inApi.add(signature(getter));
                }
            }
        }
        inApi.removeAll(exercised);
        assertEquals(new TreeSet<>(), inApi, "getters not exercised here: add an object of their type");
    }

    private interface Read {
        Object get() throws Exception;
    }

    /** Changes what {@code read} returns, if it can be changed, and tells whether a second read sees it. */
    private static boolean changesWhenChanged(Read read) throws Exception {
        Object first = read.get();
        Object before = snapshot(first);
        try {
            if (first instanceof Collection<?> collection) {
                collection.clear();
            } else if (first instanceof Map<?, ?> map) {
                map.clear();
            } else if (first != null
                    && first.getClass().isArray()
                    && !first.getClass().getComponentType().isPrimitive()
                    && Array.getLength(first) > 0) {
                Array.set(first, 0, null);
            }
        } catch (UnsupportedOperationException unmodifiable) {
            return false;
        }
        return !snapshot(read.get()).equals(before);
    }

    private static Object snapshot(Object value) {
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value instanceof Map<?, ?> map) {
            return new HashMap<>(map);
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> elements = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                elements.add(Array.get(value, i));
            }
            return elements;
        }
        return String.valueOf(value);
    }

    /** One object of each API type with getters, each with every list and map set and not empty. */
    private static List<Object> objectsOfEveryApiType() {
        Stack stack = TestStacks.newStack();
        Code jar = TestStacks.jarCode(stack);
        IFunction function = TestStacks.function(stack, "Subscriber");
        FilterPolicy policy = FilterPolicy.onMessageAttributes("{\"tier\": [\"gold\"]}");
        FilteredSubscriptionProps subscriptionProps = FilteredSubscriptionProps.builder()
                .topic(TestStacks.topic(stack))
                .function(function)
                .filterPolicy(policy)
                .build();
        TopicQueueChainProps chainProps = TopicQueueChainProps.builder()
                .topic(new Topic(stack, "ChainTopic"))
                .consumer(TestStacks.function(stack, "Consumer"))
                .filterPolicy(policy)
                .build();
        ScatterGatherRfqProps rfqProps = ScatterGatherRfqProps.builder()
                .code(jar)
                .handlerCode(Map.of("QuoteCollectorHandler", jar))
                .responders(List.of(TestStacks.function(stack, "Pricing")))
                .responderNames(List.of("pricing"))
                .build();
        ScatterGatherRfq addedTo = new ScatterGatherRfq(
                stack, "AddedToRfq", ScatterGatherRfqProps.builder().code(jar).build());
        addedTo.addResponder("surge", TestStacks.function(stack, "Surge"));
        FareCollectionSagaProps sagaProps = FareCollectionSagaProps.builder()
                .chargeFunction(TestStacks.function(stack, "Charge"))
                .creditFunction(TestStacks.function(stack, "Credit"))
                .refundFunction(TestStacks.function(stack, "Refund"))
                .paymentErrors(List.of("CardDeclined"))
                .build();
        JavaFunctionProps functionProps = JavaFunctionProps.builder()
                .code(jar)
                .handler("a.B::handleRequest")
                .environment(Map.of("TABLE", "fares"))
                .build();
        return List.of(
                policy,
                subscriptionProps,
                new FilteredSubscription(stack, "Subscription", subscriptionProps),
                chainProps,
                new TopicQueueChain(stack, "Chain", chainProps),
                rfqProps,
                new ScatterGatherRfq(stack, "Rfq", rfqProps),
                addedTo,
                sagaProps,
                new FareCollectionSaga(stack, "Saga", sagaProps),
                functionProps,
                new JavaFunction(stack, "Function", functionProps));
    }

    private static boolean isContainerGetter(Method method) {
        return method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers())
                && isApi(method.getDeclaringClass())
                && isContainer(method.getReturnType());
    }

    private static boolean isContainer(Class<?> type) {
        return Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type) || type.isArray();
    }

    private static boolean isApi(Class<?> type) {
        String name = type.getName();
        return name.startsWith("com.wildrydes.constructs.") && !name.startsWith("com.wildrydes.constructs.internal.");
    }

    private static String signature(Method method) {
        return method.getDeclaringClass().getName() + "#" + method.getName();
    }

    /** The library's public classes outside its internal package, from the compiled classes. */
    private static List<Class<?>> apiClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        CLASSES.relativize(file).toString().replace('/', '.').replace('\\', '.');
                Class<?> type = Class.forName(
                        name.substring(0, name.length() - ".class".length()),
                        false,
                        NoMutableInternalsTest.class.getClassLoader());
                if (isApi(type) && Modifier.isPublic(type.getModifiers())) {
                    types.add(type);
                }
            }
        }
        return types;
    }
}
