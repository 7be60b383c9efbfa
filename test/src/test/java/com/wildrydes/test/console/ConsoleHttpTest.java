package com.wildrydes.test.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.console.ConsoleServer;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.support.SynthesizedApp;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's HTTP edge with bad input, as an attacker or a typo sends it: unknown labs and
 * nodes answer 404 with a JSON error, malformed actions 400 naming what was wrong, a bad request
 * body the API's own 400; a page of another site, or a request under another host name, is refused.
 */
@ExtendWith(LocalEngines.class)
class ConsoleHttpTest {

    private static final String STACK = "wild-rydes-async-msg-1";
    private static final String ROUTE = "UnicornManagementServiceApisubmitridecompletionPOST219933A7";
    private static final String INVALID_RIDE =
            "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": \"free\"}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalLab lab;
    private static ConsoleServer console;
    private static com.wildrydes.local.console.LabConsole labConsole;

    @BeforeAll
    static void start() {
        lab = LocalLab.start(
                SynthesizedApp.cloudAssembly(),
                STACK,
                LocalEngines.get(),
                LocalSettings.fromSystemProperties().withNamePrefix("console-http-"));
        console = new ConsoleServer(0);
        labConsole = console.add(lab, LocalEngines.get());
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void anUnknownLabOrNodeOrPathAnswers404WithAJsonError() throws Exception {
        assertError(get("api/labs/wild-rydes-async-msg-9/topology"), 404, "No lab wild-rydes-async-msg-9");
        assertError(get("labs/wild-rydes-async-msg-9"), 404, "No lab wild-rydes-async-msg-9");
        assertError(get("api/labs/" + STACK + "/nodes/NoSuchFunction"), 404, "No node NoSuchFunction");
        assertError(get("static/../../etc/passwd"), 404, "No");
        assertError(post("send-request", "{\"route\": \"NoSuchRoute\", \"body\": \"{}\"}"), 404, "No node NoSuchRoute");
        assertError(post("no-such-action", "{}"), 404, "No action no-such-action");
    }

    @Test
    void aMalformedActionAnswers400NamingWhatWasWrong() throws Exception {
        assertError(post("publish", "{not json"), 400, "not JSON");
        assertError(post("publish", "[1, 2]"), 400, "expected a JSON object");
        assertError(
                post("send-request", "{\"route\": \"CustomerAccountingFunctionFA09DB28\"}"),
                400,
                "is a function, not a route");
        assertError(
                post(
                        "plan-fault",
                        "{\"node\": \"CustomerAccountingFunctionFA09DB28\", \"service\": \"DynamoDB\","
                                + " \"operation\": \"PutItems\", \"nth\": 1}"),
                400,
                "PutItems");
        assertError(
                post(
                        "plan-fault",
                        "{\"node\": \"CustomerAccountingFunctionFA09DB28\", \"service\": \"EC2\","
                                + " \"operation\": \"RunInstances\", \"nth\": 1}"),
                400,
                "service is EC2");
        assertError(
                post(
                        "plan-fault",
                        "{\"node\": \"CustomerAccountingFunctionFA09DB28\", \"service\": \"SNS\","
                                + " \"operation\": \"Publish\", \"nth\": 0}"),
                400,
                "nth is 0");
        assertError(
                post("start-execution", "{\"stateMachine\": \"CustomerAccountingFunctionFA09DB28\", \"input\": {}}"),
                400,
                "is a function, not a statemachine");
        assertError(post("redrive", "{\"queue\": \"" + ROUTE + "\"}"), 400, "is a route, not a queue");
    }

    @Test
    void aBadRequestBodyGetsTheApisOwn400() throws Exception {
        HttpResponse<String> direct = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(lab.output("UnicornManagementServiceApiSubmitRideCompletionEndpoint")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(INVALID_RIDE))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> viaConsole = post(
                "send-request",
                JSON.createObjectNode()
                        .put("route", ROUTE)
                        .put("body", INVALID_RIDE)
                        .toString());
        assertEquals(200, viaConsole.statusCode(), viaConsole.body());
        JsonNode answer = JSON.readTree(viaConsole.body());
        assertEquals(400, answer.get("status").asInt());
        assertEquals(direct.statusCode(), answer.get("status").asInt());
        assertEquals(direct.body(), answer.get("body").asText());
    }

    @Test
    void anotherSitesPageOrHostNameCannotActOnTheLab() throws Exception {
        HttpResponse<String> fromElsewhere = HTTP.send(
                HttpRequest.newBuilder(console.baseUrl().resolve("api/labs/" + STACK + "/actions/plan-fault"))
                        .header("Content-Type", "application/json")
                        .header("Origin", "http://attacker.example")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"node\": \"CustomerAccountingFunctionFA09DB28\","
                                + " \"service\": \"SNS\", \"operation\": \"Publish\", \"nth\": 1}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(fromElsewhere, 400, "Origin http://attacker.example");
        // A form post of another site (no preflight) is text/plain: refused too.
        HttpResponse<String> formPost = HTTP.send(
                HttpRequest.newBuilder(console.baseUrl().resolve("api/labs/" + STACK + "/actions/redrive"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(formPost, 400, "expected application/json");
        // DNS rebinding: a page of attacker.example resolved to 127.0.0.1 still names its own host.
        try (Socket socket = new Socket("127.0.0.1", console.baseUrl().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/labs/" + STACK + "/topology HTTP/1.1\r\nHost: attacker.example:"
                            + console.baseUrl().getPort() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("is not this console"), answer);
        }
    }

    @Test
    void aMessagePublishedFromTheConsoleIsDeliveredOrFilteredOutByEachSubscriptionsPolicy() throws Exception {
        String extraordinary = "ExtraordinaryRidesSubscription689B6D9F";
        String ride = "{\\\"from\\\": \\\"Berlin\\\", \\\"to\\\": \\\"Frankfurt\\\"}";
        HttpResponse<String> big = post(
                "publish",
                "{\"topic\": \"RideCompletionTopicD66583BD\", \"message\": \"" + ride
                        + "\", \"attributes\": {\"fare\": 256.5, \"distance\": 600}}");
        assertEquals(200, big.statusCode(), big.body());
        assertTrue(JSON.readTree(big.body()).path("messageId").asText().length() > 0, big.body());
        awaitCounter(extraordinary, "delivered", 1);
        awaitCounter("ExtraordinaryRidesFunctionAD498A44", "invocations", 1);

        HttpResponse<String> small = post(
                "publish",
                "{\"topic\": \"RideCompletionTopicD66583BD\", \"message\": \"" + ride
                        + "\", \"attributes\": {\"fare\": 12, \"distance\": 3}}");
        assertEquals(200, small.statusCode(), small.body());
        awaitCounter(extraordinary, "filteredOut", 1);
        awaitCounter("CustomerNotificationSubscriptionE6D25841", "delivered", 2);
        assertError(
                post(
                        "publish",
                        "{\"topic\": \"RideCompletionTopicD66583BD\", \"message\": \"x\","
                                + " \"attributes\": {\"fare\": [1]}}"),
                400,
                "attributes.fare is ARRAY");
    }

    @Test
    void theCountsAreWhatTheSnsEngineDeliveredEvenWhenItsFilterIsNotTheTemplates() throws Exception {
        // The engine's filter made wrong behind the template's back: it now lets the small rides through.
        String extraordinary = "ExtraordinaryRidesSubscription689B6D9F";
        String subscriptionArn =
                lab.resolve(JSON.createObjectNode().put("Ref", extraordinary)).asText();
        var sns = LocalEngines.get().sns();
        String templatePolicy = sns.getSubscriptionAttributes(get -> get.subscriptionArn(subscriptionArn))
                .attributes()
                .get("FilterPolicy");
        long delivered =
                labConsole.counters().path(extraordinary).path("delivered").asLong();
        long filteredOut =
                labConsole.counters().path(extraordinary).path("filteredOut").asLong();
        sns.setSubscriptionAttributes(set -> set.subscriptionArn(subscriptionArn)
                .attributeName("FilterPolicy")
                .attributeValue("{\"fare\": [{\"numeric\": [\"<\", 100]}]}"));
        try {
            HttpResponse<String> small = post(
                    "publish",
                    "{\"topic\": \"RideCompletionTopicD66583BD\", \"message\": \"{}\","
                            + " \"attributes\": {\"fare\": 12, \"distance\": 3}}");
            assertEquals(200, small.statusCode(), small.body());
            awaitCounter(extraordinary, "delivered", delivered + 1);
            assertEquals(
                    filteredOut,
                    labConsole
                            .counters()
                            .path(extraordinary)
                            .path("filteredOut")
                            .asLong());
        } finally {
            sns.setSubscriptionAttributes(set -> set.subscriptionArn(subscriptionArn)
                    .attributeName("FilterPolicy")
                    .attributeValue(templatePolicy));
        }
    }

    private static void awaitCounter(String id, String counter, long atLeast) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (labConsole.counters().path(id).path(counter).asLong() < atLeast) {
            assertTrue(
                    System.currentTimeMillis() < deadline,
                    id + " " + counter + " >= " + atLeast + ": " + labConsole.counters());
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(console.baseUrl().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String action, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(console.baseUrl().resolve("api/labs/" + STACK + "/actions/" + action))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, String expected) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/json",
                response.headers().firstValue("Content-Type").orElse(""));
        JsonNode error = JSON.readTree(response.body());
        assertTrue(error.path("error").asText().contains(expected), response.body());
    }
}
