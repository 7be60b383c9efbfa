package com.wildrydes.test.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.wildrydes.local.soak.Soak;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.support.SynthesizedApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The short soak of docs/soak.md: {@code bench/soak <lab> 0.25 0.05} for each of the four labs (a
 * minute of soaking in all), run through the command's own Java entry with those arguments, the labs
 * at once on this run's engines (each with its faulty and its fault-free copy). The command's
 * verdict is the test's: exit status 0 means nothing was lost and every invariant held in both
 * copies, at a 5 % fault rate. The invariants are exact; on a loaded machine only the throughput
 * changes (fewer requests sent, each lab settling until every accepted request is accounted for).
 */
@ExtendWith(LocalEngines.class)
class SoakLocalTest {

    private static final List<Integer> LABS = List.of(1, 2, 3, 4);

    /** Minutes and fault rate, as docs/soak.md shows them. */
    private static final String MINUTES = "0.25";

    private static final String RATE = "0.05";

    @Test
    void everyLabLosesNothingAndKeepsEveryInvariantUnderFivePercentFaults() throws Exception {
        String cdkOut = SynthesizedApp.cloudAssembly().toString();
        ExecutorService labs = Executors.newFixedThreadPool(LABS.size());
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int lab : LABS) {
                String[] args = {Integer.toString(lab), MINUTES, RATE, cdkOut};
                runs.add(labs.submit(() -> {
                    ByteArrayOutputStream printed = new ByteArrayOutputStream();
                    int status = Soak.command(
                            args, LocalEngines.get(), new PrintStream(printed, true, StandardCharsets.UTF_8));
                    return "exit " + status + "\n" + printed.toString(StandardCharsets.UTF_8);
                }));
            }
            List<String> broken = new ArrayList<>();
            StringBuilder tables = new StringBuilder();
            for (Future<String> run : runs) {
                String outcome = run.get();
                tables.append(outcome).append('\n');
                if (!outcome.startsWith("exit 0\n") || !injectedFaults(outcome)) {
                    broken.add(outcome.lines().skip(1).findFirst().orElse(outcome));
                }
            }
            System.out.print(tables);
            assertEquals(List.of(), broken, tables.toString());
        } finally {
            labs.shutdownNow();
        }
    }

    /** The table's "faults injected" row has a count above 0 for the faulty copy. */
    private static boolean injectedFaults(String table) {
        return table.lines()
                .filter(line -> line.startsWith("| faults injected"))
                .map(line -> line.split("\\|")[2].trim())
                .anyMatch(count -> Long.parseLong(count) > 0);
    }
}
