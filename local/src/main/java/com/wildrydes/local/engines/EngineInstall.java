package com.wildrydes.local.engines;

import com.wildrydes.local.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Installs the Node side of the local engines (test/engines) from its lockfile, once, for any
 * test that needs it: the engine servers, and the Step Functions interpreter and validator. Several
 * JVMs may ask at once (the test forks, a local command): a file lock lets one of them install while
 * the others wait, and then find it done.
 */
public final class EngineInstall {

    private EngineInstall() {}

    private static boolean installed;

    /** The test/engines folder, installed. */
    public static synchronized Path ensureInstalled() {
        Path engines = RepositoryRoot.path().resolve("test/engines");
        if (!installed) {
            try (FileChannel lock = FileChannel.open(
                            engines.resolve(".install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock held = lock.lock()) {
                installIfMissing(engines);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not lock " + engines + " to install the engines", e);
            }
            installed = true;
        }
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
