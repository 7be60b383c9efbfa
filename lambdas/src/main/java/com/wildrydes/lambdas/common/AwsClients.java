package com.wildrydes.lambdas.common;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients for the handlers, over the JDK's URL connection client (no Apache or Netty in the
 * jar). Region and credentials come from the Lambda environment. Built once per execution
 * environment, before the SnapStart snapshot.
 */
public final class AwsClients {

    private AwsClients() {}

    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder().build();
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().httpClient(httpClient()).build();
    }

    public static SnsClient sns() {
        return SnsClient.builder().httpClient(httpClient()).build();
    }

    public static SqsClient sqs() {
        return SqsClient.builder().httpClient(httpClient()).build();
    }
}
