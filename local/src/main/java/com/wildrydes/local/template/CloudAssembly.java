package com.wildrydes.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stack of a cloud assembly as {@code cdk synth} writes it into {@code cdk.out/}: its
 * CloudFormation template and its file assets (the S3 object key each asset is published under,
 * mapped to the file in the assembly), read from the assembly's {@code manifest.json}.
 */
public final class CloudAssembly {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String stackName;
    private final JsonNode template;
    private final Map<String, Path> filesByObjectKey;

    private CloudAssembly(String stackName, JsonNode template, Map<String, Path> filesByObjectKey) {
        this.stackName = stackName;
        this.template = template;
        this.filesByObjectKey = filesByObjectKey;
    }

    /** The stack named {@code stackName} (its artifact id or its CloudFormation stack name) in {@code cdkOut}. */
    public static CloudAssembly read(Path cdkOut, String stackName) {
        Path manifestFile = cdkOut.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalArgumentException("No cloud assembly in " + cdkOut.toAbsolutePath()
                    + " (no manifest.json): run `npx cdk synth` in the repository first, or name the folder"
                    + " `cdk synth -o` wrote");
        }
        JsonNode manifest = readJson(manifestFile);
        JsonNode artifacts = manifest.path("artifacts");
        java.util.List<String> stacks = new java.util.ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = artifacts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> artifact = it.next();
            JsonNode properties = artifact.getValue().path("properties");
            boolean isStack = "aws:cloudformation:stack"
                    .equals(artifact.getValue().path("type").asText());
            if (!isStack) {
                continue;
            }
            stacks.add(properties.path("stackName").asText(artifact.getKey()));
            if (artifact.getKey().equals(stackName)
                    || stackName.equals(properties.path("stackName").asText())) {
                JsonNode template =
                        readJson(cdkOut.resolve(properties.path("templateFile").asText()));
                return new CloudAssembly(stackName, template, assets(cdkOut, artifacts, artifact.getValue()));
            }
        }
        throw new IllegalArgumentException("No stack named " + stackName + " in " + manifestFile.toAbsolutePath()
                + "; its stacks: " + stacks + " (after `npx cdk synth -c prefix=<p>`, name the stack"
                + " <p>-wild-rydes-async-msg-N; run `npx cdk synth` again after changing the app)");
    }

    /**
     * A stack from its template and the files its assets were uploaded to (a deployed stack: the
     * template CloudFormation was given, the objects of the staging bucket by key).
     */
    public static CloudAssembly of(String stackName, JsonNode template, Map<String, Path> filesByObjectKey) {
        return new CloudAssembly(stackName, template, Map.copyOf(filesByObjectKey));
    }

    /** The names of the assembly's stacks, in the manifest's order ({@code cdk synth}'s order). */
    public static java.util.List<String> stackNames(Path cdkOut) {
        Path manifestFile = cdkOut.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalArgumentException("No cloud assembly in " + cdkOut.toAbsolutePath()
                    + " (no manifest.json): run `npx cdk synth` in the repository first");
        }
        java.util.List<String> stacks = new java.util.ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        readJson(manifestFile).path("artifacts").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> artifact = it.next();
            if ("aws:cloudformation:stack"
                    .equals(artifact.getValue().path("type").asText())) {
                stacks.add(
                        artifact.getValue().path("properties").path("stackName").asText(artifact.getKey()));
            }
        }
        return stacks;
    }

    /** Every file asset of the stack's asset manifest(s), by the S3 key CloudFormation refers to. */
    private static Map<String, Path> assets(Path cdkOut, JsonNode artifacts, JsonNode stack) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (JsonNode dependency : stack.path("dependencies")) {
            JsonNode artifact = artifacts.path(dependency.asText());
            if (!"cdk:asset-manifest".equals(artifact.path("type").asText())) {
                continue;
            }
            JsonNode assetManifest = readJson(
                    cdkOut.resolve(artifact.path("properties").path("file").asText()));
            for (JsonNode asset : assetManifest.path("files")) {
                Path source = cdkOut.resolve(asset.path("source").path("path").asText());
                for (JsonNode destination : asset.path("destinations")) {
                    files.put(destination.path("objectKey").asText(), source);
                }
            }
        }
        return files;
    }

    public String stackName() {
        return stackName;
    }

    public JsonNode template() {
        return template;
    }

    /** The assembly's file for the object key a resource's {@code S3Key} names. */
    public Path asset(String objectKey) {
        Path file = filesByObjectKey.get(objectKey);
        if (file == null || !Files.exists(file)) {
            throw new IllegalStateException("Stack " + stackName + " refers to asset " + objectKey
                    + ", which is not in its cloud assembly (known: " + filesByObjectKey.keySet() + ")");
        }
        return file;
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
