package com.wildrydes.test.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.wildrydes.test.engines.LocalEngines;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * A local stack operation that ends within the local account's answer wait is over when
 * ExecuteChangeSet or DeleteStack answers: the first DescribeStacks a client sends already shows the
 * stable status, so a client that sleeps between polls (the CDK CLI sleeps 5 s) does not sleep.
 */
@ExtendWith(LocalEngines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StackOperationAnswerTest {

    private static final String STACK = "wild-rydes-answer";
    private static final String TEMPLATE = "{\"Resources\": {\"Queue\": {\"Type\": \"AWS::SQS::Queue\"}}}";

    private LocalDeployTarget target;
    private CloudFormationClient cloudFormation;

    @BeforeAll
    void start() {
        target = new LocalDeployTarget("answer-");
        cloudFormation = CloudFormationClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + target.endpoint.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @AfterAll
    void stop() {
        cloudFormation.close();
        target.close();
    }

    @Test
    void theFirstDescribeAfterExecuteAndAfterDeleteShowsTheStableStatus() {
        String changeSet = cloudFormation
                .createChangeSet(create -> create.stackName(STACK)
                        .changeSetName("create")
                        .changeSetType(ChangeSetType.CREATE)
                        .templateBody(TEMPLATE))
                .id();
        cloudFormation.executeChangeSet(execute -> execute.changeSetName(changeSet));
        Stack created = cloudFormation
                .describeStacks(describe -> describe.stackName(STACK))
                .stacks()
                .get(0);
        assertEquals("CREATE_COMPLETE", created.stackStatusAsString());

        cloudFormation.deleteStack(delete -> delete.stackName(STACK));
        assertEquals(
                "DELETE_COMPLETE",
                cloudFormation
                        .describeStacks(describe -> describe.stackName(created.stackId()))
                        .stacks()
                        .get(0)
                        .stackStatusAsString());
    }
}
