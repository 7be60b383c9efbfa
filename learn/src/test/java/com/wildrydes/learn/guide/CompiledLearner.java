package com.wildrydes.learn.guide;

import com.wildrydes.infra.LambdaBundle;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * A learner's copy compiled as the check's build would compile it: the stack class with javac
 * against this JVM's class path, loaded before the start state's own class of the same name; the
 * handler against the Lambda jar, and put into a copy of that jar.
 */
public final class CompiledLearner {

    private CompiledLearner() {}

    /** The stack class in {@code file} of the copy, compiled and instantiated as {@code stackName}. */
    public static Function<App, Stack> stack(LearnerCopy copy, String file, String className, String stackName) {
        Path classes = compile(copy.file(file), System.getProperty("java.class.path"));
        ClassLoader loader = new LearnerFirst(classes, className, CompiledLearner.class.getClassLoader());
        return app -> {
            try {
                return (Stack) loader.loadClass(className)
                        .getConstructor(Construct.class, String.class, StackProps.class)
                        .newInstance(app, stackName, StackProps.builder().build());
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /**
     * The Lambda jar with the copy's handler in {@code file} compiled into it in place of the start
     * state's; set as {@link LambdaBundle#JAR_PROPERTY} while the stack is synthesized.
     */
    public static Path lambdasJar(LearnerCopy copy, String file, String className) {
        Path jar = LambdaBundle.jarPath();
        Path classes = compile(copy.file(file), jar.toString());
        String entryPrefix = className.replace('.', '/');
        try {
            // The finished lab synthesized beside the learner's takes each function's own package
            // from functions/ beside the jar of every handler: that folder goes beside the copy too.
            Path folder = Files.createTempDirectory("wild-rydes-lambdas-learner");
            Files.createSymbolicLink(folder.resolve("functions"), jar.resolveSibling("functions"));
            Path built = folder.resolve(jar.getFileName());
            // A byte copy of the jar with only the handler's entries replaced: the zip file system
            // copies every other entry as it is, compressed, where rewriting the whole jar through a
            // JarOutputStream inflated and deflated its 8 MB again for each handler checked.
            Files.copy(jar, built);
            try (FileSystem zip = FileSystems.newFileSystem(built)) {
                try (var entries = Files.walk(zip.getPath("/"))) {
                    for (Path entry : entries.filter(Files::isRegularFile).toList()) {
                        if (entry.toString().substring(1).startsWith(entryPrefix)) {
                            Files.delete(entry);
                        }
                    }
                }
                try (var compiled = Files.walk(classes)) {
                    for (Path clazz : compiled.filter(Files::isRegularFile).toList()) {
                        Path entry = zip.getPath("/", classes.relativize(clazz).toString());
                        Files.createDirectories(entry.getParent());
                        Files.copy(clazz, entry);
                    }
                }
            }
            return built;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    /**
     * One file manager per class path, kept for the JVM's life: it keeps the class path's jars open
     * and indexed (aws-cdk-lib's alone holds thousands of classes), which a new file manager per
     * compilation read again for every copy a guide's test compiles.
     */
    private static final Map<String, StandardJavaFileManager> FILE_MANAGERS = new ConcurrentHashMap<>();

    private static StandardJavaFileManager fileManager(String classPath) {
        return FILE_MANAGERS.computeIfAbsent(classPath, path -> JAVAC.getStandardFileManager(null, null, null));
    }

    private static Path compile(Path source, String classPath) {
        try {
            Path classes = Files.createTempDirectory("wild-rydes-learner-classes");
            StringWriter messages = new StringWriter();
            StandardJavaFileManager files = fileManager(classPath);
            boolean compiled = JAVAC.getTask(
                            messages,
                            files,
                            null,
                            List.of("-classpath", classPath, "-d", classes.toString(), "--release", "17", "-nowarn"),
                            null,
                            files.getJavaFileObjects(source))
                    .call();
            if (!compiled) {
                throw new IllegalStateException("the learner's copy does not compile:\n" + messages);
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the learner's class (and its nested classes) from the copy, everything else from the parent. */
    private static final class LearnerFirst extends URLClassLoader {

        private final String className;

        LearnerFirst(Path classes, String className, ClassLoader parent) {
            super(new URL[] {url(classes)}, parent);
            this.className = className;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(className) || name.startsWith(className + "$")) {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : findClass(name);
                }
            }
            return super.loadClass(name, resolve);
        }

        private static URL url(Path classes) {
            try {
                return classes.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
