package com.wildrydes.local.deploy;

import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.RepositoryRoot;
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
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 4566;
        LocalSettings settings = LocalSettings.fromSystemProperties();
        Path root = RepositoryRoot.path();
        Path logs = Files.createDirectories(root.resolve("local/target/engine-logs"));
        RunningEngines engines = new RunningEngines(EngineInstall.ensureInstalled(), logs);
        LocalAccount account = new LocalAccount(engines, settings, Files.createTempDirectory("local-s3-"));
        DeployEndpoint endpoint;
        try {
            endpoint = new DeployEndpoint(port, account.services());
        } catch (java.net.BindException e) {
            engines.close();
            System.err.println("local mode: port " + port + " is taken; give another: DeployMain <port>");
            System.exit(2);
            return;
        }
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
        System.out.println("export AWS_ENDPOINT_URL=" + endpoint.endpoint());
        System.out.println("export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_REGION="
                + com.wildrydes.local.template.LocalIds.REGION);
        System.out.println(
                "Serving sts, ssm, s3, cloudformation for cdk bootstrap, deploy and destroy. Ctrl-C stops everything.");
        FunctionLogs.print();
        watchIamDenials(account);
        stopped.await();
    }
}
