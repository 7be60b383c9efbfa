package com.wildrydes.local.soak;

import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.engines.EngineInstall;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.lambda.RandomFaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A soak of one lab in local mode: two copies of the lab side by side on the same engines, one
 * meeting faults at random at the given rate ({@link RandomFaults}: DynamoDB throttling, 500s and
 * write conflicts; SNS and SQS throttling and 5xx; Lambda throttles and timeouts; for lab 4 the
 * saga's own tasks and its Lambda tasks too), the other none, each under the same steady stream of
 * the workshop's requests for the given time; then each is left to settle, its invariants checked,
 * and a table printed of both.
 * <pre>java ... com.wildrydes.local.soak.Soak &lt;lab 1-4&gt; [minutes, default 10] [fault rate, default 0.05] [cdk.out]</pre>
 * Exit status 0 when every invariant held in both runs and nothing was lost, 1 otherwise, 2 for bad arguments.
 */
public final class Soak {

    private static final int CLIENTS = 8;
    /** How long the requests sent last may take to end (lab 4's client waits for its execution's end). */
    private static final Duration IN_FLIGHT_LIMIT = Duration.ofMinutes(10);

    private Soak() {}

    /** Both runs' figures, with faults and without. */
    public record Result(String table, SoakFigures withFaults, SoakFigures withoutFaults) {

        public boolean held() {
            return withFaults.violations().isEmpty()
                    && withoutFaults.violations().isEmpty()
                    && withFaults.lost() == 0
                    && withoutFaults.lost() == 0;
        }
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args);
        if (arguments == null) {
            System.exit(2);
            return;
        }
        try (RunningEngines engines =
                new RunningEngines(EngineInstall.ensureInstalled(), Files.createTempDirectory("soak-engine-logs"))) {
            int status = command(arguments, engines, System.out);
            System.out.flush();
            System.exit(status);
        }
    }

    /**
     * The command on engines already running (what {@code bench/soak} runs, and a test with the same
     * arguments): prints the table and every broken invariant to {@code out}; 0 when every invariant
     * held in both runs and nothing was lost, 1 otherwise, 2 for bad arguments.
     */
    public static int command(String[] args, RunningEngines engines, java.io.PrintStream out) throws Exception {
        Arguments arguments = Arguments.parse(args);
        return arguments == null ? 2 : command(arguments, engines, out);
    }

    private static int command(Arguments arguments, RunningEngines engines, java.io.PrintStream out) throws Exception {
        Result result = run(
                arguments.cdkOut(),
                engines,
                arguments.lab(),
                Duration.ofMillis((long) (arguments.minutes() * 60_000)),
                arguments.rate(),
                24);
        StringBuilder text = new StringBuilder(result.table());
        result.withFaults()
                .violations()
                .forEach(v -> text.append("broken (with faults): ").append(v).append('\n'));
        result.withoutFaults()
                .violations()
                .forEach(v -> text.append("broken (without faults): ").append(v).append('\n'));
        // One print, so that labs soaked at once in one JVM do not interleave their tables.
        out.print(text);
        return result.held() ? 0 : 1;
    }

    /** {@code <lab 1-4> [minutes] [fault rate] [cdk.out]}. */
    private record Arguments(int lab, double minutes, double rate, Path cdkOut) {

        /** The arguments, or null after printing the usage. */
        static Arguments parse(String[] args) {
            try {
                int lab = Integer.parseInt(args[0]);
                double minutes = args.length > 1 ? Double.parseDouble(args[1]) : 10;
                double rate = args.length > 2 ? Double.parseDouble(args[2]) : 0.05;
                if (lab < 1 || lab > 4 || !(minutes > 0) || !(rate >= 0 && rate <= 1)) {
                    throw new IllegalArgumentException();
                }
                return new Arguments(lab, minutes, rate, Path.of(args.length > 3 ? args[3] : "cdk.out"));
            } catch (RuntimeException e) {
                System.err.println(
                        "usage: soak <lab 1-4> [minutes > 0, default 10] [fault rate 0 to 1, default 0.05] [cdk.out]");
                return null;
            }
        }
    }

    /** Runs the soak of {@code lab} (1 to 4) for {@code duration} at {@code rate}, faults drawn from {@code seed}. */
    public static Result run(Path cdkOut, RunningEngines engines, int lab, Duration duration, double rate, long seed)
            throws Exception {
        LabTraffic faultyTraffic = traffic(lab);
        LabTraffic calmTraffic = traffic(lab);
        // Unique per run and lab, so that labs soaked at once on one set of engines never share a name.
        String run = lab + Long.toString(System.nanoTime() % 100_000, 36);
        LocalSettings base = LocalSettings.fromSystemProperties();
        try (LocalLab faulty = LocalLab.start(
                        cdkOut,
                        faultyTraffic.stack(),
                        engines,
                        faultyTraffic.settings(base.withNamePrefix("soakf" + run + "-")));
                LocalLab calm = LocalLab.start(
                        cdkOut,
                        calmTraffic.stack(),
                        engines,
                        calmTraffic.settings(base.withNamePrefix("soakc" + run + "-")))) {
            RandomFaults faults = new RandomFaults(rate, seed);
            List<String> callers = faulty.callerKeys();
            faults.install(callers);
            try {
                faultyTraffic.prepare(faulty, engines);
                calmTraffic.prepare(calm, engines);
                SoakFigures withFaults = new SoakFigures();
                SoakFigures withoutFaults = new SoakFigures();
                List<Runnable> stops = new ArrayList<>();
                stops.add(drive(faulty, engines, faultyTraffic, withFaults, duration));
                stops.add(drive(calm, engines, calmTraffic, withoutFaults, duration));
                stops.forEach(Runnable::run);
                settle(faulty, engines, faultyTraffic, withFaults);
                settle(calm, engines, calmTraffic, withoutFaults);
                faultyTraffic.check(faulty, engines, withFaults);
                calmTraffic.check(calm, engines, withoutFaults);
                withFaults.faults = faults.injected();
                double minutes = duration.toMillis() / 60_000.0;
                return new Result(
                        SoakFigures.table("lab " + lab, minutes, rate, withFaults, withoutFaults),
                        withFaults,
                        withoutFaults);
            } finally {
                RandomFaults.uninstall(callers);
            }
        }
    }

    private static LabTraffic traffic(int lab) {
        return switch (lab) {
            case 1, 2 -> new RidesTraffic(lab);
            case 3 -> new RfqTraffic();
            case 4 -> new FareTraffic();
            default -> throw new IllegalArgumentException("lab 1 to 4, got " + lab);
        };
    }

    /**
     * Starts the steady stream (one request every 1/rate seconds, by up to {@link #CLIENTS} clients
     * at once) and the observer; returns what waits for the stream's end.
     */
    private static Runnable drive(
            LocalLab lab, RunningEngines engines, LabTraffic traffic, SoakFigures figures, Duration duration) {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS, daemon("soak-client"));
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(daemon("soak-clock"));
        ScheduledExecutorService observer = Executors.newSingleThreadScheduledExecutor(daemon("soak-observer"));
        long period = (long) (1_000_000 / traffic.requestsPerSecond());
        long end = System.nanoTime() + duration.toNanos();
        clock.scheduleAtFixedRate(
                () -> clients.submit(() -> {
                    // A request that waited behind busy clients until the stream ended is not sent: every
                    // request sent has ended (answered, or its execution over) before the lab settles.
                    if (System.nanoTime() - end >= 0) {
                        return;
                    }
                    try {
                        traffic.sendOne(lab, figures);
                    } catch (Exception e) {
                        figures.violation("a request failed in the client: " + e);
                    }
                }),
                0,
                period,
                TimeUnit.MICROSECONDS);
        observer.scheduleWithFixedDelay(() -> observe(lab, engines, traffic, figures), 250, 250, TimeUnit.MILLISECONDS);
        return () -> {
            try {
                Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
                clock.shutdown();
                clock.awaitTermination(1, TimeUnit.MINUTES);
                clients.shutdown();
                if (!clients.awaitTermination(IN_FLIGHT_LIMIT.toMinutes(), TimeUnit.MINUTES)) {
                    figures.violation("requests still in flight " + IN_FLIGHT_LIMIT + " after the stream ended");
                }
                // Not interrupted: an observation in flight finishes, and settling observes again.
                observer.shutdown();
                observer.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static void observe(LocalLab lab, RunningEngines engines, LabTraffic traffic, SoakFigures figures) {
        try {
            traffic.observe(lab, engines, figures);
        } catch (RuntimeException e) {
            figures.violation("observing the lab failed: " + e);
        }
    }

    /** Observes until every accepted request is accounted for, or the lab's settle time is over. */
    private static void settle(LocalLab lab, RunningEngines engines, LabTraffic traffic, SoakFigures figures)
            throws InterruptedException {
        long deadline = System.nanoTime() + traffic.settleTime().toNanos();
        do {
            observe(lab, engines, traffic, figures);
            if (traffic.settled()) {
                // One more look after a pause, for duplicates that arrive late.
                Thread.sleep(1000);
                observe(lab, engines, traffic, figures);
                return;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
