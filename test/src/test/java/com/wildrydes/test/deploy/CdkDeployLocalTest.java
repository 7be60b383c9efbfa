package com.wildrydes.test.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.local.LocalLab;
import com.wildrydes.local.RepositoryRoot;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.support.IamProof;
import com.wildrydes.test.support.SynthesizedApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The four labs deployed by the unchanged, pinned CDK CLI into local mode through its endpoint,
 * with docs/deploy-local.md's commands: {@code cdk bootstrap}, {@code cdk deploy --all}, a request
 * through each lab's printed outputs, a redeploy of all four with no change, a redeploy after a function's code
 * changed (only that function updated, and it runs the new jar), the IAM proof of the deployed
 * lab, and {@code cdk destroy}. The CLI is given the test run's synthesized assembly with
 * {@code --app}: everything after synthesis is the CLI's own deploy path.
 */
@ExtendWith(LocalEngines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CdkDeployLocalTest {

    static final String BOOTSTRAP = "npx cdk bootstrap";
    static final String DEPLOY_ALL = "npx cdk deploy --all --require-approval never";
    static final String DEPLOY = "npx cdk deploy wild-rydes-async-msg-N --require-approval never";
    static final String DESTROY = "npx cdk destroy wild-rydes-async-msg-N --force";
    private static final String PREFIX = "deployed-";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalDeployTarget target;
    private Path assembly;
    private CdkCli.Result deployedAll;
    private CdkCli.Result deployedAllAgain;

    @BeforeAll
    void bootstrapThenDeployEveryLab() {
        assembly = SynthesizedApp.cloudAssembly();
        target = new LocalDeployTarget(PREFIX);
        CdkCli.Result bootstrap = run(BOOTSTRAP, "--app", assembly.toString()).assertSucceeded();
        assertTrue(
                bootstrap.output().contains("Environment aws://000000000000/us-east-1 bootstrapped."),
                bootstrap.output());
        deployedAll = run(DEPLOY_ALL, "--app", assembly.toString()).assertSucceeded();
        // The redeploy with no change, of the four labs in one run (one start of the CLI, not four):
        // each lab's "(no changes)" is checked by its own test below.
        deployedAllAgain = run(DEPLOY_ALL, "--app", assembly.toString()).assertSucceeded();
    }

    @AfterAll
    void stop() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    @Order(1)
    void docsShowTheCommandsThisTestRuns() throws Exception {
        String docs = Files.readString(RepositoryRoot.path().resolve("docs/deploy-local.md"));
        // The command that starts the account is DeployCommandTest's; the endpoint line is what it prints for 4566.
        for (String command : List.of(
                "mvn -q -pl local compile exec:java@deploy",
                "export AWS_ENDPOINT_URL=http://127.0.0.1:4566",
                BOOTSTRAP,
                DEPLOY_ALL,
                DEPLOY.replace("-N", "-1"),
                DESTROY.replace("-N", "-1"))) {
            assertTrue(docs.contains(command), "docs/deploy-local.md shows `" + command + "`");
        }
    }

    @ParameterizedTest(name = "lab {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    @Order(2)
    void labAnswersThroughItsPrintedOutputsRedeploysChangedCodeOnlyAndIsDestroyed(int lab) throws Exception {
        String stack = "wild-rydes-async-msg-" + lab;
        assertTrue(deployedAll.output().contains("✅  " + stack), deployedAll.output());
        request(lab, stack, deployedAll.outputs(stack));

        assertTrue(deployedAllAgain.output().contains(stack + " (no changes)"), deployedAllAgain.output());

        String[] changed = new String[2];
        Path changedAssembly = Assemblies.withChangedFunctionCode(assembly, stack, changed);
        CdkCli.Result update = run(DEPLOY.replace("-N", "-" + lab), "--app", changedAssembly.toString())
                .assertSucceeded();
        List<String> updated = resourceLines(update.output(), "UPDATE_COMPLETE");
        assertEquals(1, updated.size(), "only the changed function is updated: " + update.output());
        assertTrue(
                updated.get(0).contains("AWS::Lambda::Function")
                        && updated.get(0).contains("(" + changed[0] + ")"),
                updated.toString());
        LocalLab deployed = target.account.cloudFormation().lab(stack);
        assertNotNull(deployed, stack + " runs after its update");
        assertEquals(
                changed[1],
                Assemblies.sha256(Files.readAllBytes(
                        deployed.functionByLogicalId(changed[0]).code())),
                "the function runs the new jar");
        request(lab, stack, update.outputs(stack));
        IamProof.verify(stack, deployed);

        CdkCli.Result destroy = run(DESTROY.replace("-N", "-" + lab), "--app", changedAssembly.toString())
                .assertSucceeded();
        assertTrue(destroy.output().contains(stack + ": destroyed"), destroy.output());
        assertNull(target.account.cloudFormation().lab(stack), "nothing of " + stack + " runs");
        String engineSide = PREFIX + stack + "-";
        assertEquals(
                List.of(),
                LocalEngines.get().dynamoDb().listTables().tableNames().stream()
                        .filter(name -> name.startsWith(engineSide))
                        .toList());
        assertEquals(
                List.of(),
                LocalEngines.get()
                        .sqs()
                        .listQueues(list -> list.queueNamePrefix(engineSide))
                        .queueUrls());
        assertEquals(
                List.of(),
                LocalEngines.get().sns().listTopics().topics().stream()
                        .filter(topic -> topic.topicArn().contains(":" + engineSide))
                        .toList());
    }

    /** One request through the outputs the CLI printed, answered as the lab answers it. */
    private void request(int lab, String stack, Map<String, String> outputs) throws Exception {
        switch (lab) {
            case 1, 2 -> {
                String url = outputs.get("UnicornManagementServiceApiSubmitRideCompletionEndpoint");
                assertNotNull(url, "the submit endpoint among the printed outputs: " + outputs);
                HttpResponse<String> response = post(
                        url,
                        "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420,"
                                + " \"distance\": 600, \"customer\": \"cmr\", \"fare\": 256.50}");
                assertEquals(201, response.statusCode(), response.body());
            }
            case 3 -> {
                String url = outputs.get("RideBookingApiSubmitInstantRideRfqEndpoint");
                assertNotNull(url, "the RFQ endpoint among the printed outputs: " + outputs);
                HttpResponse<String> response =
                        post(url, "{\"from\": \"Frankfurt\", \"to\": \"Las Vegas\", \"customer\": \"cmr\"}");
                assertEquals(2, response.statusCode() / 100, response.body());
                String query = outputs.get("RideBookingApiQueryInstantRideRfqEndpoint");
                String id = JSON.readTree(response.body()).path("rfq-id").asText();
                HttpResponse<String> status = HTTP.send(
                        HttpRequest.newBuilder(URI.create(query.substring(0, query.indexOf('{')) + id))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, status.statusCode(), status.body());
            }
            default -> {
                String arn = outputs.get("CompleteStateMachineArn");
                assertNotNull(arn, "the state machine among the printed outputs: " + outputs);
                String fare = JSON.writeValueAsString(Map.of(
                        "customerId",
                        "3",
                        "fareId",
                        "deploy-" + System.nanoTime(),
                        "fareAmount",
                        "$20.00",
                        "cc",
                        "2424 2424 2424 2424",
                        "expiryDate",
                        "12/22",
                        "cvv",
                        "111"));
                assertEquals(
                        "SUCCEEDED",
                        target.account
                                .cloudFormation()
                                .lab(stack)
                                .startExecution(arn, fare)
                                .status());
            }
        }
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The CLI's progress lines of resources (not the stack itself) that reached {@code status}. */
    static List<String> resourceLines(String output, String status) {
        Pattern line = Pattern.compile("\\|\\s*" + status + "\\s*\\|\\s*AWS::(?!CloudFormation::Stack)");
        List<String> lines = new ArrayList<>();
        for (String printed : output.split("\n")) {
            if (line.matcher(printed).find()) {
                lines.add(printed);
            }
        }
        return lines;
    }

    private CdkCli.Result run(String documented, String... more) {
        List<String> arguments =
                new ArrayList<>(List.of(documented.replaceFirst("^npx cdk ", "").split(" ")));
        arguments.addAll(List.of(more));
        return target.cli.run(arguments);
    }
}
