package com.wildrydes.test.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.local.RepositoryRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every shell block ({@code ```bash}, {@code ```sh}, {@code ```shell}) of README.md and docs/*.md is
 * run: either by the tests {@link #RUN_BY} names for it (keyed by the page and the block's first
 * line; each named test class must exist, and a named script, such as {@code .ci/run}, must hold the
 * block's first line), or the page says right above the block, in a marker the reader does not see, why no
 * test runs it: {@code <!-- not run by a test: reason -->} (for example a deploy to a real AWS
 * account). A block with neither fails the build, naming the page and line and what to add; so
 * does an entry of {@link #RUN_BY} whose block is gone. Every block must also parse as bash.
 * The rule for writers is in docs/testing.md.
 */
class DocCommandsTest {

    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!--\\s*not run by a test:\\s*(?<reason>[^>]*?)\\s*-->\\s*\\n)?```(?:bash|sh|shell)\\n(?<body>.*?)```",
            Pattern.DOTALL);

    /** Page and first line of a block -> the tests (class names) or scripts (paths) that run its commands. */
    private static final Map<String, String> RUN_BY = Map.ofEntries(
            Map.entry("README.md: npm ci && npx cdk synth", ".ci/run"),
            Map.entry("README.md: mvn -B verify", ".ci/run"),
            Map.entry("README.md: local/run wild-rydes-async-msg-1", "LocalCommandThroughMavenTest"),
            Map.entry("README.md: export AWS_ENDPOINT_URL=http://localhost:4566", "AwsCliLocalTest"),
            Map.entry(
                    "README.md: URL=$(aws cloudformation describe-stacks --stack-name wild-rydes-async-msg-1 \\",
                    "WorkshopPagesLocalTest, AwsCliLocalTest"),
            Map.entry(
                    "README.md: URL=$(aws cloudformation describe-stacks --stack-name wild-rydes-async-msg-2 \\",
                    "WorkshopPagesLocalTest"),
            Map.entry(
                    "README.md: SUBMIT=$(aws cloudformation describe-stacks --stack-name wild-rydes-async-msg-3 \\",
                    "WorkshopPagesLocalTest, AwsCliLocalTest"),
            Map.entry(
                    "README.md: SAGA=$(aws cloudformation describe-stacks --stack-name wild-rydes-async-msg-4 \\",
                    "WorkshopPagesLocalTest"),
            Map.entry(
                    "docs/console.md: mvn -q -pl local compile exec:java -Dexec.args=\"wild-rydes-async-msg-1\"",
                    "LocalCommandThroughMavenTest"),
            Map.entry(
                    "docs/console.md: mvn -B -pl test -am verify -Dtest=ConsoleBrowserTest -Dsurefire.failIfNoSpecifiedTests=false",
                    "ConsoleBrowserTest"),
            Map.entry("docs/deploy-local.md: mvn -q -pl local compile exec:java@deploy", "DeployCommandTest"),
            Map.entry("docs/deploy-local.md: export AWS_ENDPOINT_URL=http://127.0.0.1:4566", "CdkDeployLocalTest"),
            Map.entry("docs/deploy-local.md: npx cdk deploy --all --require-approval never", "CdkDeployLocalTest"),
            Map.entry(
                    "docs/lab1-fan-out.md: URL=$(aws cloudformation describe-stacks --stack-name wild-rydes-async-msg-1 \\",
                    "WorkshopPagesLocalTest, LocalCommandTest"),
            Map.entry("docs/learn-lab1.md: learn/check 1", "GuideCommandsTest"),
            // test/reuser/run takes this command from the page and runs it as printed.
            Map.entry(
                    "docs/reuse.md: mvn -B -pl constructs,lambdas -am deploy -DskipTests"
                            + " -DaltDeploymentRepository=wild-rydes::file://$PWD/target/wild-rydes-repository",
                    "test/reuser/run"),
            Map.entry("docs/soak.md: bench/soak 1 0.25 0.05", "SoakLocalTest"),
            Map.entry("docs/learn-lab1.md: learn/check 1 --compare", "GuideCommandsTest"),
            Map.entry("docs/learn-lab2.md: learn/check 2", "GuideCommandsTest"),
            Map.entry("docs/learn-lab4.md: learn/check 4", "GuideCommandsTest"),
            Map.entry("docs/local-mode.md: export AWS_ENDPOINT_URL=http://localhost:4566", "AwsCliLocalTest"),
            Map.entry("docs/local-mode.md: local/run all", "LocalCommandThroughMavenTest"),
            Map.entry(
                    "docs/local-mode.md: local/run wild-rydes-async-msg-2 -Dwildrydes.local.timeScale=0.0333",
                    "LocalCommandThroughMavenTest"));

    /** A shell block of a page: where it starts, its first line, and the reason given for running it in no test. */
    record Block(String page, int line, String firstLine, String body, String notRunBecause) {

        String key() {
            return page + ": " + firstLine;
        }
    }

    @Test
    void everyShellBlockOfTheReadmeAndTheDocsIsRunByATestOrSaysWhyNot() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Block block : blocks()) {
            keys.add(block.key());
            String runBy = RUN_BY.get(block.key());
            if (runBy == null && block.notRunBecause() == null) {
                problems.add(block.page() + ":" + block.line() + " `" + block.firstLine()
                        + "` is run by no test: add it to DocCommandsTest.RUN_BY with the test that runs it, or put"
                        + " `<!-- not run by a test: why -->` on the line above the block");
            } else if (runBy != null && block.notRunBecause() != null) {
                problems.add(block.page() + ":" + block.line() + " is both run by " + runBy
                        + " and marked not run by a test: drop one");
            } else if (runBy != null) {
                for (String runner : runBy.split(",\\s*")) {
                    if (!runs(runner, block)) {
                        problems.add(block.page() + ":" + block.line() + " names " + runner
                                + ", which is no test class, or a script that does not hold `" + block.firstLine()
                                + "`");
                    }
                }
            } else if (block.notRunBecause().isBlank()) {
                problems.add(block.page() + ":" + block.line() + " is marked not run by a test without a reason");
            }
        }
        RUN_BY.keySet().stream()
                .filter(key -> !keys.contains(key))
                .sorted()
                .forEach(key -> problems.add("DocCommandsTest.RUN_BY names `" + key + "`, no page has that block"));
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void everyShellBlockParsesAsBash() throws Exception {
        for (Block block : blocks()) {
            Process bash =
                    new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
            bash.getOutputStream().write(block.body().getBytes(StandardCharsets.UTF_8));
            bash.getOutputStream().close();
            String said = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash -n did not end");
            assertEquals(0, bash.exitValue(), block.page() + ":" + block.line() + " does not parse: " + said);
        }
    }

    /** The shell blocks of README.md and every docs/*.md, in page order. */
    static List<Block> blocks() throws IOException {
        Path root = RepositoryRoot.path();
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<Block> blocks = new ArrayList<>();
        for (Path page : pages) {
            String text = Files.readString(page);
            String name = root.relativize(page).toString();
            Matcher block = BLOCK.matcher(text);
            while (block.find()) {
                String body = block.group("body");
                String first = body.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .findFirst()
                        .orElse("");
                int line = (int) text.substring(0, block.start("body")).lines().count();
                blocks.add(new Block(name, line, first, body, block.group("reason")));
            }
        }
        return blocks;
    }

    /**
     * Whether the runner exists: a test class of that name in any module, or a script (a path such
     * as .ci/run) with each command of the block's first line (split at {@code &&}) in one of its
     * lines, word for word, or that reads its command from the block's page ({@code page=<page>}).
     */
    private static boolean runs(String runner, Block block) {
        Path root = RepositoryRoot.path();
        try {
            if (runner.contains("/")) {
                // A script that reads its command from the page (test/reuser/run) runs what the page prints.
                if (Files.readString(root.resolve(runner)).contains("page=" + block.page())) {
                    return true;
                }
                List<List<String>> script = Files.readAllLines(root.resolve(runner)).stream()
                        .map(line -> List.of(line.strip().split("\\s+")))
                        .toList();
                return Stream.of(block.firstLine().split("&&"))
                        .map(command -> List.of(command.strip().split("\\s+")))
                        .allMatch(words -> script.stream().anyMatch(line -> line.containsAll(words)));
            }
            boolean[] found = {false};
            Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(
                        Path directory, java.nio.file.attribute.BasicFileAttributes attributes) {
                    String name = directory.getFileName().toString();
                    return Set.of("node_modules", "target", "cdk.out", ".git").contains(name)
                            ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                            : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(
                        Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
                    if (file.getFileName().toString().equals(runner + ".java")
                            && file.toString().contains("/src/test/java/")) {
                        found[0] = true;
                        return java.nio.file.FileVisitResult.TERMINATE;
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
            return found[0];
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
