package com.wildrydes.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.jsii.JsiiSerializable;

/**
 * aws-cdk-lib's constructs keep no static state, and neither does this library: two apps in one
 * JVM (a test suite, a synthesizer of many apps) must not see each other, and nothing may outlive
 * the app it describes. Every static field of every compiled class, public or not, must be final
 * and hold a value that cannot change: a primitive, a string, an enum, a jsii value (a CDK
 * {@code Duration} or struct) or an unmodifiable collection of those. Anything else (a map, a list
 * that can be added to, an array, an atomic counter, a Jackson {@code ObjectMapper}) is refused.
 */
class NoStaticStateTest {

    private static final Path CLASSES = Path.of("target", "classes");

    /** Types whose instances cannot change once built. */
    private static final Set<Class<?>> IMMUTABLE = Set.of(
            String.class,
            Boolean.class,
            Character.class,
            Byte.class,
            Short.class,
            Integer.class,
            Long.class,
            Float.class,
            Double.class,
            BigDecimal.class,
            BigInteger.class,
            Pattern.class,
            ObjectReader.class,
            ObjectWriter.class,
            software.amazon.awscdk.Duration.class);

    @Test
    void noCompiledClassKeepsMutableStaticState() throws Exception {
        List<String> offenders = new ArrayList<>();
        for (Class<?> type : compiledClasses()) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) || field.isSynthetic() || field.isEnumConstant()) {
                    continue;
                }
                String problem = problemOf(field);
                if (problem != null) {
                    offenders.add(type.getName() + "." + field.getName() + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), offenders, "static fields holding mutable state");
    }

    private static String problemOf(Field field) throws IllegalAccessException {
        if (!Modifier.isFinal(field.getModifiers())) {
            return "not final";
        }
        Class<?> declared = field.getType();
        if (declared.isPrimitive() || declared.isEnum() || IMMUTABLE.contains(declared)) {
            return null;
        }
        if (declared.isArray()) {
            return "an array, whose elements anyone can replace";
        }
        field.setAccessible(true);
        Object value = field.get(null);
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            return isUnmodifiable(value)
                    ? null
                    : "a modifiable " + value.getClass().getName();
        }
        if (declared.isInterface() && value instanceof JsiiSerializable) {
            return null; // a CDK struct: a jsii value object, built once by its builder
        }
        return "of type " + declared.getName() + ", not known to be immutable";
    }

    /** The JDK's List.of/Set.of/Map.of and Collections.unmodifiable* implementations. */
    private static boolean isUnmodifiable(Object collection) {
        String name = collection.getClass().getName();
        return name.startsWith("java.util.ImmutableCollections$")
                || name.startsWith("java.util.Collections$Unmodifiable");
    }

    private static List<Class<?>> compiledClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String relative = CLASSES.relativize(file).toString();
                if (relative.endsWith("module-info.class") || relative.endsWith("package-info.class")) {
                    continue;
                }
                String name = relative.substring(0, relative.length() - ".class".length())
                        .replace('/', '.')
                        .replace('\\', '.');
                classes.add(Class.forName(name, false, NoStaticStateTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
