package com.wildrydes.test.deploy;

import com.wildrydes.local.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's pinned CDK CLI ({@code node_modules/.bin/cdk}, installed with {@code npm ci} when
 * missing), run unchanged against a local endpoint: only {@code AWS_ENDPOINT_URL}, dummy
 * credentials and the region are set. It runs in a folder of its own, so the repository's
 * cdk.json build step (a Maven build) does not run again: the tests give it the assembly the test
 * run synthesized with {@code --app}, which the CLI deploys without synthesizing.
 */
final class CdkCli {

    private static final Pattern OUTPUT = Pattern.compile("^(\\S+)\\.(\\w+) = (.*)$", Pattern.MULTILINE);

    private final URI endpoint;
    private final Path workDir;

    CdkCli(URI endpoint) {
        this.endpoint = endpoint;
        try {
            this.workDir = Files.createTempDirectory("cdk-cli-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one run printed (standard output and error together) and its exit status. */
    record Result(int exitCode, String output) {

        Result assertSucceeded() {
            if (exitCode != 0) {
                throw new AssertionError("the CDK CLI failed (exit " + exitCode + "):\n" + output);
            }
            return this;
        }

        /** The stack outputs the CLI printed ({@code stack.Key = value}), by key. */
        Map<String, String> outputs(String stack) {
            Map<String, String> outputs = new LinkedHashMap<>();
            Matcher matcher = OUTPUT.matcher(output);
            while (matcher.find()) {
                if (matcher.group(1).equals(stack)) {
                    outputs.put(matcher.group(2), matcher.group(3).strip());
                }
            }
            return outputs;
        }
    }

    /** Runs {@code cdk <arguments> --no-notices} and waits for it (at most 5 minutes). */
    Result run(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(cdk().toString());
        command.addAll(arguments);
        command.add("--no-notices");
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("CDK_"));
        environment.put("AWS_ENDPOINT_URL", endpoint.toString());
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_REGION", "us-east-1");
        environment.put("CDK_DISABLE_CLI_TELEMETRY", "true");
        environment.put("NO_COLOR", "1");
        environment.put("CI", "true");
        try {
            Path log = Files.createTempFile(workDir, "cdk", ".log");
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(
                        "cdk " + arguments + " still running after 5 minutes:\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The pinned CLI of package.json, installed as .ci/run and the README install it. Test JVMs
     * run side by side (surefire forks): a file lock keeps two of them from running {@code npm ci}
     * in one directory at once, which fails both.
     */
    static synchronized Path cdk() {
        Path root = RepositoryRoot.path();
        Path cdk = root.resolve("node_modules/.bin/cdk");
        if (Files.isExecutable(cdk)) {
            return cdk;
        }
        try {
            Path lock = Files.createDirectories(root.resolve("test/target")).resolve("npm-ci.lock");
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(
                            lock, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                    java.nio.channels.FileLock held = channel.lock()) {
                if (!Files.isExecutable(cdk)) {
                    Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                            .directory(root.toFile())
                            .inheritIO()
                            .start();
                    if (npm.waitFor() != 0) {
                        throw new IllegalStateException("npm ci failed in " + root + "; the CDK CLI is needed");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return cdk;
    }
}
