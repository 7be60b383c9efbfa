package com.wildrydes.constructs.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Optional;

/**
 * Copies every prop an aws-cdk-lib props object has into a builder of the same or another props type,
 * by the props' own names, so that a passthrough keeps every option aws-cdk-lib offers, including
 * options added by a later aws-cdk-lib release.
 */
public final class StructCopy {

    private StructCopy() {}

    /**
     * Sets on {@code builder} each prop of {@code props} that is set, through the builder's method of the
     * prop's name.
     *
     * @param type the props interface whose getters are read (such as {@code QueueProps.class})
     * @param props the reuser's props, or null for none
     * @param builder a builder that has a method for each of {@code type}'s props
     * @return {@code builder}
     * @throws IllegalStateException if the builder has no method for a prop that is set: an aws-cdk-lib
     * option this library cannot pass on yet
     */
    public static <T, B> B into(Class<T> type, T props, B builder) {
        if (props == null) {
            return builder;
        }
        for (Method getter : type.getMethods()) {
            if (Modifier.isStatic(getter.getModifiers())
                    || getter.getParameterCount() != 0
                    || !getter.getName().startsWith("get")) {
                continue;
            }
            Object value = invoke(getter, props);
            if (value == null) {
                continue;
            }
            String name = Character.toLowerCase(getter.getName().charAt(3))
                    + getter.getName().substring(4);
            Method setter = setter(builder, name, getter.getReturnType())
                    .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + "." + name
                            + " cannot be passed on to " + builder.getClass().getName()
                            + ": this library does not support that option yet"));
            invoke(setter, builder, value);
        }
        return builder;
    }

    private static Optional<Method> setter(Object builder, String name, Class<?> valueType) {
        return Arrays.stream(builder.getClass().getMethods())
                .filter(m -> m.getParameterCount() == 1
                        && m.getName().equalsIgnoreCase(name)
                        && m.getParameterTypes()[0].isAssignableFrom(valueType))
                .findFirst();
    }

    private static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
