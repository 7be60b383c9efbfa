package com.wildrydes.local;

import com.wildrydes.local.engines.EngineInstall;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.lambda.FunctionLogs;
import com.wildrydes.local.template.CloudAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code Main <stack name> [cdk.out]}: starts the engines, brings the stack up from the cloud
 * assembly, prints its outputs with their local values, the engines' endpoints and the URL of the
 * lab's console page, prints each function's log lines prefixed with its name, and serves until
 * Ctrl-C, then stops everything.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1 || args.length > 2 || args[0].isBlank()) {
            System.err.println(
                    "usage: Main <stack name, e.g. wild-rydes-async-msg-1> [cloud assembly, default cdk.out]");
            System.exit(2);
        }
        Path root = RepositoryRoot.path();
        Path cdkOut = args.length == 2 ? Path.of(args[1]) : root.resolve("cdk.out");
        // What the command was given is checked before any engine starts: a wrong setting or stack
        // name costs nothing and leaves nothing running.
        LocalSettings settings;
        int consolePort;
        try {
            settings = LocalSettings.fromSystemProperties();
            consolePort = com.wildrydes.local.console.ConsoleServer.portFromSystemProperties();
            CloudAssembly.read(cdkOut, args[0]);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("local mode: " + messages(e));
            System.exit(2);
            return;
        }
        Path logs = Files.createDirectories(root.resolve("local/target/engine-logs"));
        RunningEngines engines = null;
        LocalLab lab;
        try {
            engines = new RunningEngines(EngineInstall.ensureInstalled(), logs);
            lab = LocalLab.start(cdkOut, args[0], engines, settings);
        } catch (RuntimeException e) {
            // Stopped here, not left to shutdown hooks: under `mvn exec:java` the hooks run after
            // Maven has closed the class loader they need, and an engine outlived the command.
            if (engines != null) {
                engines.close();
            }
            System.err.println("local mode: " + args[0] + " could not start: " + messages(e));
            System.exit(e instanceof IllegalArgumentException ? 2 : 1);
            return;
        }
        RunningEngines started = engines;
        com.wildrydes.local.console.ConsoleServer console;
        try {
            console = new com.wildrydes.local.console.ConsoleServer(consolePort);
            console.add(lab, started);
        } catch (RuntimeException e) {
            lab.close();
            started.close();
            System.err.println("local mode: the console could not start: " + messages(e));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            console.close();
                            lab.close();
                            started.close();
                            FunctionLogs.uninstall();
                            stopped.countDown();
                        },
                        "stop-local-mode"));

        System.out.println("Outputs (" + args[0] + ", local):");
        lab.outputs().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(output -> System.out.println("  " + output.getKey() + " = " + output.getValue()));
        System.out.println("Engines (use with the AWS CLI's --endpoint-url; any credentials, region "
                + com.wildrydes.local.template.LocalIds.REGION + "):");
        System.out.println("  dynamodb  " + started.dynamoDbEndpoint());
        System.out.println("  sns, sqs  " + started.snsSqsEndpoint());
        if (lab.stepFunctionsEndpoint() != null) {
            System.out.println("  stepfunctions  " + lab.stepFunctionsEndpoint()
                    + "  (start-execution and describe-execution only)");
        }
        System.out.println("Console (the lab's topology and its messages, live): " + console.pageUrl(args[0]));
        System.out.println("Not emulated (no local meaning):");
        lab.notEmulated().forEach(resource -> System.out.println("  " + resource));
        System.out.println(
                "Serving; function logs follow, prefixed with the function's name. Ctrl-C stops everything.");
        FunctionLogs.print();
        watchIamDenials(lab, settings.failOnIamDenial());
        stopped.await();
    }

    /** The error's message and its causes' messages, in one line: what went wrong, without a stack trace. */
    private static String messages(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    /**
     * Every few seconds, checks the run's AWS calls so far against the template's policies and
     * warns of each newly denied one; with {@code -Dwildrydes.local.iamDenials=fail} it stops local
     * mode on the first (exit status 3).
     */
    private static void watchIamDenials(LocalLab lab, boolean fail) {
        Thread watcher = new Thread(
                () -> {
                    java.util.Set<String> warned = new java.util.HashSet<>();
                    while (true) {
                        try {
                            Thread.sleep(5000);
                            for (com.wildrydes.local.iam.Denial denial :
                                    lab.iamReport().denials()) {
                                if (warned.add(denial.toString())) {
                                    System.err.println("local mode: IAM " + (fail ? "ERROR" : "WARNING")
                                            + ", AWS would refuse this call: " + denial);
                                }
                            }
                            if (fail && !warned.isEmpty()) {
                                System.exit(3);
                            }
                        } catch (InterruptedException e) {
                            return;
                        } catch (RuntimeException e) {
                            System.err.println("local mode: the IAM check failed: " + e.getMessage());
                        }
                    }
                },
                "iam-check");
        watcher.setDaemon(true);
        watcher.start();
    }
}
