package com.wildrydes.local.deploy;

import com.wildrydes.local.IamWatch;
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
        IamWatch.start(() -> account.cloudFormation().labs().values(), false);
        stopped.await();
    }
}
