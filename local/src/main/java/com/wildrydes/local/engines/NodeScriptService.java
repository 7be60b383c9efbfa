package com.wildrydes.local.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One of the engines' folder's Node scripts (the offline state machine interpreter, the ASL
 * validator, the IAM evaluator) kept running ({@code node script --serve}, see
 * {@code test/engines/script-service.mjs}) to answer many requests, concurrent ones included: Node's
 * start and the script's imports (about 0.9 s of CPU for the state machine interpreter) are paid once
 * per JVM instead of once per request. The process is started on the first request and again after
 * it died; it exits when this JVM does (its standard input closes).
 */
public final class NodeScriptService {

    /**
     * V8's concurrent GC threads cost a short Node process about as much CPU as its work on a
     * two-core machine (bench/synth measured it for the jsii kernel); one GC thread is plenty here.
     */
    static final String SINGLE_THREADED_GC = "--single-threaded-gc";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, NodeScriptService> SHARED = new ConcurrentHashMap<>();
    private static final int STDERR_LINES_KEPT = 40;

    private final String script;
    private final AtomicLong ids = new AtomicLong();
    private final Deque<String> stderr = new ArrayDeque<>();
    private Running running;

    /** The process, where its requests go, and the calls waiting for its answers, by request id. */
    private record Running(Process process, Writer requests, Map<Long, BlockingQueue<String[]>> pending) {}

    private NodeScriptService(String script) {
        this.script = script;
    }

    /** The one service of that script for this JVM. */
    public static NodeScriptService of(String script) {
        return SHARED.computeIfAbsent(script, NodeScriptService::new);
    }

    /**
     * Answers one request (written as JSON): hands each line the script emits for it (a state
     * machine's states as the execution enters and leaves them) to {@code progress}, on the calling
     * thread, as soon as it is printed, and returns the script's answer. A request the script fails,
     * or that outlives {@code limit} (it is then aborted), fails the call with what the script said.
     */
    public JsonNode call(Object request, Duration limit, Consumer<String> progress) {
        long id = ids.incrementAndGet();
        BlockingQueue<String[]> answers = new LinkedBlockingQueue<>();
        Running to;
        try {
            to = send(id, request, answers);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start or reach " + script, e);
        }
        try {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                String[] message = answers.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (message == null) {
                    abort(to, id);
                    throw new IllegalStateException(script + " failed: no answer within " + limit);
                }
                switch (message[0]) {
                    case "line" -> tell(progress, message[1]);
                    case "done" -> {
                        return JSON.readTree(message[1]);
                    }
                    case "failed" ->
                        throw new IllegalStateException(
                                script + " failed: " + JSON.readTree(message[1]).asText());
                    default -> throw new IllegalStateException(script + " failed: " + message[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            abort(to, id);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + script + " ran", e);
        } finally {
            to.pending().remove(id);
        }
    }

    /** Sends the request to the running process (started first if there is none), its answers to go to {@code answers}. */
    private synchronized Running send(long id, Object request, BlockingQueue<String[]> answers) throws IOException {
        if (running == null || !running.process().isAlive()) {
            running = start();
        }
        running.pending().put(id, answers);
        try {
            write(running, Map.of("id", id, "request", request));
        } catch (IOException e) {
            running.pending().remove(id);
            throw e;
        }
        return running;
    }

    private synchronized void abort(Running to, long id) {
        try {
            write(to, Map.of("id", id, "abort", true));
        } catch (IOException | RuntimeException e) {
            // the process is gone, and the request with it
        }
    }

    private static void write(Running to, Object message) throws IOException {
        to.requests().write(JSON.writeValueAsString(message));
        to.requests().write('\n');
        to.requests().flush();
    }

    private Running start() throws IOException {
        Process process = new ProcessBuilder("node", SINGLE_THREADED_GC, script, "--serve")
                .directory(EngineInstall.ensureInstalled().toFile())
                .start();
        Running started = new Running(
                process,
                new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
                new ConcurrentHashMap<>());
        daemon(script + " errors", () -> keepErrors(process));
        daemon(script + " answers", () -> dispatch(started));
        return started;
    }

    /** Hands each answer line ({@code <id> <kind> <text>}) to the waiting call; when the process ends, fails them all. */
    private void dispatch(Running from) {
        Process started = from.process();
        Map<Long, BlockingQueue<String[]>> pending = from.pending();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] parts = line.split(" ", 3);
                BlockingQueue<String[]> answers = parts.length == 3 ? pending.get(parseId(parts[0])) : null;
                if (answers != null) {
                    answers.add(new String[] {parts[1], parts[2]});
                }
            }
        } catch (IOException e) {
            // the process is gone: told below
        }
        try {
            started.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String why = "the process ended (" + (started.isAlive() ? "still running" : "exit " + started.exitValue())
                + "): " + errors();
        pending.values().forEach(answers -> answers.add(new String[] {"ended", why}));
    }

    private void keepErrors(Process started) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(started.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (stderr) {
                    stderr.addLast(line);
                    if (stderr.size() > STDERR_LINES_KEPT) {
                        stderr.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private String errors() {
        synchronized (stderr) {
            return String.join("\n", stderr);
        }
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A watcher's failure (the console's) must not cut the request short: reported, not thrown. */
    private static void tell(Consumer<String> progress, String line) {
        try {
            progress.accept(line);
        } catch (RuntimeException e) {
            System.err.println("Could not pass on the line " + line + ": " + e);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
