package com.wildrydes.test.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.iam.Denial;
import com.wildrydes.local.iam.IamReport;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.support.SynthesizedApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The IAM check can fail: lab 1's synthesized template with one needed identity statement (the
 * submit function's {@code sns:Publish}), one resource-policy permission (the Lambda permission
 * that lets SNS invoke the accounting alias), one queue-policy statement (SNS sending to the
 * notification subscription's dead-letter queue) and one key-policy grant (the ride-completion
 * key's delegation to the account's IAM) deleted, run locally with one ride: the run's report
 * names each denied call, and checking it fails with the principal, action, resource and the
 * policy that lacks the grant.
 */
@ExtendWith(LocalEngines.class)
class IamDenialProofLocalTest {

    private static final String STACK = "wild-rydes-async-msg-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalLab lab;

    @BeforeAll
    static void start() throws IOException {
        Path cdkOut = mutatedAssembly();
        lab = LocalLab.start(
                cdkOut,
                STACK,
                LocalEngines.get(),
                LocalSettings.fromSystemProperties()
                        .withNamePrefix("iam-proof-")
                        .withEnvironment("CustomerAccountingFunctionFA09DB28", "FAILURE_RATE", "0")
                        .withEnvironment("CustomerNotificationFunctionD73BCFC3", "FAILURE_RATE", "0")
                        .withEnvironment("ExtraordinaryRidesFunctionAD498A44", "FAILURE_RATE", "0"));
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aRunNeedingTheDeletedGrantsFailsNamingEachDeniedCall() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        lab.output("UnicornManagementServiceApiSubmitRideCompletionEndpoint")))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": 256.50}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        // Local engines do not enforce IAM: the ride goes through, the check tells what AWS would refuse.
        assertEquals(201, created.statusCode(), created.body());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (lab.functionByLogicalId("CustomerAccountingFunctionFA09DB28").invocationCount() < 1
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        IamReport report = lab.iamReport();
        Set<String> denied = report.denials().stream()
                .map(d -> d.call().principal().replaceAll("/[^/]*$", "") + " "
                        + d.call().action() + " "
                        + d.call().resource().substring(d.call().resource().lastIndexOf(':') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        String submitRole = "arn:aws:sts::000000000000:assumed-role/iam-proof-" + STACK
                + "-UnicornManagementServiceSubmitRideCompletionFunctionServiceRole19DBA06E";
        assertEquals(
                new TreeSet<>(Set.of(
                        submitRole + " sns:Publish iam-proof-" + STACK + "-RideCompletionTopicD66583BD",
                        submitRole + " kms:GenerateDataKey key/iam-proof-" + STACK + "-RideCompletionTopicKeyE899429F",
                        submitRole + " kms:Decrypt key/iam-proof-" + STACK + "-RideCompletionTopicKeyE899429F",
                        "sns.amazonaws.com lambda:InvokeFunction live",
                        "sns.amazonaws.com sqs:SendMessage iam-proof-" + STACK
                                + "-CustomerNotificationSubscriptionDeadLetterQueueF4B4068A")),
                denied,
                report.denials().stream().map(Denial::toString).collect(Collectors.joining("\n")));

        IamReport.IamDeniedException failure =
                assertThrows(IamReport.IamDeniedException.class, report::assertNoDenials);
        String message = failure.getMessage();
        for (String expected : new String[] {
            // which policy lacks what, for each kind of deletion
            "no identity policy of role arn:aws:iam::000000000000:role/iam-proof-" + STACK
                    + "-UnicornManagementServiceSubmitRideCompletionFunctionServiceRole19DBA06E",
            "allows sns:Publish on arn:aws:sns:",
            "the key policy of AWS::KMS::Key RideCompletionTopicKeyE899429F neither allows",
            "no resource policy on arn:aws:lambda:us-east-1:000000000000:function:iam-proof-" + STACK
                    + "-CustomerAccountingFunctionFA09DB28:live (no Lambda permission, queue, topic or key policy) allows"
                    + " sns.amazonaws.com to lambda:InvokeFunction",
            "AWS::SQS::QueuePolicy CustomerNotificationSubscriptionDeadLetterQueuePolicyCD96D2BD has no statement allowing sns.amazonaws.com to sqs:SendMessage",
        }) {
            assertTrue(message.contains(expected), "expected «" + expected + "» in:\n" + message);
        }
    }

    /** cdk.out with lab 1's template minus the four grants; the rest (assets, manifests) shared. */
    private static Path mutatedAssembly() throws IOException {
        Path original = SynthesizedApp.cloudAssembly();
        Path copy = Files.createTempDirectory("iam-proof-cdk-out");
        try (Stream<Path> entries = Files.list(original)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Files.createSymbolicLink(copy.resolve(entry.getFileName()), entry);
            }
        }
        String templateFile = JSON.readTree(original.resolve("manifest.json").toFile())
                .path("artifacts")
                .path(STACK)
                .path("properties")
                .path("templateFile")
                .asText();
        ObjectNode template =
                (ObjectNode) JSON.readTree(original.resolve(templateFile).toFile());
        ObjectNode resources = (ObjectNode) template.get("Resources");
        // (a) an identity statement: the submit function's sns:Publish
        removeStatements(
                resources
                        .path("UnicornManagementServiceSubmitRideCompletionFunctionServiceRoleDefaultPolicy0F563982")
                        .path("Properties")
                        .path("PolicyDocument"),
                statement -> statement.path("Action").asText().equals("sns:Publish"));
        // (b) a resource-policy permission: SNS may invoke the accounting function's alias
        int before = resources.size();
        for (Iterator<String> ids = resources.fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            if (id.startsWith("CustomerAccountingFunctionLiveAliasAllowInvokeFrom")) {
                ids.remove();
            }
        }
        assertEquals(before - 1, resources.size(), "the one Lambda permission of the accounting subscription");
        // (c) a queue-policy statement: SNS may send to the notification subscription's dead-letter queue
        removeStatements(
                resources
                        .path("CustomerNotificationSubscriptionDeadLetterQueuePolicyCD96D2BD")
                        .path("Properties")
                        .path("PolicyDocument"),
                statement ->
                        statement.path("Principal").path("Service").asText().equals("sns.amazonaws.com"));
        // (d) a key-policy grant: the ride-completion key's delegation to the account's IAM policies
        removeStatements(
                resources
                        .path("RideCompletionTopicKeyE899429F")
                        .path("Properties")
                        .path("KeyPolicy"),
                statement -> statement.path("Principal").has("AWS"));
        Files.delete(copy.resolve(templateFile));
        Files.writeString(copy.resolve(templateFile), JSON.writeValueAsString(template));
        return copy;
    }

    private static void removeStatements(JsonNode document, java.util.function.Predicate<JsonNode> which) {
        ArrayNode statements = (ArrayNode) document.get("Statement");
        int before = statements.size();
        for (int i = statements.size() - 1; i >= 0; i--) {
            if (which.test(statements.get(i))) {
                statements.remove(i);
            }
        }
        assertEquals(before - 1, statements.size(), "one statement deleted from " + document);
    }
}
