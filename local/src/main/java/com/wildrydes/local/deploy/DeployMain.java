package com.wildrydes.local.deploy;

import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.RepositoryRoot;
import com.wildrydes.local.endpoint.LocalEndpoint;
import com.wildrydes.local.endpoint.LocalServices;
import com.wildrydes.local.engines.EngineInstall;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.lambda.FunctionLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code DeployMain [port, default 4566]}: an empty local AWS account for the unchanged CDK CLI.
 * Starts the engines and serves STS, SSM, S3 and CloudFormation on one loopback port, so that
 * {@code npx cdk bootstrap}, {@code npx cdk deploy} and {@code npx cdk destroy} run against it with
 * {@code AWS_ENDPOINT_URL} set; each deployed lab runs as the local command runs it.
 */
public final class DeployMain {

    private DeployMain() {}

    /**
     * Every few seconds, checks each deployed lab's AWS calls so far against its template's
     * policies, as the local command does for its lab, and warns of each newly denied call.
     */
    private static void watchIamDenials(LocalAccount account) {
        Thread watcher = new Thread(
                () -> {
                    java.util.Set<String> warned = new java.util.HashSet<>();
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            Thread.sleep(5000);
                            account.cloudFormation()
                                    .labs()
                                    .forEach((stack, lab) -> lab.iamReport()
                                            .denials()
                                            .forEach(denial -> {
                                                if (warned.add(stack + denial)) {
                                                    System.err.println(
                                                            "local mode: IAM WARNING, AWS would refuse this call of "
                                                                    + stack + ": " + denial);
                                                }
                                            }));
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

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : LocalEndpoint.DEFAULT_PORT;
        // The port is taken before any engine starts: a taken port costs nothing and leaves nothing running.
        LocalEndpoint endpoint;
        try {
            endpoint = LocalEndpoint.bind(port);
        } catch (IllegalArgumentException e) {
            System.err.println("local mode: " + e.getMessage() + " (here: give the port as the argument)");
            System.exit(2);
            return;
        }
        LocalSettings settings = LocalSettings.fromSystemProperties();
        Path logs = Files.createDirectories(RepositoryRoot.path().resolve("local/target/engine-logs"));
        RunningEngines engines = new RunningEngines(EngineInstall.ensureInstalled(), logs);
        LocalAccount account = new LocalAccount(engines, settings, Files.createTempDirectory("local-s3-"));
        LocalServices served = account.endpointServices(engines);
        endpoint.serve(served);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            endpoint.close();
                            account.close();
                            engines.close();
                            FunctionLogs.uninstall();
                            stopped.countDown();
                        },
                        "stop-local-account"));
        // 127.0.0.1, not localhost: with an IP address the SDKs address S3 buckets by path.
        System.out.println("export AWS_ENDPOINT_URL=http://127.0.0.1:" + endpoint.port());
        System.out.println("export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_REGION="
                + com.wildrydes.local.template.LocalIds.REGION);
        System.out.println("Serving " + String.join(", ", served.names())
                + " for cdk bootstrap, deploy and destroy. Ctrl-C stops everything.");
        FunctionLogs.print();
        watchIamDenials(account);
        stopped.await();
    }
}
