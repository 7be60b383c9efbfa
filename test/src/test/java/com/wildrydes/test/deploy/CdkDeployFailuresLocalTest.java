package com.wildrydes.test.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.support.SynthesizedApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the CDK CLI shows when a deploy into local mode goes wrong, and what is left afterwards: a
 * resource that fails to create rolls the stack back (its event names the resource and the reason,
 * nothing of the stack stays in the engines); a resource type local mode does not emulate fails the
 * change set naming type and logical ID; an environment never bootstrapped gets the CLI's own
 * message; {@code cdk destroy} keeps what the template retains.
 */
@ExtendWith(LocalEngines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CdkDeployFailuresLocalTest {

    private static final String PREFIX = "failing-";
    private static final String TABLE = "{\"Type\": \"AWS::DynamoDB::Table\", %s\"Properties\": {\"KeySchema\":"
            + " [{\"AttributeName\": \"%s\", \"KeyType\": \"HASH\"}], \"AttributeDefinitions\":"
            + " [{\"AttributeName\": \"id\", \"AttributeType\": \"S\"}], \"BillingMode\": \"PAY_PER_REQUEST\"}}";

    private LocalDeployTarget target;

    @BeforeAll
    void bootstrap() {
        target = new LocalDeployTarget(PREFIX);
        target.cli
                .run(List.of(
                        "bootstrap", "--app", SynthesizedApp.cloudAssembly().toString()))
                .assertSucceeded();
    }

    @AfterAll
    void stop() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void aResourceThatFailsToCreateRollsTheStackBackNamingItAndLeavesNothingRunning() {
        String stack = "wild-rydes-rollback";
        // The second table's key is not among its attribute definitions: DynamoDB refuses it, as in AWS.
        Path assembly = Assemblies.ofTemplate(
                SynthesizedApp.cloudAssembly(),
                stack,
                "{\"Resources\": {"
                        + "\"RidesTable\": " + TABLE.formatted("", "id") + ", "
                        + "\"BrokenTable\": " + TABLE.formatted("", "rideId") + "}}");

        CdkCli.Result deploy = deploy(stack, assembly);

        assertNotEquals(0, deploy.exitCode(), deploy.output());
        // Its progress line and the "Failed resources" summary below it: each names the table and DynamoDB's reason.
        List<String> failed = CdkDeployLocalTest.resourceLines(deploy.output(), "CREATE_FAILED");
        assertFalse(failed.isEmpty(), deploy.output());
        for (String line : failed) {
            assertTrue(line.contains("AWS::DynamoDB::Table") && line.contains("BrokenTable"), line);
            assertTrue(line.contains("Some index key attributes are not defined in AttributeDefinitions"), line);
        }
        assertTrue(deploy.output().contains("ROLLBACK_COMPLETE"), deploy.output());
        assertEquals(
                List.of(),
                LocalEngines.get().dynamoDb().listTables().tableNames().stream()
                        .filter(name -> name.startsWith(PREFIX + stack + "-"))
                        .toList(),
                "the table that was created is gone");
    }

    @Test
    void aResourceTypeLocalModeDoesNotEmulateFailsTheChangeSetNamingItsTypeAndLogicalId() {
        String stack = "wild-rydes-unsupported";
        Path assembly = Assemblies.ofTemplate(
                SynthesizedApp.cloudAssembly(),
                stack,
                "{\"Resources\": {"
                        + "\"RidesTable\": " + TABLE.formatted("", "id") + ", "
                        + "\"LabVpc\": {\"Type\": \"AWS::EC2::VPC\", \"Properties\": {\"CidrBlock\": \"10.0.0.0/16\"}}}}");

        CdkCli.Result deploy = deploy(stack, assembly);

        assertNotEquals(0, deploy.exitCode(), deploy.output());
        assertTrue(
                deploy.output().contains("Resource LabVpc has type AWS::EC2::VPC, which local mode does not emulate"),
                deploy.output());
        assertEquals(
                List.of(),
                LocalEngines.get().dynamoDb().listTables().tableNames().stream()
                        .filter(name -> name.startsWith(PREFIX + stack + "-"))
                        .toList(),
                "nothing was brought up");
    }

    @Test
    void destroyKeepsWhatTheTemplateRetainsAndRemovesTheRest() {
        String stack = "wild-rydes-retain";
        Path assembly = Assemblies.ofTemplate(
                SynthesizedApp.cloudAssembly(),
                stack,
                "{\"Resources\": {"
                        + "\"KeptTable\": " + TABLE.formatted("\"DeletionPolicy\": \"Retain\", ", "id") + ", "
                        + "\"GoneQueue\": {\"Type\": \"AWS::SQS::Queue\", \"DeletionPolicy\": \"Delete\"}}}");
        deploy(stack, assembly).assertSucceeded();
        String kept = PREFIX + stack + "-KeptTable";
        try {
            CdkCli.Result destroy = target.cli
                    .run(List.of("destroy", stack, "--app", assembly.toString(), "--force"))
                    .assertSucceeded();

            assertTrue(
                    CdkDeployLocalTest.resourceLines(destroy.output(), "DELETE_SKIPPED").stream()
                            .anyMatch(line -> line.contains("KeptTable")),
                    destroy.output());
            assertTrue(
                    LocalEngines.get().dynamoDb().listTables().tableNames().contains(kept), "the retained table stays");
            assertEquals(
                    List.of(),
                    LocalEngines.get()
                            .sqs()
                            .listQueues(list -> list.queueNamePrefix(PREFIX + stack))
                            .queueUrls(),
                    "the queue is gone");
        } finally {
            LocalEngines.get().dynamoDb().deleteTable(delete -> delete.tableName(kept));
        }
    }

    @Test
    void anEnvironmentNeverBootstrappedGetsTheCliOwnMessage() {
        try (LocalDeployTarget fresh = new LocalDeployTarget("unbootstrapped-")) {
            CdkCli.Result deploy = fresh.cli.run(List.of(
                    "deploy",
                    "wild-rydes-async-msg-1",
                    "--app",
                    SynthesizedApp.cloudAssembly().toString(),
                    "--require-approval",
                    "never"));

            assertNotEquals(0, deploy.exitCode(), deploy.output());
            assertTrue(deploy.output().contains("cdk bootstrap"), deploy.output());
            assertTrue(deploy.output().contains("bootstrapped"), deploy.output());
        }
    }

    private CdkCli.Result deploy(String stack, Path assembly) {
        return target.cli.run(List.of("deploy", stack, "--app", assembly.toString(), "--require-approval", "never"));
    }
}
