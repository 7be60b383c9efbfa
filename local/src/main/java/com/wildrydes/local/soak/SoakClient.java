package com.wildrydes.local.soak;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The soak's HTTP client, as a careful client of the labs' APIs behaves: a 5xx answer (a 503 that
 * says a retry can succeed, a 502 from a function that failed or timed out) is retried a few times
 * with a growing wait; a 4xx is the client's fault and is never retried.
 */
final class SoakClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int ATTEMPTS = 6;

    private SoakClient() {}

    /** The final answer (status and body), after retrying 5xx answers. */
    static HttpResponse<String> send(HttpRequest request, SoakFigures figures) throws Exception {
        HttpResponse<String> answer = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                figures.clientRetries.incrementAndGet();
                Thread.sleep(100L << Math.min(attempt, 5));
            }
            answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() < 500) {
                return answer;
            }
        }
        return answer;
    }

    static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
    }
}
