package com.wildrydes.test.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.infra.LambdaBundle;
import com.wildrydes.local.RepositoryRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Synthesis needs the handlers' jar, says how to build it when it is missing, and the jar every
 * function deploys stays within its size budget (every byte is uploaded, stored and loaded at each
 * cold start; bench/run prints the figure, FunctionJarHandlersTest proves nothing needed is gone).
 */
class LambdaBundleTest {

    /** Issue 13's budget for the functions' jar: 8 MB. */
    private static final long JAR_BUDGET_BYTES = 8_000_000;

    @AfterEach
    void clearOverride() {
        System.clearProperty(LambdaBundle.JAR_PROPERTY);
    }

    @Test
    void findsTheJarBuiltByTheLambdasModule() {
        assertEquals(RepositoryRoot.path().resolve("lambdas/target/wild-rydes-lambdas.jar"), LambdaBundle.jarPath());
    }

    @Test
    void theFunctionsJarStaysWithinItsSizeBudget() throws java.io.IOException {
        long size = java.nio.file.Files.size(LambdaBundle.jarPath());
        assertTrue(
                size <= JAR_BUDGET_BYTES,
                "the functions' jar is " + size + " bytes, over its budget of " + JAR_BUDGET_BYTES
                        + ": keep new dependencies out of lambdas/ or trim them in its shade configuration");
    }

    @Test
    void aMissingJarStopsSynthesisWithHowToBuildIt() {
        System.setProperty(LambdaBundle.JAR_PROPERTY, "/nonexistent/wild-rydes-lambdas.jar");
        IllegalStateException error = assertThrows(IllegalStateException.class, LambdaBundle::code);
        assertTrue(
                error.getMessage().contains("/nonexistent/wild-rydes-lambdas.jar does not exist"), error.getMessage());
        assertTrue(error.getMessage().contains("mvn -B -DskipTests -pl lambdas,infra -am package"), error.getMessage());
    }
}
