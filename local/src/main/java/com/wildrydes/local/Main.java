package com.wildrydes.local;

import com.wildrydes.local.console.ConsoleServer;
import com.wildrydes.local.endpoint.LocalEndpoint;
import com.wildrydes.local.endpoint.ServedServices;
import com.wildrydes.local.engines.EngineInstall;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.lambda.FunctionLogs;
import com.wildrydes.local.template.LocalIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code Main <stack>... [cdk.out]} (a stack name, several, or {@code all}): takes the endpoint's
 * port, starts the engines, brings each stack up from the cloud assembly, serves every AWS API
 * the labs use on that one port, prints the lines to paste (the endpoint, dummy credentials, the
 * region) and each stack's outputs with their local values, prints each function's log lines
 * prefixed with its name, the URL of each lab's console page, and serves until Ctrl-C, then stops
 * everything.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = RepositoryRoot.path();
        // What the command was given is checked before any engine starts: a wrong setting, stack
        // name or taken port costs nothing and leaves nothing running.
        LocalSettings settings;
        CommandLine command;
        LocalEndpoint endpoint;
        ConsoleServer console;
        try {
            settings = LocalSettings.fromSystemProperties();
            command = CommandLine.parse(args, root);
            int consolePort = ConsoleServer.portFromSystemProperties();
            endpoint = LocalEndpoint.bind(CommandLine.port());
            try {
                console = new ConsoleServer(consolePort);
            } catch (RuntimeException e) {
                endpoint.close();
                throw e;
            }
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("local mode: " + messages(e));
            System.exit(2);
            return;
        }
        Path logs = Files.createDirectories(root.resolve("local/target/engine-logs"));
        RunningEngines engines = null;
        List<LocalLab> labs = new ArrayList<>();
        String starting = command.stacks().get(0);
        try {
            engines = new RunningEngines(EngineInstall.ensureInstalled(), logs);
            for (String stack : command.stacks()) {
                starting = stack;
                long begun = System.nanoTime();
                LocalLab lab = LocalLab.start(command.cdkOut(), stack, engines, settings);
                labs.add(lab);
                // SnapStart's init runs at publish, as on Lambda: part of start-up, and said so.
                System.out.println("Started " + stack + " up in " + (System.nanoTime() - begun) / 1_000_000 + " ms, "
                        + lab.snapStartInits() + " SnapStart init phases run at publish, " + lab.sdkSharing());
                console.add(lab, engines);
            }
            endpoint.serve(ServedServices.of(engines, labs));
        } catch (RuntimeException e) {
            // Stopped here, not left to shutdown hooks: under `mvn exec:java` the hooks run after
            // Maven has closed the class loader they need, and an engine outlived the command.
            console.close();
            endpoint.close();
            labs.forEach(LocalLab::close);
            if (engines != null) {
                engines.close();
            }
            System.err.println("local mode: " + starting + " could not start: " + messages(e));
            System.exit(e instanceof IllegalArgumentException ? 2 : 1);
            return;
        }
        RunningEngines started = engines;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            console.close();
                            endpoint.close();
                            labs.forEach(LocalLab::close);
                            started.close();
                            FunctionLogs.uninstall();
                            stopped.countDown();
                        },
                        "stop-local-mode"));
        printBanner(endpoint, console, started, labs);
        FunctionLogs.print();
        IamWatch.start(() -> labs, settings.failOnIamDenial());
        stopped.await();
    }

    private static void printBanner(
            LocalEndpoint endpoint, ConsoleServer console, RunningEngines engines, List<LocalLab> labs) {
        System.out.println("Every AWS API of the lab" + (labs.size() > 1 ? "s" : "") + " on " + endpoint.url()
                + "; paste these lines into your shell, then use the AWS CLI and SDKs as usual:");
        System.out.println("  export AWS_ENDPOINT_URL=" + endpoint.url());
        System.out.println("  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local");
        System.out.println("  export AWS_REGION=" + LocalIds.REGION + " AWS_DEFAULT_REGION=" + LocalIds.REGION);
        for (LocalLab lab : labs) {
            System.out.println("Outputs (" + lab.stackName() + ", local):");
            lab.outputs().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(output -> System.out.println("  " + output.getKey() + " = " + output.getValue()));
        }
        System.out.println("Engines (also reachable directly with --endpoint-url):");
        System.out.println("  dynamodb  " + engines.dynamoDbEndpoint());
        System.out.println("  sns, sqs  " + engines.snsSqsEndpoint());
        for (LocalLab lab : labs) {
            if (lab.stepFunctionsEndpoint() != null) {
                System.out.println("  stepfunctions  " + lab.stepFunctionsEndpoint() + "  (" + lab.stackName() + ")");
            }
        }
        for (LocalLab lab : labs) {
            System.out.println(
                    "Console (the lab's topology and its messages, live): " + console.pageUrl(lab.stackName()));
        }
        System.out.println("Not emulated (no local meaning):");
        for (LocalLab lab : labs) {
            lab.notEmulated().forEach(resource -> System.out.println("  " + resource));
        }
        System.out.println(
                "Serving; function logs follow, prefixed with the function's name. Ctrl-C stops everything.");
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
}
