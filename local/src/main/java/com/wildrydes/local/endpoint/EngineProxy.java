package com.wildrydes.local.endpoint;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service that one of the engines already serves (DynamoDB on dynoxide, SNS and SQS on fauxqs):
 * the request is passed on as it came (method, path, query, headers, body) and the engine's answer
 * is passed back, errors included, so the engine's own protocol handling stays the only one.
 */
public final class EngineProxy implements AwsService {

    /** Headers the JDK's client sets itself and refuses to be given. */
    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String signingName;
    private final Set<String> targetPrefixes;
    private final Protocol protocol;
    private final URI engine;

    public EngineProxy(String signingName, Set<String> targetPrefixes, Protocol protocol, URI engine) {
        this.signingName = signingName;
        this.targetPrefixes = Set.copyOf(targetPrefixes);
        this.protocol = protocol;
        this.engine = engine;
    }

    @Override
    public String signingName() {
        return signingName;
    }

    @Override
    public Set<String> targetPrefixes() {
        return targetPrefixes;
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public AwsResponse handle(AwsRequest request) throws IOException {
        String pathAndQuery = request.path()
                + (request.uri().getRawQuery() == null
                        ? ""
                        : "?" + request.uri().getRawQuery());
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(engine.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name)) {
                values.forEach(value -> forwarded.header(name, value));
            }
        });
        HttpResponse<byte[]> answer;
        try {
            answer = HTTP.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the " + signingName + " engine", e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                headers.put(name, String.join(",", values));
            }
        });
        return new AwsResponse(answer.statusCode(), headers, answer.body());
    }

    @Override
    public String toString() {
        return signingName + " (engine at " + engine + ")";
    }

    /** The engines' services: DynamoDB, SQS (query and JSON protocols) and SNS. */
    public static List<AwsService> forEngines(URI dynamoDb, URI snsSqs) {
        return List.of(
                new EngineProxy("dynamodb", Set.of("DynamoDB_20120810"), Protocol.AWS_JSON_1_0, dynamoDb),
                new EngineProxy("sqs", Set.of("AmazonSQS"), Protocol.AWS_JSON_1_0, snsSqs),
                new EngineProxy("sns", Set.of(), Protocol.QUERY, snsSqs));
    }
}
