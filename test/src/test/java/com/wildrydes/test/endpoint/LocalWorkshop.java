package com.wildrydes.test.endpoint;

import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.endpoint.LocalEndpoint;
import com.wildrydes.local.endpoint.ServedServices;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.support.SynthesizedApp;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The four labs in one run of local mode, as {@code Main all} starts them: on one set of engines,
 * behind one endpoint, started once per test run and stopped when it ends. Clients reach it the
 * way a learner's do: the endpoint's URL, dummy credentials and the region, nothing else. Use with
 * {@code @ExtendWith({LocalEngines.class, LocalWorkshop.class})}.
 * <p>
 * Settings make the labs' randomness and waits fit a test: no simulated failures in labs 1 and 2,
 * every lab 3 responder answering within a second before a long deadline, SQS waits at 1/30.
 */
public final class LocalWorkshop implements BeforeAllCallback {

    static final String LAB1 = "wild-rydes-async-msg-1";
    static final String LAB2 = "wild-rydes-async-msg-2";
    static final String LAB3 = "wild-rydes-async-msg-3";
    static final String LAB4 = "wild-rydes-async-msg-4";

    private static final List<String> BACKENDS = List.of(
            "CustomerAccountingFunctionFA09DB28",
            "CustomerNotificationFunctionD73BCFC3",
            "ExtraordinaryRidesFunctionAD498A44");

    private static List<LocalLab> labs;
    private static LocalEndpoint endpoint;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (LocalWorkshop.class) {
            if (endpoint != null) {
                return;
            }
            LocalSettings settings = LocalSettings.fromSystemProperties()
                    .withTimeScale(1.0 / 30)
                    .withAsyncRetryDelay(Duration.ofMillis(200))
                    // Kept apart from other tests' copies of the labs on the same engines.
                    .withNamePrefix("pages-")
                    .withEnvironment("RideBookingSubmitFunction507354A7", "DEADLINE_SECONDS", "900");
            for (String backend : BACKENDS) {
                settings = settings.withEnvironment(backend, "FAILURE_RATE", "0");
            }
            for (String responder : SynthesizedApp.template(LAB3)
                    .findResources("AWS::Lambda::Function")
                    .keySet()) {
                if (responder.startsWith("RideBookingUnicornManagementResource")) {
                    settings = settings.withEnvironment(responder, "AVAILABILITY", "1")
                            .withEnvironment(responder, "MAX_DELAY_SECONDS", "1");
                }
            }
            List<LocalLab> started = new ArrayList<>();
            for (String stack : List.of(LAB1, LAB2, LAB3, LAB4)) {
                started.add(LocalLab.start(SynthesizedApp.cloudAssembly(), stack, LocalEngines.get(), settings));
            }
            labs = List.copyOf(started);
            endpoint = LocalEndpoint.bind(0).serve(ServedServices.of(LocalEngines.get(), labs));
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(LocalWorkshop.class, (AutoCloseable)
                    () -> {
                        synchronized (LocalWorkshop.class) {
                            endpoint.close();
                            labs.forEach(LocalLab::close);
                            endpoint = null;
                        }
                    });
        }
    }

    /** What {@code AWS_ENDPOINT_URL} is set to. */
    static URI endpoint() {
        return endpoint.url();
    }

    /** A client of the SDK for Java v2 set up as the local command's pasted lines set up a shell. */
    static <B extends AwsClientBuilder<B, C>, C> C client(AwsClientBuilder<B, C> builder) {
        B configured = builder.endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        if (configured instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClient(UrlConnectionHttpClient.create());
        }
        return configured.build();
    }
}
