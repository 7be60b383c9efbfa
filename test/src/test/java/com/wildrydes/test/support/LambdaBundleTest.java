package com.wildrydes.test.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.infra.LambdaBundle;
import com.wildrydes.local.RepositoryRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Synthesis needs the handlers' jar, and says how to build it when it is missing. */
class LambdaBundleTest {

    @AfterEach
    void clearOverride() {
        System.clearProperty(LambdaBundle.JAR_PROPERTY);
    }

    @Test
    void findsTheJarBuiltByTheLambdasModule() {
        assertEquals(RepositoryRoot.path().resolve("lambdas/target/wild-rydes-lambdas.jar"), LambdaBundle.jarPath());
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
