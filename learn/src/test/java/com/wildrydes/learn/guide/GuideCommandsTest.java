package com.wildrydes.learn.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.local.RepositoryRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every command of the step guides' {@code bash} blocks, run as a learner runs it from the
 * repository root on the start states (the build step skipped with LEARN_CHECK_BUILT=1: this
 * build has just compiled the tree), and the check's answers to a wrong command.
 */
class GuideCommandsTest {

    private static final Pattern BASH = Pattern.compile("```bash\\n(.*?)\\n```", Pattern.DOTALL);
    private static final List<String> GUIDES =
            List.of("docs/learn-lab1.md", "docs/learn-lab2.md", "docs/learn-lab4.md");

    @Test
    void everyCommandOfTheGuidesReportsEachStepOfTheStartStateAsNotYet() throws Exception {
        List<String> commands = new ArrayList<>();
        for (String guide : GUIDES) {
            Matcher block = BASH.matcher(Files.readString(RepositoryRoot.path().resolve(guide)));
            while (block.find()) {
                block.group(1).lines().filter(line -> !line.isBlank()).forEach(commands::add);
            }
        }
        assertEquals(List.of("learn/check 1", "learn/check 1 --compare", "learn/check 2", "learn/check 4"), commands);
        for (String command : commands) {
            Result result = run(command);
            // Exit status 1: steps remain. The start state runs in local mode, and no step is done yet.
            assertEquals(1, result.status, command + "\n" + result.stdout + result.stderr);
            assertTrue(result.stdout.contains("Your stack runs in local mode"), command + "\n" + result.stdout);
            assertTrue(result.stdout.contains("0 of "), command + "\n" + result.stdout);
            assertFalse(result.stdout.contains(" done\n"), command + "\n" + result.stdout);
            if (command.endsWith("--compare")) {
                assertTrue(
                        result.stdout.contains("missing  AWS::SNS::Topic RideCompletionTopic")
                                && result.stdout.contains("Compared with the finished lab"),
                        result.stdout);
            }
        }
    }

    @Test
    void aLabThatIsNotBuiltHereOrAnUnknownOptionGetsASentenceAndStatus2NeverAStackTrace() throws Exception {
        Result lab3 = run("learn/check 3 --template-only");
        assertEquals(2, lab3.status, lab3.stderr);
        assertEquals("check: no lab '3' to check: the labs you build are 1, 2, 4\n", lab3.stderr);
        Result option = run("learn/check 1 --fast");
        assertEquals(2, option.status, option.stderr);
        assertEquals("check: unknown option --fast: the options are --compare and --template-only\n", option.stderr);
    }

    private record Result(int status, String stdout, String stderr) {}

    private static Result run(String command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("check", ".out");
        Path err = Files.createTempFile("check", ".err");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command)
                .directory(RepositoryRoot.path().toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("LEARN_CHECK_BUILT", "1");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end in 5 minutes");
        }
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
