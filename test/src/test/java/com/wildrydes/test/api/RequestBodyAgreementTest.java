package com.wildrydes.test.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.lambdas.rfq.RfqMessaging;
import com.wildrydes.lambdas.rfq.RfqStore;
import com.wildrydes.lambdas.rfq.SubmitRfqHandler;
import com.wildrydes.lambdas.rides.RidePublisher;
import com.wildrydes.lambdas.rides.RideStore;
import com.wildrydes.lambdas.rides.SubmitRideCompletionHandler;
import com.wildrydes.test.engines.EngineFixtures;
import com.wildrydes.test.engines.LocalEngines;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One set of rules for a valid body, enforced twice: the API's model (from the synthesized
 * template, checked by a draft-04 validator) and the real submit handler (against the local
 * engines) must accept exactly the same bodies of a shared corpus, and the handler must answer 400
 * naming the field for every invalid one, storing and publishing nothing. The only bodies on which
 * they may differ are listed in the corpus with the reason the schema cannot express the rule; for
 * those the test checks that the schema does accept them (so the list stays true) and the handler
 * refuses them.
 */
@ExtendWith(LocalEngines.class)
class RequestBodyAgreementTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void rideCompletionModelAndHandlerAgreeOnEveryBody() {
        EngineFixtures fixtures = new EngineFixtures(LocalEngines.get());
        String table = fixtures.createTable("id", null);
        String topic = fixtures.createTopic();
        String subscriber = fixtures.subscribeNewQueue(topic, null);
        SubmitRideCompletionHandler handler = new SubmitRideCompletionHandler(
                new RideStore(fixtures.dynamoDb(), table),
                new RidePublisher(fixtures.sns(), topic),
                () -> UUID.randomUUID().toString());

        BodyCorpus corpus = BodyCorpus.load("ride-completion.json");
        List<String> disagreements =
                compare(corpus, ModelValidator.fromTemplate("wild-rydes-async-msg-1", "RideCompletion"), handler);

        assertEquals(List.of(), disagreements);
        long valid = corpus.cases().stream().filter(BodyCorpus.Case::valid).count();
        assertEquals(valid, fixtures.itemCount(table), "one ride stored per valid body, none for an invalid one");
        assertEquals(
                valid,
                fixtures.await(subscriber, (int) valid + 1, Duration.ofSeconds(3))
                        .size(),
                "one message per valid body, none for an invalid one");
    }

    @Test
    void rfqRequestModelAndHandlerAgreeOnEveryBody() {
        EngineFixtures fixtures = new EngineFixtures(LocalEngines.get());
        String table = fixtures.createTable("id", "responder");
        String requestTopic = fixtures.createTopic();
        String responder = fixtures.subscribeNewQueue(requestTopic, null);
        String deadlineQueue = fixtures.createQueue(java.util.Map.of());
        SubmitRfqHandler handler = new SubmitRfqHandler(
                new RfqStore(fixtures.dynamoDb(), table, Clock.systemUTC()),
                new RfqMessaging(
                        fixtures.sns(), fixtures.sqs(), requestTopic, "https://reply.example", deadlineQueue, ""),
                10,
                Duration.ofMinutes(2),
                Clock.systemUTC(),
                () -> UUID.randomUUID().toString());

        BodyCorpus corpus = BodyCorpus.load("rfq-request.json");
        List<String> disagreements =
                compare(corpus, ModelValidator.fromTemplate("wild-rydes-async-msg-3", "RfqRequest"), handler);

        assertEquals(List.of(), disagreements);
        long valid = corpus.cases().stream().filter(BodyCorpus.Case::valid).count();
        assertEquals(valid, fixtures.itemCount(table), "one request stored per valid body");
        assertEquals(
                valid,
                fixtures.await(responder, (int) valid + 1, Duration.ofSeconds(3))
                        .size(),
                "one request sent to the responders per valid body");
    }

    private List<String> compare(
            BodyCorpus corpus,
            ModelValidator model,
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
        List<String> disagreements = new ArrayList<>();
        for (BodyCorpus.Case body : corpus.cases()) {
            Set<String> schemaErrors = model.errors(body.body());
            boolean schemaAccepts = schemaErrors.isEmpty();
            boolean schemaShouldAccept = body.valid() || body.schemaCannot() != null;
            if (schemaAccepts != schemaShouldAccept) {
                disagreements.add(
                        body.name() + ": the schema " + (schemaAccepts ? "accepts it" : "refuses it: " + schemaErrors));
            }
            String handlerAnswer = answer(handler, body.body());
            String expected = body.valid() ? "201" : "400 " + body.field();
            if (!handlerAnswer.startsWith(expected + " ") && !handlerAnswer.equals(expected)) {
                disagreements.add(body.name() + ": the handler answers " + handlerAnswer + ", expected " + expected);
            }
        }
        return disagreements;
    }

    /** "201", "400 field: problem", or what else the handler did. */
    private String answer(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler, String body) {
        APIGatewayProxyResponseEvent response;
        try {
            response = handler.handleRequest(
                    new APIGatewayProxyRequestEvent().withHttpMethod("POST").withBody(body), null);
        } catch (Throwable uncaught) { // the Lambda runtime would report it, and API Gateway answer 502
            return "nothing: it threw " + uncaught;
        }
        if (response.getStatusCode() != 400) {
            return String.valueOf(response.getStatusCode());
        }
        try {
            JsonNode error = json.readTree(response.getBody());
            return "400 " + error.path("field").asText("(no field)") + " "
                    + error.path("error").asText("(no error)");
        } catch (Exception e) {
            return "400 with a body that is not JSON: " + response.getBody();
        }
    }
}
