package com.wildrydes.test.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.lambda.LibraryContents;
import com.wildrydes.local.lambda.LocalFunction;
import com.wildrydes.local.template.CloudAssembly;
import com.wildrydes.test.support.Labs;
import com.wildrydes.test.support.SynthesizedApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;

/**
 * Local functions whose jar assets hold the same AWS SDK bytes load that SDK once between them
 * (their handlers still from their own assets, in loaders of their own), and a jar whose SDK differs
 * in anything loads its own; and no library class of any asset links to a class of its jar that its
 * shared loader cannot see.
 */
class SharedLibraryLocalTest {

    private static final String RESPONDER = "com.wildrydes.lambdas.rfq.DemoResponderHandler::handleRequest";

    @Test
    void functionsOfOneSdkLoadItOnceAndAJarWithAnotherSdkLoadsItsOwn(@TempDir Path folder) throws Exception {
        Path jar = jarOf("wild-rydes-async-msg-3", RESPONDER);
        List<LocalFunction> functions = new ArrayList<>();
        try {
            long first = loadedClassesWhile(() -> functions.add(initialised("responder-1", jar)));
            long fourMore = loadedClassesWhile(() -> {
                for (int i = 2; i <= 5; i++) {
                    functions.add(initialised("responder-" + i, jar));
                }
            });
            assertTrue(
                    fourMore > 0 && fourMore < first / 4,
                    "four more functions of the same asset loaded " + fourMore
                            + " classes (their handlers' only), the first " + first + " (its SDK too)");

            Path otherSdk = withExtraSdkEntry(jar, folder.resolve("other-sdk.jar"));
            long other = loadedClassesWhile(() -> functions.add(initialised("responder-other-sdk", otherSdk)));
            assertTrue(
                    other > 10 * Math.max(1, fourMore / 4),
                    "a jar whose SDK differs by one entry loaded " + other + " classes, expected its own SDK,"
                            + " many more than each function of the same SDK (" + fourMore / 4 + ")");
        } finally {
            functions.forEach(LocalFunction::close);
        }
    }

    @Test
    void noLibraryClassOfAnyAssetLinksToAClassOfItsJarOutsideItsKind() throws IOException {
        Set<Path> jars = new TreeSet<>();
        for (String stack : Labs.stackNames().toList()) {
            CloudAssembly assembly = CloudAssembly.read(SynthesizedApp.cloudAssembly(), stack);
            for (JsonNode resource : assembly.template().path("Resources")) {
                if ("AWS::Lambda::Function".equals(resource.path("Type").asText())) {
                    jars.add(assembly.asset(resource.path("Properties")
                            .path("Code")
                            .path("S3Key")
                            .asText()));
                }
            }
        }
        assertFalse(jars.isEmpty(), "no function jar in the cloud assembly");
        Set<String> outside = new TreeSet<>();
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                Set<String> held = zip.stream().map(ZipEntry::getName).collect(Collectors.toSet());
                for (ZipEntry entry : zip.stream().toList()) {
                    LibraryContents.Kind kind = kindOf(entry.getName());
                    if (kind == null || !entry.getName().endsWith(".class")) {
                        continue;
                    }
                    for (String linked : linkedClasses(zip, entry)) {
                        String file = linked + ".class";
                        if (held.contains(file) && !kind.holds(file)) {
                            outside.add(entry.getName() + " (" + kind + ") -> " + file);
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), outside, "library classes linking to classes of their jar outside their kind");
    }

    private static LibraryContents.Kind kindOf(String entryName) {
        for (LibraryContents.Kind kind : LibraryContents.Kind.values()) {
            if (kind.holds(entryName)) {
                return kind;
            }
        }
        return null;
    }

    /** The classes a class file names in its constant pool (what resolving it may load). */
    private static Set<String> linkedClasses(ZipFile zip, ZipEntry entry) throws IOException {
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        }
        ClassReader reader = new ClassReader(bytes);
        char[] buffer = new char[reader.getMaxStringLength()];
        Set<String> names = new TreeSet<>();
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            if (offset > 0 && bytes[offset - 1] == 7) { // CONSTANT_Class
                String name = reader.readUTF8(offset, buffer);
                if (name.startsWith("[")) {
                    int object = name.indexOf('L');
                    if (object < 0) {
                        continue;
                    }
                    name = name.substring(object + 1, name.length() - 1);
                }
                names.add(name);
            }
        }
        return names;
    }

    private static Path jarOf(String stack, String handler) {
        CloudAssembly assembly = CloudAssembly.read(SynthesizedApp.cloudAssembly(), stack);
        for (JsonNode resource : assembly.template().path("Resources")) {
            JsonNode properties = resource.path("Properties");
            if (handler.equals(properties.path("Handler").asText())) {
                return assembly.asset(properties.path("Code").path("S3Key").asText());
            }
        }
        throw new IllegalStateException("No function of " + stack + " runs " + handler);
    }

    /** A function of the jar with its init phase run, as SnapStart's publish runs it. */
    private static LocalFunction initialised(String name, Path jar) {
        LocalFunction function = new LocalFunction(
                name,
                "arn:aws:lambda:us-east-1:000000000000:function:" + name,
                RESPONDER,
                jar,
                Map.of(
                        "AWS_REGION", "us-east-1",
                        "AWS_ACCESS_KEY_ID", "local",
                        "AWS_SECRET_ACCESS_KEY", "local",
                        "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9",
                        "RESPONDER_NAME", name,
                        "MAX_DELAY_SECONDS", "1"),
                Duration.ofSeconds(10),
                IntUnaryOperator.identity());
        try {
            function.initialiseAhead().get();
            return function;
        } catch (Exception e) {
            function.close();
            throw new IllegalStateException(name + "'s init failed", e);
        }
    }

    private static long loadedClassesWhile(Runnable action) {
        long before = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        action.run();
        return ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - before;
    }

    /** A copy of the jar with one more entry among its SDK's: the same classes, another SDK fingerprint. */
    private static Path withExtraSdkEntry(Path jar, Path copy) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile());
                OutputStream file = Files.newOutputStream(copy);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : zip.stream().toList()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("software/amazon/awssdk/local-test-marker.txt"));
            out.write("a jar of another build".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return copy;
    }
}
