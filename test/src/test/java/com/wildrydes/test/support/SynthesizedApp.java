package com.wildrydes.test.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.local.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * The whole CDK app, synthesized with the same context the CLI gives it (the {@code context} of
 * cdk.json, feature flags included), read by the tests from its cloud assembly as {@code cdk synth}
 * writes {@code cdk.out/}.
 *
 * <p>Synthesis costs a test JVM 6 to 7 s of CPU, and the test module runs in several forks. Under
 * Maven (the build passes {@value #BUILD_PROPERTY}, unique to each {@code mvn} run) the first fork
 * that needs the app synthesizes it into {@code test/target/synthesized-app/} while holding a file
 * lock, and marks it with the build's ID; the other forks of the same build wait for the lock and
 * read that assembly. A later build finds another ID and synthesizes again, so a change to the
 * constructs is never tested against an older assembly. Without the property (a test run from an
 * IDE) each JVM synthesizes into a folder of its own.
 */
public final class SynthesizedApp {

    static final String BUILD_PROPERTY = "wildrydes.synthesis.build";

    private static Path assembly;
    private static CloudAssembly cloudAssembly;

    private SynthesizedApp() {}

    /** The cloud assembly the app was synthesized into, as {@code cdk synth} writes {@code cdk.out/}. */
    public static synchronized Path cloudAssembly() {
        if (assembly == null) {
            try {
                String build = System.getProperty(BUILD_PROPERTY, "");
                assembly =
                        build.isBlank() ? synthesize(Files.createTempDirectory("wild-rydes-cdk-out")) : sharedBy(build);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return assembly;
    }

    /** The names of the app's stacks, sorted. */
    public static List<String> stackNames() {
        return stacks().map(CloudFormationStackArtifact::getStackName).sorted().toList();
    }

    /** The stack's synthesized template, as {@code Template.fromStack} reads it from the assembly. */
    public static Template template(String stackName) {
        try {
            return Template.fromString(
                    Files.readString(Path.of(artifact(stackName).getTemplateFullPath()), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What synthesis reported on the stack (cdk-nag's findings among them), as {@code Annotations.fromStack} reads it. */
    public static List<SynthesisMessage> messages(String stackName) {
        return artifact(stackName).getMessages();
    }

    /** The {@code context} object of the repository's cdk.json, as the CLI passes it to the app. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> cdkJsonContext() {
        try {
            JsonNode cdkJson = new ObjectMapper()
                    .readTree(RepositoryRoot.path().resolve("cdk.json").toFile());
            return new ObjectMapper().convertValue(cdkJson.get("context"), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CloudFormationStackArtifact artifact(String stackName) {
        return stacks().filter(stack -> stack.getStackName().equals(stackName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no stack named " + stackName + " in the app; its stacks: " + stackNames()));
    }

    private static synchronized Stream<CloudFormationStackArtifact> stacks() {
        if (cloudAssembly == null) {
            cloudAssembly = new CloudAssembly(cloudAssembly().toString());
        }
        return cloudAssembly.getStacks().stream();
    }

    /** The assembly of this build, synthesized by whichever fork gets the lock first. */
    private static Path sharedBy(String build) throws IOException {
        Path target = Files.createDirectories(RepositoryRoot.path().resolve("test/target"));
        Path shared = target.resolve("synthesized-app");
        Path marker = target.resolve("synthesized-app.build");
        try (FileChannel channel = FileChannel.open(
                        target.resolve("synthesized-app.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(build)) {
                return shared;
            }
            Files.deleteIfExists(marker);
            deleteRecursively(shared);
            synthesize(Files.createDirectories(shared));
            // Written last: an assembly whose synthesis failed half-way is never reused.
            Files.writeString(marker, build);
            return shared;
        }
    }

    private static Path synthesize(Path outdir) {
        App app = new App(AppProps.builder()
                .context(cdkJsonContext())
                .outdir(outdir.toString())
                .build());
        WildRydesApp.addLabs(app);
        app.synth();
        return outdir;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
