package com.wildrydes.test.endpoint;

import static com.wildrydes.test.endpoint.LocalWorkshop.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.test.engines.LocalEngines;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/**
 * Bad requests to the local endpoint get what AWS gives: each service's own error code and HTTP
 * status, parsed by the SDK into the service's own exception; an operation or service not served
 * gets an error naming it and listing what is served, never a hang or a stack trace.
 */
@ExtendWith({LocalEngines.class, LocalWorkshop.class})
class EndpointErrorsLocalTest {

    private final CloudFormationClient cloudFormation = client(CloudFormationClient.builder());
    private final LambdaClient lambda = client(LambdaClient.builder());
    private final CloudWatchLogsClient logs = client(CloudWatchLogsClient.builder());
    private final SfnClient stepFunctions = client(SfnClient.builder());

    @Test
    void anUnknownStackIsCloudFormationsValidationError() {
        AwsServiceException error = assertThrows(
                AwsServiceException.class,
                () -> cloudFormation.describeStacks(request -> request.stackName("wild-rydes-async-msg-9")));
        assertEquals(400, error.statusCode());
        assertEquals("ValidationError", error.awsErrorDetails().errorCode());
        assertEquals(
                "Stack with id wild-rydes-async-msg-9 does not exist",
                error.awsErrorDetails().errorMessage());
        assertEquals(
                "ValidationError",
                assertThrows(
                                AwsServiceException.class,
                                () -> cloudFormation.listStackResources(request -> request.stackName("nope")))
                        .awsErrorDetails()
                        .errorCode());
    }

    @Test
    void anUnknownFunctionOrAliasIsLambdasResourceNotFoundWith404() {
        software.amazon.awssdk.services.lambda.model.ResourceNotFoundException function = assertThrows(
                software.amazon.awssdk.services.lambda.model.ResourceNotFoundException.class,
                () -> lambda.invoke(request -> request.functionName("no-such-function")));
        assertEquals(404, function.statusCode());
        assertEquals(
                "Function not found: arn:aws:lambda:us-east-1:000000000000:function:no-such-function",
                function.awsErrorDetails().errorMessage());
        String name = lambda.listFunctions().functions().get(0).functionName();
        assertEquals(
                404,
                assertThrows(
                                software.amazon.awssdk.services.lambda.model.ResourceNotFoundException.class,
                                () -> lambda.getAlias(
                                        request -> request.functionName(name).name("prod")))
                        .statusCode());
        assertEquals(
                404,
                assertThrows(
                                software.amazon.awssdk.services.lambda.model.ResourceNotFoundException.class,
                                () -> lambda.invoke(request -> request.functionName(name + ":prod")))
                        .statusCode());
        AwsServiceException notJson = assertThrows(
                AwsServiceException.class,
                () -> lambda.invoke(
                        request -> request.functionName(name).payload(SdkBytes.fromUtf8String("{not json"))));
        assertEquals(400, notJson.statusCode());
        assertEquals("InvalidRequestContentException", notJson.awsErrorDetails().errorCode());
    }

    @Test
    void anUnknownLogGroupOrStreamIsResourceNotFound() {
        ResourceNotFoundException group = assertThrows(
                ResourceNotFoundException.class,
                () -> logs.filterLogEvents(request -> request.logGroupName("/aws/lambda/nothing-here")));
        assertEquals(400, group.statusCode());
        assertEquals(
                "The specified log group does not exist.",
                group.awsErrorDetails().errorMessage());
        String existing = logs.describeLogGroups().logGroups().get(0).logGroupName();
        assertEquals(
                "The specified log stream does not exist.",
                assertThrows(
                                ResourceNotFoundException.class,
                                () -> logs.getLogEvents(request ->
                                        request.logGroupName(existing).logStreamName("nope")))
                        .awsErrorDetails()
                        .errorMessage());
    }

    @Test
    void anUnknownExecutionOrStateMachineIsStepFunctionsOwnError() {
        String machine = "arn:aws:states:us-east-1:000000000000:stateMachine:nope";
        assertEquals(
                400,
                assertThrows(
                                StateMachineDoesNotExistException.class,
                                () -> stepFunctions.startExecution(request -> request.stateMachineArn(machine)))
                        .statusCode());
        assertThrows(
                ExecutionDoesNotExistException.class,
                () -> stepFunctions.describeExecution(
                        request -> request.executionArn("arn:aws:states:us-east-1:000000000000:execution:nope:1")));
        assertThrows(
                ExecutionDoesNotExistException.class,
                () -> stepFunctions.getExecutionHistory(
                        request -> request.executionArn("arn:aws:states:us-east-1:000000000000:execution:nope:1")));
    }

    @Test
    void anOperationNotServedIsNamedWithTheOnesThatAre() {
        AwsServiceException error = assertThrows(
                AwsServiceException.class,
                () -> cloudFormation.deleteStack(request -> request.stackName("wild-rydes-async-msg-1")));
        assertEquals(400, error.statusCode());
        assertEquals("UnsupportedOperation", error.awsErrorDetails().errorCode());
        assertTrue(error.awsErrorDetails().errorMessage().contains("DeleteStack"), error.getMessage());
        assertTrue(error.awsErrorDetails().errorMessage().contains("DescribeStacks"), error.getMessage());
        AwsServiceException logsError = assertThrows(
                AwsServiceException.class, () -> logs.createLogGroup(request -> request.logGroupName("mine")));
        assertTrue(logsError.awsErrorDetails().errorMessage().contains("CreateLogGroup"), logsError.getMessage());
        assertTrue(logsError.awsErrorDetails().errorMessage().contains("FilterLogEvents"), logsError.getMessage());
    }

    @Test
    void aServiceNotServedIsNamedWithTheServicesThatAre() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(LocalWorkshop.endpoint() + "/"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header(
                                        "Authorization",
                                        "AWS4-HMAC-SHA256 Credential=local/20261203/us-east-1/ec2/aws4_request,"
                                                + " SignedHeaders=host, Signature=0")
                                .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeInstances"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("<Code>UnknownService</Code>"), answer.body());
        assertTrue(answer.body().contains("'ec2'"), answer.body());
        for (String served : new String[] {"cloudformation", "lambda", "logs", "states", "sqs", "sns", "dynamodb"}) {
            assertTrue(answer.body().contains(served), served + " is not listed: " + answer.body());
        }
    }
}
