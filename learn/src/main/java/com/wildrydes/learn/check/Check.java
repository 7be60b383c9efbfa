package com.wildrydes.learn.check;

import com.wildrydes.local.RepositoryRoot;
import com.wildrydes.local.engines.EngineInstall;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.lambda.FunctionLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code learn/check <lab> [--compare] [--template-only]}: reports every step of the lab as done,
 * not yet or wrong, from the learner's stack as it is in the source tree. Exit status 0 when every
 * step is done, 1 when some are not (yet), 2 when the check could not run (a bad argument, a stack
 * that does not synthesize), with a sentence saying why and never a stack trace.
 */
public final class Check {

    private Check() {}

    public static void main(String[] args) {
        List<String> flags = new ArrayList<>();
        List<String> labs = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("--") ? flags : labs).add(arg);
        }
        for (String flag : flags) {
            if (!flag.equals("--compare") && !flag.equals("--template-only")) {
                stop("unknown option " + flag + ": the options are --compare and --template-only");
            }
        }
        if (labs.size() != 1) {
            stop("usage: learn/check <lab: 1, 2 or 4> [--compare] [--template-only]");
        }
        Lab lab = null;
        try {
            lab = Lab.of(labs.get(0));
        } catch (IllegalArgumentException e) {
            stop(e.getMessage());
        }
        boolean local = !flags.contains("--template-only");
        RunningEngines engines = null;
        int status;
        try {
            if (local) {
                Path logs = Files.createDirectories(RepositoryRoot.path().resolve("learn/target/engine-logs"));
                engines = new RunningEngines(EngineInstall.ensureInstalled(), logs);
            }
            LabCheck.Report report = LabCheck.run(lab, lab.learnerStack(), engines, flags.contains("--compare"));
            System.out.print(report.text());
            status = report.allDone() ? 0 : 1;
        } catch (Exception | Error e) {
            System.err.println("check: lab " + lab.number() + " could not be checked: " + Messages.of(e));
            status = 2;
        } finally {
            if (engines != null) {
                engines.close();
            }
            FunctionLogs.uninstall();
        }
        System.exit(status);
    }

    private static void stop(String message) {
        System.err.println("check: " + message);
        System.exit(2);
    }
}
