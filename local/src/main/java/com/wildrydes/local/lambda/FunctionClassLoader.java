package com.wildrydes.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * One function's classes, loaded from the template's jar asset apart from every other function's
 * (so static state, SDK clients included, is the function's own, as in its own Lambda execution
 * environment) and apart from local mode's own classes (the jar's SDK and Jackson, not ours). Its
 * only link to local mode is {@link FunctionEnvironment}, which its {@code System.getenv} calls are
 * rewritten to, so that the function reads the template's environment.
 */
final class FunctionClassLoader extends URLClassLoader {

    private static final String SHIM = FunctionEnvironment.class.getName();
    private static final String SHIM_INTERNAL = SHIM.replace('.', '/');
    /** Shared with local mode, not loaded anew: what the interceptors ask and where they report each call. */
    private static final java.util.Set<String> SHARED = java.util.Set.of(
            FaultPlan.class.getName(),
            SentMessageDelays.class.getName(),
            SdkCallLog.class.getName(),
            InvocationDeadline.class.getName());
    /** Defined anew in each function's loader, against that function's own SDK, and named in its service file. */
    private static final java.util.List<Class<?>> INTERCEPTORS =
            java.util.List.of(FaultInterceptor.class, DelayInterceptor.class);

    private static final String GLOBAL_INTERCEPTORS = "software/amazon/awssdk/global/handlers/execution.interceptors";
    private static Path overlay;

    private final String callerKey;

    private final Map<String, String> environment;
    private final IntUnaryOperator sqsWait;

    /** @param sqsWait an SQS wait in seconds on local mode's time scale, for the delays of messages the function sends */
    FunctionClassLoader(
            String functionName,
            String callerKey,
            Path jar,
            Map<String, String> environment,
            IntUnaryOperator sqsWait) {
        super("function:" + functionName, new URL[] {url(jar), url(overlay())}, ClassLoader.getPlatformClassLoader());
        this.callerKey = callerKey;
        this.environment = Map.copyOf(environment);
        this.sqsWait = sqsWait;
    }

    /** The function's key for {@link FaultPlan} and {@link SdkCallLog}: this function of this lab only. */
    String callerKey() {
        return callerKey;
    }

    IntUnaryOperator sqsWait() {
        return sqsWait;
    }

    /**
     * A folder seen after the jar: the class files of local mode's {@link #INTERCEPTORS} (defined anew
     * in each function's loader, so they implement that function's SDK interface) and the SDK's global
     * interceptor service file naming them.
     */
    private static synchronized Path overlay() {
        if (overlay == null) {
            try {
                Path folder = java.nio.file.Files.createTempDirectory("wild-rydes-local-overlay");
                StringBuilder names = new StringBuilder();
                for (Class<?> interceptor : INTERCEPTORS) {
                    String classFile = interceptor.getName().replace('.', '/') + ".class";
                    Path target = folder.resolve(classFile);
                    java.nio.file.Files.createDirectories(target.getParent());
                    try (InputStream in = interceptor.getClassLoader().getResourceAsStream(classFile)) {
                        java.nio.file.Files.write(target, in.readAllBytes());
                    }
                    names.append(interceptor.getName()).append('\n');
                }
                Path services = folder.resolve(GLOBAL_INTERCEPTORS);
                java.nio.file.Files.createDirectories(services.getParent());
                java.nio.file.Files.writeString(services, names);
                overlay = folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return overlay;
    }

    Map<String, String> environment() {
        return environment;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.equals(SHIM)) {
            return FunctionEnvironment.class;
        }
        if (SHARED.contains(name)) {
            return Class.forName(name, resolve, FunctionClassLoader.class.getClassLoader());
        }
        return super.loadClass(name, resolve);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        URL url = findResource(resource);
        if (url == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && getDefinedPackage(name.substring(0, dot)) == null) {
            definePackage(name.substring(0, dot), null, null, null, null, null, null, null);
        }
        byte[] rewritten = rewriteGetenv(bytes);
        return defineClass(name, rewritten, 0, rewritten.length);
    }

    /** The class with each {@code System.getenv} call sent to {@link FunctionEnvironment} instead. */
    private static byte[] rewriteGetenv(byte[] bytes) {
        // Most classes never name getenv: skip ASM's parse and rewrite for them (most of a
        // function's init is loading its SDK's classes).
        if (!mentionsGetenv(bytes)) {
            return bytes;
        }
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        return new MethodVisitor(
                                Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                            @Override
                            public void visitMethodInsn(
                                    int opcode, String owner, String method, String desc, boolean isInterface) {
                                if (opcode == Opcodes.INVOKESTATIC
                                        && owner.equals("java/lang/System")
                                        && method.equals("getenv")) {
                                    changed[0] = true;
                                    super.visitMethodInsn(opcode, SHIM_INTERNAL, method, desc, false);
                                } else {
                                    super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                                }
                            }
                        };
                    }
                },
                0);
        return changed[0] ? writer.toByteArray() : bytes;
    }

    private static final byte[] GETENV = "getenv".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Whether the class file's bytes hold the name {@code getenv} (any call to it is named in its constant pool). */
    static boolean mentionsGetenv(byte[] bytes) {
        outer:
        for (int i = 0; i <= bytes.length - GETENV.length; i++) {
            for (int j = 0; j < GETENV.length; j++) {
                if (bytes[i + j] != GETENV[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
