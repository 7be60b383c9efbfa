package com.wildrydes.test.deploy;

import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.deploy.LocalAccount;
import com.wildrydes.local.endpoint.LocalEndpoint;
import com.wildrydes.test.engines.LocalEngines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;

/**
 * An empty local AWS account behind one loopback endpoint (a free port), on the test run's
 * engines, as {@code DeployMain} serves it: what the CDK CLI deploys to in these tests. Deployed
 * resources carry a name prefix of their own, apart from other tests' labs on the same engines.
 */
final class LocalDeployTarget implements AutoCloseable {

    final LocalAccount account;
    final LocalEndpoint endpoint;
    final CdkCli cli;

    LocalDeployTarget(String namePrefix) {
        try {
            LocalSettings settings = LocalSettings.fromSystemProperties()
                    .withAsyncRetryDelay(Duration.ofMillis(200))
                    .withNamePrefix(namePrefix);
            this.account = new LocalAccount(LocalEngines.get(), settings, Files.createTempDirectory("local-s3-"));
            this.endpoint = LocalEndpoint.bind(0).serve(account.endpointServices(LocalEngines.get()));
            this.cli = new CdkCli(java.net.URI.create("http://127.0.0.1:" + endpoint.port()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        endpoint.close();
        account.close();
    }
}
