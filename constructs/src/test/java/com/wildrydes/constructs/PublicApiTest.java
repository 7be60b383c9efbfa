package com.wildrydes.constructs;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's public API, listed and compared with the committed listing on every build, so that
 * a change to what reusing teams compile against is a decision made in review, never an accident.
 * After an intended change: {@code mvn -B verify -pl constructs -Dapi.update=true}, and say in the
 * CHANGELOG whether it breaks callers.
 */
class PublicApiTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path LISTING = Path.of("api", "wild-rydes-constructs.api");

    @Test
    void thePublicApiIsTheCommittedOne() throws Exception {
        String actual = String.join("\n", listing()) + "\n";
        if (Boolean.getBoolean("api.update")) {
            Files.createDirectories(LISTING.getParent());
            Files.writeString(LISTING, actual);
            return;
        }
        String committed = Files.isRegularFile(LISTING) ? Files.readString(LISTING) : "";
        if (!committed.equals(actual)) {
            List<String> was = committed.lines().toList();
            List<String> now = actual.lines().toList();
            String removed = was.stream()
                    .filter(line -> !now.contains(line))
                    .map(l -> "- " + l)
                    .collect(Collectors.joining("\n"));
            String added = now.stream()
                    .filter(line -> !was.contains(line))
                    .map(l -> "+ " + l)
                    .collect(Collectors.joining("\n"));
            fail("The public API changed from " + LISTING + " (a removed line breaks callers):\n" + removed + "\n"
                    + added
                    + "\nIf intended: mvn -B verify -pl constructs -Dapi.update=true, and record it in CHANGELOG.md");
        }
    }

    private static List<String> listing() throws IOException, ClassNotFoundException {
        List<String> lines = new ArrayList<>();
        for (String name : classNames()) {
            Class<?> type = Class.forName(name, false, PublicApiTest.class.getClassLoader());
            if (!isVisible(type)) {
                continue;
            }
            String kind =
                    type.isEnum() ? "enum" : type.isInterface() ? "interface" : type.isRecord() ? "record" : "class";
            lines.add(kind + " " + type.getName() + supertypes(type));
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (isVisible(c.getModifiers())) {
                    lines.add(type.getName() + " new(" + parameters(c.getParameterTypes()) + ")");
                }
            }
            for (Method m : type.getDeclaredMethods()) {
                // A bridge method is what callers compiled against a covariant return or a generic
                // signature link to: removing it breaks them, so it is API. Other synthetic methods
                // (lambdas' bodies) are not visible.
                if (isVisible(m.getModifiers()) && (!m.isSynthetic() || m.isBridge())) {
                    lines.add(type.getName() + " " + (m.isBridge() ? "bridge " : "")
                            + (Modifier.isStatic(m.getModifiers()) ? "static " : "")
                            + m.getGenericReturnType().getTypeName() + " " + m.getName() + "("
                            + parameters(m.getParameterTypes()) + ")");
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (isVisible(f.getModifiers()) && !f.isSynthetic()) {
                    lines.add(type.getName() + " field " + f.getGenericType().getTypeName() + " " + f.getName()
                            + constantValue(f));
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    private static List<String> classNames() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.map(CLASSES::relativize)
                    .map(Path::toString)
                    .filter(p -> p.endsWith(".class") && !p.contains("-"))
                    // com.wildrydes.constructs.internal is this library's own plumbing: public for
                    // its packages to share, documented as no API, and free to change.
                    .filter(p -> !p.startsWith("com/wildrydes/constructs/internal/"))
                    .map(p -> p.substring(0, p.length() - ".class".length())
                            .replace('/', '.')
                            .replace('\\', '.'))
                    .sorted()
                    .toList();
        }
    }

    /**
     * A constant's value is API too: callers compiled against a primitive or String constant keep its old
     * value inlined, and a default that changes changes what every caller gets.
     */
    private static String constantValue(Field f) {
        int modifiers = f.getModifiers();
        if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)) {
            return "";
        }
        try {
            f.trySetAccessible();
            Object value = f.get(null);
            if (value instanceof String text) {
                return " = \"" + text + "\"";
            }
            if (value instanceof software.amazon.awscdk.Duration duration) {
                return " = " + duration.toHumanString();
            }
            return " = " + value;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }

    private static boolean isVisible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String supertypes(Class<?> type) {
        List<String> names = new ArrayList<>();
        if (type.getSuperclass() != null
                && type.getSuperclass() != Object.class
                && !type.isEnum()
                && !type.isRecord()) {
            names.add(type.getSuperclass().getName());
        }
        Arrays.stream(type.getInterfaces()).map(Class::getName).sorted().forEach(names::add);
        return names.isEmpty() ? "" : " : " + String.join(", ", names);
    }

    private static String parameters(Class<?>[] types) {
        return Arrays.stream(types).map(Class::getTypeName).collect(Collectors.joining(", "));
    }
}
