package com.wildrydes.local.engines;

import com.wildrydes.local.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Installs the Node side of the local engines (test/engines) from its lockfile, once, for any
 * test that needs it: the engine servers, and the Step Functions interpreter and validator.
 */
public final class EngineInstall {

    private EngineInstall() {}

    /** The test/engines folder, installed. */
    public static synchronized Path ensureInstalled() {
        Path engines = RepositoryRoot.path().resolve("test/engines");
        installIfMissing(engines);
        return engines;
    }

    /** Runs `npm ci` in test/engines when its node_modules is missing or older than the lockfile. */
    private static void installIfMissing(Path engines) {
        Path installed = engines.resolve("node_modules/.package-lock.json");
        try {
            if (Files.exists(installed)
                    && Files.getLastModifiedTime(installed)
                                    .compareTo(Files.getLastModifiedTime(engines.resolve("package-lock.json")))
                            >= 0) {
                return;
            }
            Path log = engines.resolve("npm-ci.log");
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(engines.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException("`npm ci` in " + engines + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not run `npm ci` in " + engines + " (is Node.js with npm on PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
