package com.wildrydes.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A class loader of function code (a function's own classes, or the library classes functions
 * share): its classes' {@code System.getenv} calls are rewritten to {@link FunctionEnvironment},
 * and the few classes it shares with local mode (what the interceptors ask and where they report)
 * are local mode's own. Everything else comes from its URLs, behind the JDK's platform loader.
 */
abstract class RewritingLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String SHIM = FunctionEnvironment.class.getName();
    private static final String SHIM_INTERNAL = SHIM.replace('.', '/');
    /** Shared with local mode, not loaded anew: what the interceptors ask and where they report each call. */
    private static final Set<String> SHARED = Set.of(
            FaultPlan.class.getName(),
            SentMessageDelays.class.getName(),
            SdkCallLog.class.getName(),
            InvocationDeadline.class.getName());

    RewritingLoader(String name, URL[] urls) {
        super(name, urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.equals(SHIM)) {
            return FunctionEnvironment.class;
        }
        if (SHARED.contains(name)) {
            return Class.forName(name, resolve, RewritingLoader.class.getClassLoader());
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
            try {
                definePackage(name.substring(0, dot), null, null, null, null, null, null, null);
            } catch (IllegalArgumentException definedMeanwhile) {
                // The loader is parallel-capable: another thread, loading another class of the same
                // package, defined it between the check and here. That package is the one we wanted.
            }
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

    static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
