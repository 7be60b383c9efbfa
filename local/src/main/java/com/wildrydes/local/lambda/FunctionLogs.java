package com.wildrydes.local.lambda;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Each function's log lines on this JVM's standard output, prefixed with the function's name, as
 * its log group would keep them apart. Functions write to {@code System.out} from threads local
 * mode starts for them; those threads carry the function's name.
 */
public final class FunctionLogs {

    private static final InheritableThreadLocal<String> FUNCTION = new InheritableThreadLocal<>();
    private static PrintStream original;

    private FunctionLogs() {}

    static void enter(String functionName) {
        FUNCTION.set(functionName);
    }

    /** Prefixes every line written by a function's thread with {@code [name] }. */
    public static synchronized void install() {
        if (original != null) {
            return;
        }
        original = System.out;
        PrintStream target = original;
        ThreadLocal<ByteArrayOutputStream> lines = ThreadLocal.withInitial(ByteArrayOutputStream::new);
        System.setOut(new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        String function = FUNCTION.get();
                        if (function == null) {
                            target.write(b);
                            return;
                        }
                        ByteArrayOutputStream line = lines.get();
                        line.write(b);
                        if (b == '\n') {
                            synchronized (target) {
                                target.print("[" + function + "] " + line.toString(StandardCharsets.UTF_8));
                                target.flush();
                            }
                            line.reset();
                        }
                    }
                },
                true,
                StandardCharsets.UTF_8));
    }

    public static synchronized void uninstall() {
        if (original != null) {
            System.setOut(original);
            original = null;
        }
    }
}
