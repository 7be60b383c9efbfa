package com.wildrydes.local;

import com.wildrydes.local.engines.EngineInstall;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.lambda.FunctionLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code Main <stack name> [cdk.out]}: starts the engines, brings the stack up from the cloud
 * assembly, prints its outputs with their local values and the engines' endpoints, prints each
 * function's log lines prefixed with its name, and serves until Ctrl-C, then stops everything.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1 || args.length > 2) {
            System.err.println(
                    "usage: Main <stack name, e.g. wild-rydes-async-msg-1> [cloud assembly, default cdk.out]");
            System.exit(2);
        }
        Path root = RepositoryRoot.path();
        Path cdkOut = args.length == 2 ? Path.of(args[1]) : root.resolve("cdk.out");
        Path logs = Files.createDirectories(root.resolve("local/target/engine-logs"));
        RunningEngines engines = new RunningEngines(EngineInstall.ensureInstalled(), logs);
        LocalLab lab;
        LocalSettings settings = LocalSettings.fromSystemProperties();
        try {
            lab = LocalLab.start(cdkOut, args[0], engines, settings);
        } catch (RuntimeException e) {
            engines.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            lab.close();
                            engines.close();
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
        System.out.println("  dynamodb  " + engines.dynamoDbEndpoint());
        System.out.println("  sns, sqs  " + engines.snsSqsEndpoint());
        if (lab.stepFunctionsEndpoint() != null) {
            System.out.println("  stepfunctions  " + lab.stepFunctionsEndpoint()
                    + "  (start-execution and describe-execution only)");
        }
        System.out.println("Not emulated (no local meaning):");
        lab.notEmulated().forEach(resource -> System.out.println("  " + resource));
        System.out.println(
                "Serving; function logs follow, prefixed with the function's name. Ctrl-C stops everything.");
        FunctionLogs.print();
        watchIamDenials(lab, settings.failOnIamDenial());
        stopped.await();
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
