package com.wildrydes.learn.check;

import com.wildrydes.local.LocalLab;
import com.wildrydes.local.engines.RunningEngines;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What the local proofs of labs 1 and 2 do with a lab running in local mode: post rides to its API,
 * listen on its topic through a probe queue, and count each function's invocations.
 */
final class LocalRides {

    static final String OUTPUT_ENDPOINT = "UnicornManagementServiceApiSubmitRideCompletionEndpoint";
    /** The workshop's extraordinary ride: fare 256.50, distance 600. */
    static final String EXTRAORDINARY =
            "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": 256.50}";
    /** A long ride with a fare of 20: the filter's fare condition (>= 50) must keep it from extraordinary rides. */
    static final String FARE_20 =
            "{\"from\": \"Berlin\", \"to\": \"Hamburg\", \"duration\": 300, \"distance\": 600, \"customer\": \"cmr\", \"fare\": 20}";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalLab lab;
    private final RunningEngines engines;

    LocalRides(LocalLab lab, RunningEngines engines) {
        this.lab = lab;
        this.engines = engines;
    }

    /** Posts a ride to the lab's submit endpoint; the answer's status and body. */
    HttpResponse<String> post(String ride) throws IOException, InterruptedException {
        String endpoint = lab.output(OUTPUT_ENDPOINT);
        if (endpoint == null) {
            throw new IllegalStateException("the stack has no output " + OUTPUT_ENDPOINT);
        }
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(endpoint))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(ride))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A queue subscribed with raw delivery to the topic, to see what the submit function publishes. */
    String probe(String topicArn, String name) {
        String url = engines.sqs().createQueue(q -> q.queueName(name)).queueUrl();
        String arn = engines.sqs()
                .getQueueAttributes(a -> a.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        engines.sns()
                .subscribe(s -> s.topicArn(topicArn)
                        .protocol("sqs")
                        .endpoint(arn)
                        .attributes(Map.of("RawMessageDelivery", "true")));
        return url;
    }

    /** Waits up to {@code seconds} for {@code count} messages on the queue; returns what came. */
    List<Message> receive(String queueUrl, int count, int seconds) {
        List<Message> received = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            received.addAll(engines.sqs()
                    .receiveMessage(r -> r.queueUrl(queueUrl)
                            .waitTimeSeconds(1)
                            .maxNumberOfMessages(10)
                            .messageAttributeNames("All"))
                    .messages());
        }
        return received;
    }

    int invocations(String functionLogicalId) {
        return lab.functionByLogicalId(functionLogicalId).invocationCount();
    }

    /** Waits up to {@code seconds} for the function to have been invoked {@code count} times; the count then. */
    int awaitInvocations(String functionLogicalId, int count, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (invocations(functionLogicalId) < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return invocations(functionLogicalId);
    }
}
