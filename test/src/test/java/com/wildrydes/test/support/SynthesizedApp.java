package com.wildrydes.test.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.local.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The whole CDK app, synthesized once per test JVM (jsii's start-up is the slow part) with the
 * same context the CLI gives it: the {@code context} of cdk.json, feature flags included.
 */
public final class SynthesizedApp {

    private static App app;

    private SynthesizedApp() {}

    public static synchronized App app() {
        if (app == null) {
            try {
                Path outdir = Files.createTempDirectory("wild-rydes-cdk-out");
                App created = new App(AppProps.builder()
                        .context(cdkJsonContext())
                        .outdir(outdir.toString())
                        .build());
                WildRydesApp.addLabs(created);
                created.synth();
                app = created;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return app;
    }

    /** The cloud assembly the app was synthesized into, as {@code cdk synth} writes {@code cdk.out/}. */
    public static java.nio.file.Path cloudAssembly() {
        return java.nio.file.Path.of(app().getOutdir());
    }

    public static Stack stack(String stackName) {
        return (Stack) app().getNode().findChild(stackName);
    }

    public static Template template(String stackName) {
        return Template.fromStack(stack(stackName));
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
}
