package com.wildrydes.local.lambda;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Each function's log lines, kept apart as its log group keeps them: a line a function writes to
 * {@code System.out} or {@code System.err} goes to that function's {@link LogGroup} and, when printing is on (the
 * command), to this JVM's standard output prefixed with the function's name. Functions write from
 * threads local mode starts for them; those threads carry the function's log group.
 */
public final class FunctionLogs {

    private static final InheritableThreadLocal<LogGroup> GROUP = new InheritableThreadLocal<>();
    private static PrintStream original;
    private static PrintStream originalError;
    private static volatile boolean printing;

    private FunctionLogs() {}

    static void enter(LogGroup group) {
        GROUP.set(group);
    }

    /**
     * Starts keeping functions' lines (idempotent); nothing is printed until {@link #print()}. Both
     * standard output and standard error, as Lambda's Java runtime sends both to the log group.
     */
    public static synchronized void capture() {
        if (original != null) {
            return;
        }
        original = System.out;
        originalError = System.err;
        System.setOut(keeping(original));
        System.setErr(keeping(originalError));
    }

    /** A stream that keeps a function thread's lines in its log group, and passes anything else to {@code target}. */
    private static PrintStream keeping(PrintStream target) {
        ThreadLocal<ByteArrayOutputStream> lines = ThreadLocal.withInitial(ByteArrayOutputStream::new);
        return new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        LogGroup group = GROUP.get();
                        if (group == null) {
                            target.write(b);
                            return;
                        }
                        ByteArrayOutputStream line = lines.get();
                        if (b != '\n') {
                            line.write(b);
                            return;
                        }
                        String text = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                        group.add(text);
                        if (printing) {
                            synchronized (target) {
                                target.println("[" + group.functionName() + "] " + text);
                                target.flush();
                            }
                        }
                    }
                },
                true,
                StandardCharsets.UTF_8);
    }

    /** Keeps and prints every function's lines, prefixed with {@code [name] }. */
    public static synchronized void print() {
        capture();
        printing = true;
    }

    public static synchronized void uninstall() {
        if (original != null) {
            System.setOut(original);
            System.setErr(originalError);
            original = null;
            printing = false;
        }
    }

    /** One function's lines, oldest first (what its CloudWatch log group would hold). */
    public static final class LogGroup {

        private static final int KEPT = 200_000;
        private final String functionName;
        private final java.util.ArrayDeque<Line> lines = new java.util.ArrayDeque<>();
        private long written;

        LogGroup(String functionName) {
            this.functionName = functionName;
        }

        public String functionName() {
            return functionName;
        }

        synchronized void add(String line) {
            if (lines.size() == KEPT) {
                lines.removeFirst();
            }
            lines.addLast(new Line(System.currentTimeMillis(), written++, line));
        }

        public synchronized List<String> lines() {
            return lines.stream().map(Line::message).toList();
        }

        /** The lines with the time each was written, oldest first. */
        public synchronized List<Line> timed() {
            return List.copyOf(lines);
        }

        /** How many lines were written so far (kept or not): a mark for {@link #since(long)}. */
        public synchronized long mark() {
            return written;
        }

        /**
         * The lines written since that mark, still kept. Read from the newest back, so a reader that
         * follows the group pays for the new lines only, not for all it keeps.
         */
        public synchronized List<Line> since(long mark) {
            long newer = Math.min(lines.size(), Math.max(0, written - mark));
            Line[] found = new Line[(int) newer];
            java.util.Iterator<Line> newestFirst = lines.descendingIterator();
            for (int i = found.length - 1; i >= 0; i--) {
                found[i] = newestFirst.next();
            }
            return List.of(found);
        }
    }

    /** One line of a log group: when it was written (epoch milliseconds), its place, its text. */
    public record Line(long timestamp, long sequence, String message) {}
}
