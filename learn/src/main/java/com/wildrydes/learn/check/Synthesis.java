package com.wildrydes.learn.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.local.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.sns.CfnTopic;
import software.amazon.awscdk.services.sqs.CfnQueue;
import software.constructs.IConstruct;

/**
 * Synthesizes the learner's stack as {@code cdk synth} does (the {@code context} of cdk.json) into a
 * cloud assembly of its own, optionally with the finished lab beside it. Each topic and queue of the
 * learner's stack gets an output {@code LearnCheck<logical ID>} holding its ARN or URL, so that the
 * local proofs find them under local mode's names without knowing how local mode names them.
 *
 * @param cloudAssembly the directory the app was synthesized into
 * @param learner the learner's template
 * @param finished the finished lab's template, or null when not asked for
 */
public record Synthesis(Path cloudAssembly, JsonNode learner, JsonNode finished) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBE = "LearnCheck";

    /** The output that holds the ARN (topic) or URL (queue) of the resource {@code logicalId}. */
    static String probeOutput(String logicalId) {
        return PROBE + logicalId;
    }

    static boolean isProbeOutput(String outputId) {
        return outputId.startsWith(PROBE);
    }

    public static Synthesis of(String stackName, Function<App, Stack> learnerStack, Integer finishedLab) {
        try {
            Path outdir = Files.createTempDirectory("wild-rydes-learn-cdk-out");
            App app = new App(AppProps.builder()
                    .context(cdkJsonContext())
                    .outdir(outdir.toString())
                    .build());
            Stack stack = learnerStack.apply(app);
            for (IConstruct construct : stack.getNode().findAll()) {
                if (construct instanceof CfnTopic topic) {
                    probe(stack, topic, topic.getRef());
                } else if (construct instanceof CfnQueue queue) {
                    probe(stack, queue, queue.getRef());
                }
            }
            String finishedName = null;
            if (finishedLab != null) {
                WildRydesApp.addLab(app, finishedLab);
                finishedName = app.getNode()
                        .getChildren()
                        .get(app.getNode().getChildren().size() - 1)
                        .getNode()
                        .getId();
            }
            // The library's app-wide checks, as the labs' app gives them to each of its stacks.
            WildRydesApp.addLibraryChecks(app);
            app.synth();
            JsonNode learner =
                    JSON.readTree(outdir.resolve(stackName + ".template.json").toFile());
            JsonNode finished = finishedName == null
                    ? null
                    : JSON.readTree(
                            outdir.resolve(finishedName + ".template.json").toFile());
            return new Synthesis(outdir, learner, finished);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void probe(Stack stack, CfnElement element, String value) {
        String logicalId = (String) stack.resolve(element.getLogicalId());
        CfnOutput.Builder.create(stack, probeOutput(logicalId)).value(value).build();
    }

    /** The {@code context} object of the repository's cdk.json, as the CLI passes it to the app. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> cdkJsonContext() {
        try {
            JsonNode cdkJson =
                    JSON.readTree(RepositoryRoot.path().resolve("cdk.json").toFile());
            return JSON.convertValue(cdkJson.get("context"), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
