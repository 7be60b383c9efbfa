package com.wildrydes.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One kind of library classes of function jars ({@link LibraryContents.Kind}: the AWS SDK and what
 * it links to, or the Lambda runtime's interfaces and events) loaded once for every function whose
 * jar holds byte-identical copies of them, rather than once per function: most of a function's init
 * is loading its SDK and the runtime's serializers. Jars whose library entries differ in anything (another SDK version, another set
 * of modules, another HTTP client) get libraries of their own, so a function still sees exactly the
 * classes its own jar holds; its handler's classes stay in its own loader. What is shared is the
 * library's static state (SDK caches, its logger), which differs from one Lambda execution
 * environment to another only where functions' environments differ: a shared class reads the
 * environment of the function whose thread runs it ({@link FunctionEnvironment}).
 * <p>
 * An SDK library also holds the SDK's global interceptors ({@link FaultInterceptor}, {@link DelayInterceptor}),
 * which the SDK looks up through its own loader; they tell functions apart by the calling thread.
 */
final class SharedLibrary extends RewritingLoader {

    static {
        registerAsParallelCapable();
    }

    /** Defined anew in each library, against its own SDK, and named in its global interceptors file. */
    private static final List<Class<?>> INTERCEPTORS = List.of(FaultInterceptor.class, DelayInterceptor.class);

    private static final String GLOBAL_INTERCEPTORS = "software/amazon/awssdk/global/handlers/execution.interceptors";
    private static final Map<String, SharedLibrary> BY_CONTENTS = new HashMap<>();
    private static Path overlay;

    private final LibraryContents contents;
    private final Set<String> overlaid;
    private final Set<FunctionClassLoader> members = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private URLClassLoader serialization;

    private SharedLibrary(Path jar, LibraryContents contents) {
        super(
                contents.kind().name().toLowerCase(java.util.Locale.ROOT) + ":"
                        + contents.fingerprint().substring(0, 12),
                contents.kind() == LibraryContents.Kind.SDK
                        ? new URL[] {url(jar), url(overlay())}
                        : new URL[] {url(jar)});
        this.contents = contents;
        Set<String> names = new java.util.HashSet<>();
        if (contents.kind() == LibraryContents.Kind.SDK) {
            names.add(GLOBAL_INTERCEPTORS);
            INTERCEPTORS.forEach(type -> names.add(type.getName().replace('.', '/') + ".class"));
        }
        this.overlaid = Set.copyOf(names);
    }

    /**
     * The library of the jar's library entries of that kind, shared with every function loader whose
     * jar holds the same ones, or null when the jar holds none.
     */
    static synchronized SharedLibrary join(Path jar, LibraryContents.Kind kind, FunctionClassLoader function) {
        LibraryContents contents = LibraryContents.of(jar, kind);
        if (contents.isEmpty()) {
            return null;
        }
        SharedLibrary library =
                BY_CONTENTS.computeIfAbsent(kind + ":" + contents.fingerprint(), f -> new SharedLibrary(jar, contents));
        library.members.add(function);
        return library;
    }

    /** A function closed: the library is closed with its last function. */
    void leave(FunctionClassLoader function) throws IOException {
        synchronized (SharedLibrary.class) {
            members.remove(function);
            if (!members.isEmpty()) {
                return;
            }
            BY_CONTENTS.remove(contents.kind() + ":" + contents.fingerprint());
        }
        if (serialization != null) {
            serialization.close();
        }
        close();
    }

    /** Whether the class is one of the library's (a function's loader then asks this library for it). */
    boolean holdsClass(String className) {
        return contents.holds(className.replace('.', '/') + ".class");
    }

    /**
     * The Java runtime's serialization library, loaded once beside this runtime library: it caches the
     * event classes it resolves by name, which is right when those are this library's shared classes.
     */
    synchronized URLClassLoader serialization(URL library) {
        if (serialization == null) {
            serialization = new URLClassLoader("serialization:" + getName(), new URL[] {library}, this);
        }
        return serialization;
    }

    /**
     * For a library class that reads a variable on no function's thread: the values every function of
     * this library agrees on (the SDK's own variables are the lab's, the same for each).
     */
    Map<String, String> agreedEnvironment() {
        List<FunctionClassLoader> current;
        synchronized (SharedLibrary.class) { // members change under this lock (join, leave)
            current = List.copyOf(members);
        }
        Map<String, String> agreed = null;
        for (FunctionClassLoader member : current) {
            if (agreed == null) {
                agreed = new HashMap<>(member.environment());
            } else {
                agreed.entrySet()
                        .removeIf(entry ->
                                !entry.getValue().equals(member.environment().get(entry.getKey())));
            }
        }
        return agreed == null ? Map.of() : agreed;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        if (!contents.holds(resource) && !overlaid.contains(resource)) {
            throw new ClassNotFoundException(name + " (not one of the shared library classes)");
        }
        return super.findClass(name);
    }

    @Override
    public URL findResource(String name) {
        return contents.holds(name) || overlaid.contains(name) ? super.findResource(name) : null;
    }

    @Override
    public Enumeration<URL> findResources(String name) throws IOException {
        return contents.holds(name) || overlaid.contains(name)
                ? super.findResources(name)
                : Collections.emptyEnumeration();
    }

    /**
     * A folder seen after the jar: the class files of local mode's {@link #INTERCEPTORS} (defined anew
     * in each library, so they implement that library's SDK interface) and the SDK's global
     * interceptor service file naming them.
     */
    private static synchronized Path overlay() {
        if (overlay == null) {
            try {
                Path folder = Files.createTempDirectory("wild-rydes-local-overlay");
                StringBuilder names = new StringBuilder();
                for (Class<?> interceptor : INTERCEPTORS) {
                    String classFile = interceptor.getName().replace('.', '/') + ".class";
                    Path target = folder.resolve(classFile);
                    Files.createDirectories(target.getParent());
                    try (InputStream in = interceptor.getClassLoader().getResourceAsStream(classFile)) {
                        Files.write(target, in.readAllBytes());
                    }
                    names.append(interceptor.getName()).append('\n');
                }
                Path services = folder.resolve(GLOBAL_INTERCEPTORS);
                Files.createDirectories(services.getParent());
                Files.writeString(services, names);
                overlay = folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return overlay;
    }
}
