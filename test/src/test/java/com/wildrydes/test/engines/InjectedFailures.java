package com.wildrydes.test.engines;

import com.wildrydes.local.engines.RunningEngines;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Real SDK clients on the local engines that fail one kind of call with the error AWS itself
 * returns, for conditions the engines cannot produce (throttling, a 5xx, a validation error). An
 * {@link ExecutionInterceptor} throws the service's own exception class, built as the SDK's
 * unmarshaller builds it (status code and AWS error code), before the call leaves the client:
 * every other call goes to the engine as usual. Retries are off so that the test sees the error
 * the handler would see after the SDK's retries ran out, without waiting for their back-off.
 */
public final class InjectedFailures {

    private InjectedFailures() {}

    /** The exception AWS answers with: the service's class, its HTTP status and its error code. */
    public static <B extends AwsServiceException.Builder> AwsServiceException error(
            B builder, int status, String errorCode, String serviceName) {
        builder.statusCode(status)
                .message(errorCode + " (injected by the test)")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(errorCode)
                        .errorMessage("injected by the test")
                        .serviceName(serviceName)
                        .build());
        return (AwsServiceException) builder.build();
    }

    public static DynamoDbClient dynamoDb(
            RunningEngines engines, Class<? extends SdkRequest> failing, AwsServiceException error) {
        return DynamoDbClient.builder()
                .endpointOverride(engines.dynamoDbEndpoint())
                .region(RunningEngines.REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(failing(failing, error))
                .build();
    }

    public static SnsClient sns(
            RunningEngines engines, Class<? extends SdkRequest> failing, AwsServiceException error) {
        return SnsClient.builder()
                .endpointOverride(engines.snsSqsEndpoint())
                .region(RunningEngines.REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(failing(failing, error))
                .build();
    }

    private static ClientOverrideConfiguration failing(Class<? extends SdkRequest> failing, AwsServiceException error) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        if (failing.isInstance(context.request())) {
                            throw error;
                        }
                    }
                })
                .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
