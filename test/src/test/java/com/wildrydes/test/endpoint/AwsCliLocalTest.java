package com.wildrydes.test.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.test.engines.LocalEngines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The AWS CLI itself, where the machine has it, with nothing but the local command's pasted lines
 * in its environment ({@code AWS_ENDPOINT_URL}, dummy credentials, the region): the workshop's
 * {@code describe-stacks} query as printed, a log check, and AWS's error for an unknown stack.
 * Where there is no {@code aws} on the PATH the test is reported skipped, saying so.
 */
@ExtendWith({LocalEngines.class, LocalWorkshop.class})
class AwsCliLocalTest {

    private record Run(int exit, String out, String err) {}

    @Test
    void theWorkshopsCommandsWorkAsPrintedWithOnlyTheEndpointAndDummyCredentialsSet() throws Exception {
        Path aws = awsCli();
        Assumptions.assumeTrue(aws != null, "skipped: no `aws` (AWS CLI) on the PATH of this machine");

        Run url = aws(
                aws,
                "cloudformation",
                "describe-stacks",
                "--stack-name",
                "wild-rydes-async-msg-1",
                "--query",
                "Stacks[0].Outputs[?OutputKey=='UnicornManagementServiceApiSubmitRideCompletionEndpoint'].OutputValue",
                "--output",
                "text");
        assertEquals(0, url.exit(), url.err());
        assertTrue(url.out().strip().matches("http://127\\.0\\.0\\.1:\\d+/prod/submit-ride-completion"), url.out());

        Run query = aws(
                aws,
                "cloudformation",
                "describe-stacks",
                "--stack-name",
                "wild-rydes-async-msg-3",
                "--query",
                "Stacks[0].Outputs[?OutputKey=='RideBookingApiQueryInstantRideRfqEndpoint'].OutputValue",
                "--output",
                "text");
        assertEquals(0, query.exit(), query.err());
        assertTrue(query.out().strip().endsWith("/query-instant-ride-rfq/{id}"), query.out());

        Run groups = aws(
                aws,
                "logs",
                "describe-log-groups",
                "--log-group-name-prefix",
                "/aws/lambda/wild-rydes-async-msg-1-",
                "--query",
                "logGroups[].logGroupName",
                "--output",
                "text");
        assertEquals(0, groups.exit(), groups.err());
        assertTrue(
                groups.out().contains("/aws/lambda/wild-rydes-async-msg-1-CustomerAccountingFunction"), groups.out());

        Run filtered = aws(
                aws,
                "logs",
                "filter-log-events",
                "--log-group-name",
                "/aws/lambda/wild-rydes-async-msg-1-CustomerAccountingFunction",
                "--filter-pattern",
                "{ $.outcome = \"processed\" }");
        assertEquals(0, filtered.exit(), filtered.err());

        Run missing = aws(aws, "cloudformation", "describe-stacks", "--stack-name", "wild-rydes-async-msg-9");
        assertEquals(255, missing.exit(), missing.out());
        assertTrue(
                missing.err()
                        .contains("An error occurred (ValidationError) when calling the DescribeStacks operation:"
                                + " Stack with id wild-rydes-async-msg-9 does not exist"),
                missing.err());
    }

    private static Path awsCli() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(folder, "aws");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Run aws(Path aws, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(aws.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        // Only what the local command tells a learner to paste: no profile, no config file, no other endpoint.
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        Path empty = Files.createTempDirectory("no-aws-config");
        environment.put("AWS_CONFIG_FILE", empty.resolve("config").toString());
        environment.put(
                "AWS_SHARED_CREDENTIALS_FILE", empty.resolve("credentials").toString());
        environment.put("AWS_ENDPOINT_URL", LocalWorkshop.endpoint().toString());
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_DEFAULT_REGION", "us-east-1");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "aws " + List.of(arguments) + " did not end");
        return new Run(
                process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
