package com.wildrydes.test.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Records, for every test class, the CPU its fork spent while the class ran: this JVM's user and
 * system time plus that of every process under it (the jsii kernel, the engines, the CDK CLI,
 * nested Maven), alive or ended.
 * Surefire runs a fork's classes one after another, so the difference between a class's start and
 * end is that class's. A measurement for {@code bench/test-times}, not a test: it writes one line
 * per class (name, wall ms, CPU ms) to {@code target/test-cpu/fork-N.tsv}.
 */
public final class ClassCpuRecorder implements TestExecutionListener {

    private static final long TICKS_PER_SECOND = 100;
    private final Map<String, long[]> started = new ConcurrentHashMap<>();

    @Override
    public void executionStarted(TestIdentifier identifier) {
        className(identifier).ifPresent(name -> started.put(name, new long[] {System.nanoTime(), cpuMillis()}));
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        className(identifier).ifPresent(name -> {
            long[] start = started.remove(name);
            if (start != null) {
                record(name, (System.nanoTime() - start[0]) / 1_000_000, cpuMillis() - start[1]);
            }
        });
    }

    private static java.util.Optional<String> className(TestIdentifier identifier) {
        return identifier
                .getSource()
                .filter(ClassSource.class::isInstance)
                .map(source -> ((ClassSource) source).getClassName());
    }

    /**
     * The CPU of this JVM and of every process under it, alive or reaped: for this process and each
     * live descendant (the jsii kernel and the engines live as long as the fork), fields 14 to 17 of
     * /proc/PID/stat (utime, stime, and cutime and cstime, the children it reaped), in milliseconds.
     */
    private static long cpuMillis() {
        long ticks = ticks(ProcessHandle.current().pid());
        for (ProcessHandle descendant : ProcessHandle.current().descendants().toList()) {
            ticks += ticks(descendant.pid());
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name (field 2) may hold spaces; the fields after it start past its ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = 0;
            for (int field = 14; field <= 17; field++) {
                ticks += Long.parseLong(fields[field - 3]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended between listing and reading
        }
    }

    private static synchronized void record(String className, long wallMillis, long cpuMillis) {
        Path file = Path.of("target", "test-cpu", "fork-" + System.getProperty("wildrydes.test.fork", "0") + ".tsv");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    className + "\t" + wallMillis + "\t" + cpuMillis + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
