package com.wildrydes.test.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.test.support.SynthesizedApp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every feature flag cdk.json sets is one the pinned aws-cdk-lib knows. An unknown flag does
 * nothing (a typo, or a flag of a newer release), so it only pretends to configure the app.
 * The known flags are not listed here: they come from the feature-flag report that aws-cdk-lib
 * itself writes into every cloud assembly it synthesizes.
 */
class CdkJsonFeatureFlagsTest {

    private static final String REPORT = "aws-cdk-lib/feature-flag-report";

    @Test
    void everyFlagInCdkJsonIsKnownToThePinnedAwsCdkLib() throws IOException {
        Set<String> known = knownFlags();
        assertTrue(known.size() > 50, "expected aws-cdk-lib's report to list its flags, got " + known);
        List<String> unknown = new ArrayList<>();
        for (String key : new TreeSet<>(SynthesizedApp.cdkJsonContext().keySet())) {
            if (isFeatureFlag(key) && !known.contains(key)) {
                unknown.add(key);
            }
        }
        assertEquals(
                List.of(),
                unknown,
                "cdk.json sets feature flags that aws-cdk-lib "
                        + software.amazon.awscdk.cxapi.CloudAssembly.class
                                .getPackage()
                                .getImplementationVersion()
                        + " does not know: remove them");
    }

    /** Feature flags are namespaced by their module ({@code @aws-cdk/...:name}); other keys are the app's own context. */
    private static boolean isFeatureFlag(String key) {
        return key.startsWith("@aws-cdk");
    }

    private static Set<String> knownFlags() throws IOException {
        Path assembly = SynthesizedApp.cloudAssembly();
        JsonNode manifest =
                new ObjectMapper().readTree(assembly.resolve("manifest.json").toFile());
        JsonNode report = manifest.path("artifacts").path(REPORT);
        assertTrue(
                report.isObject(),
                "the cloud assembly has no " + REPORT + " artifact: "
                        + manifest.path("artifacts").fieldNames());
        Set<String> flags = new TreeSet<>();
        report.path("properties").path("flags").fieldNames().forEachRemaining(flags::add);
        return flags;
    }
}
