package com.wildrydes.test.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Cloud assemblies for the deploy tests, made the way {@code cdk synth} lays them out: a copy of
 * the synthesized one where one function's code changed (a new jar asset, its new hash, the
 * template asset re-hashed), and a one-stack assembly from a template written here.
 */
final class Assemblies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Assemblies() {}

    /**
     * A copy of {@code assembly} in which the first Lambda function of {@code stack} runs a new jar
     * (the old one plus a file, so its hash differs): what a code change and a new synth give.
     * Returns the copy; {@code changed[0]} gets the function's logical ID, {@code changed[1]} the new jar.
     */
    static Path withChangedFunctionCode(Path assembly, String stack, String[] changed) {
        try {
            Path copy = Files.createTempDirectory("cdk-out-changed-");
            try (Stream<Path> files = Files.list(assembly)) {
                for (Path file : files.toList()) {
                    if (Files.isRegularFile(file)) {
                        Path target = copy.resolve(file.getFileName());
                        if (file.getFileName().toString().endsWith(".jar")) {
                            Files.createSymbolicLink(target, file.toAbsolutePath());
                        } else {
                            Files.copy(file, target);
                        }
                    }
                }
            }
            Path templateFile = copy.resolve(stack + ".template.json");
            ObjectNode template = (ObjectNode) JSON.readTree(templateFile.toFile());
            String function = firstFunction(template);
            ObjectNode code = (ObjectNode)
                    template.path("Resources").path(function).path("Properties").path("Code");
            String oldJarKey = code.path("S3Key").asText();
            byte[] jar = withExtraFile(Files.readAllBytes(assembly.resolve("asset." + oldJarKey)));
            String jarHash = sha256(jar);
            Files.write(copy.resolve("asset." + jarHash + ".jar"), jar);
            code.put("S3Key", jarHash + ".jar");
            String oldTemplateHash = sha256(Files.readAllBytes(templateFile));
            byte[] newTemplate = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(template);
            Files.write(templateFile, newTemplate);
            String newTemplateHash = sha256(newTemplate);

            Path assetsFile = copy.resolve(stack + ".assets.json");
            ObjectNode assets =
                    (ObjectNode) JSON.readTree(Files.readString(assetsFile).replace(oldTemplateHash, newTemplateHash));
            ObjectNode files = (ObjectNode) assets.path("files");
            ObjectNode jarAsset = files.path(oldJarKey.replace(".jar", "")).deepCopy();
            ((ObjectNode) jarAsset.path("source")).put("path", "asset." + jarHash + ".jar");
            jarAsset.path("destinations")
                    .forEach(destination -> ((ObjectNode) destination).put("objectKey", jarHash + ".jar"));
            files.set(jarHash, jarAsset);
            Files.write(assetsFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(assets));
            Path manifest = copy.resolve("manifest.json");
            Files.writeString(manifest, Files.readString(manifest).replace(oldTemplateHash, newTemplateHash));
            if (oldTemplateHash.equals(newTemplateHash)
                    || !Files.readString(manifest).contains(newTemplateHash)) {
                throw new IllegalStateException("the template asset of " + stack + " is not named by its hash "
                        + oldTemplateHash + " in " + assembly + "; the copy would deploy the old template");
            }
            changed[0] = function;
            changed[1] = jarHash;
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-stack assembly with the template given, no assets, for stacks made here (to fail, to be refused). */
    static Path ofTemplate(Path like, String stack, String templateJson) {
        try {
            Path dir = Files.createTempDirectory("cdk-out-" + stack + "-");
            Files.writeString(dir.resolve(stack + ".template.json"), templateJson);
            String version = JSON.readTree(like.resolve("manifest.json").toFile())
                    .path("version")
                    .asText();
            ObjectNode manifest = JSON.createObjectNode().put("version", version);
            ObjectNode artifact = manifest.putObject("artifacts").putObject(stack);
            artifact.put("type", "aws:cloudformation:stack");
            artifact.put("environment", "aws://unknown-account/unknown-region");
            artifact.putObject("properties").put("templateFile", stack + ".template.json");
            Files.write(dir.resolve("manifest.json"), JSON.writeValueAsBytes(manifest));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String firstFunction(JsonNode template) {
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        template.path("Resources").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if ("AWS::Lambda::Function".equals(resource.getValue().path("Type").asText())) {
                return resource.getKey();
            }
        }
        throw new IllegalStateException("no Lambda function in the template");
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] withExtraFile(byte[] jar) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jar.length + 1024);
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("local-deploy-change.txt"));
            zip.write(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
