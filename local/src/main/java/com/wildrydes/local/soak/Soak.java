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
        int lab;
        double minutes;
        double rate;
        try {
            lab = Integer.parseInt(args[0]);
            minutes = args.length > 1 ? Double.parseDouble(args[1]) : 10;
            rate = args.length > 2 ? Double.parseDouble(args[2]) : 0.05;
            if (lab < 1 || lab > 4 || !(minutes > 0) || !(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            System.err.println("usage: soak <lab 1-4> [minutes > 0, default 10] [fault rate 0 to 1, default 0.05]");
            System.exit(2);
            return;
        }
        Path cdkOut = Path.of(args.length > 3 ? args[3] : "cdk.out");
        try (RunningEngines engines =
                new RunningEngines(EngineInstall.ensureInstalled(), Files.createTempDirectory("soak-engine-logs"))) {
            Result result = run(cdkOut, engines, lab, Duration.ofMillis((long) (minutes * 60_000)), rate, 24);
            System.out.print(result.table());
            result.withFaults().violations().forEach(v -> System.out.println("broken (with faults): " + v));
            result.withoutFaults().violations().forEach(v -> System.out.println("broken (without faults): " + v));
            System.out.flush();
            System.exit(result.held() ? 0 : 1);
        }
    }

    /** Runs the soak of {@code lab} (1 to 4) for {@code duration} at {@code rate}, faults drawn from {@code seed}. */
    public static Result run(Path cdkOut, RunningEngines engines, int lab, Duration duration, double rate, long seed)
            throws Exception {
        LabTraffic faultyTraffic = traffic(lab);
        LabTraffic calmTraffic = traffic(lab);
        String run = Long.toString(System.nanoTime() % 100_000, 36);
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
        clock.scheduleAtFixedRate(
                () -> clients.submit(() -> {
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
        long end = System.nanoTime() + duration.toNanos();
        return () -> {
            try {
                Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
                clock.shutdown();
                clients.shutdown();
                clients.awaitTermination(5, TimeUnit.MINUTES);
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
