package com.wildrydes.local.soak;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** What one run of a soak counted: requests, retries, dead letters, losses, duplicates, latencies and broken invariants. */
public final class SoakFigures {

    final AtomicLong requests = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong clientRetries = new AtomicLong();
    final AtomicLong redeliveries = new AtomicLong();
    final AtomicLong deadLetters = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    private final List<Long> latenciesMillis = Collections.synchronizedList(new ArrayList<>());
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    Map<String, Long> faults = new TreeMap<>();

    void latency(long millis) {
        latenciesMillis.add(millis);
    }

    /** Records a broken invariant, with what was seen. */
    void violation(String text) {
        if (violations.size() < 50) {
            violations.add(text);
        }
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public long lost() {
        return lost.get();
    }

    public long requests() {
        return requests.get();
    }

    public long faultsInjected() {
        return faults.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The latency at that percentile (0 to 100), in milliseconds; -1 with none measured. */
    public long percentile(double percentile) {
        List<Long> sorted;
        synchronized (latenciesMillis) {
            sorted = new ArrayList<>(latenciesMillis);
        }
        if (sorted.isEmpty()) {
            return -1;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The table's rows for this run and the fault-free one beside it. */
    static String table(String lab, double minutes, double rate, SoakFigures faulty, SoakFigures calm) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("soak %s, %.1f min, fault rate %.1f %%%n", lab, minutes, rate * 100));
        out.append(String.format("| %-34s | %14s | %14s |%n", "", "with faults", "without faults"));
        out.append(String.format("|%s|%s|%s|%n", "-".repeat(36), "-".repeat(16), "-".repeat(16)));
        row(
                out,
                "requests (accepted)",
                faulty.requests + " (" + faulty.accepted + ")",
                calm.requests + " (" + calm.accepted + ")");
        row(out, "faults injected", Long.toString(faulty.faultsInjected()), Long.toString(calm.faultsInjected()));
        java.util.Set<String> kinds = new java.util.TreeSet<>(faulty.faults.keySet());
        for (String kind : kinds) {
            row(out, "  " + kind, Long.toString(faulty.faults.get(kind)), "0");
        }
        row(
                out,
                "retries (client, redeliveries)",
                faulty.clientRetries + ", " + faulty.redeliveries,
                calm.clientRetries + ", " + calm.redeliveries);
        row(out, "dead letters", Long.toString(faulty.deadLetters.get()), Long.toString(calm.deadLetters.get()));
        row(out, "lost", Long.toString(faulty.lost.get()), Long.toString(calm.lost.get()));
        row(out, "duplicates", Long.toString(faulty.duplicates.get()), Long.toString(calm.duplicates.get()));
        row(out, "p50 end-to-end (ms)", Long.toString(faulty.percentile(50)), Long.toString(calm.percentile(50)));
        row(out, "p99 end-to-end (ms)", Long.toString(faulty.percentile(99)), Long.toString(calm.percentile(99)));
        row(
                out,
                "invariants broken",
                Integer.toString(faulty.violations.size()),
                Integer.toString(calm.violations.size()));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String faulty, String calm) {
        out.append(String.format("| %-34s | %14s | %14s |%n", name, faulty, calm));
    }
}
