package com.wildrydes.lambdas.common;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * SDK clients for the handlers, over the JDK's URL connection client (no Apache or Netty in the
 * jar). Region and credentials come from the Lambda environment. Built once per execution
 * environment, before the SnapStart snapshot.
 *
 * <p>The caller names the service ({@code AwsClients.build(DynamoDbClient.builder())}), so that this
 * class refers to no service: each function's package holds only the SDK modules its handler's own
 * classes reach (see the lambdas module's shade executions).
 */
public final class AwsClients {

    private AwsClients() {}

    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder().build();
    }

    /** The client {@code builder} builds, over {@link #httpClient()}. */
    public static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C build(B builder) {
        return builder.httpClient(httpClient()).build();
    }
}
