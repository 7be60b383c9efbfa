package com.wildrydes.test.engines;

import com.wildrydes.local.RepositoryRoot;
import com.wildrydes.local.engines.EngineInstall;
import com.wildrydes.local.engines.RunningEngines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension that starts the local engines that speak the AWS APIs once per test run
 * ({@link RunningEngines}), after installing them from {@code test/engines/package-lock.json} when
 * they are missing, and stops them when the run ends, whether the tests passed or failed.
 * <p>
 * Use with {@code @ExtendWith(LocalEngines.class)} and {@link #get()}.
 */
public final class LocalEngines implements BeforeAllCallback {

    private static RunningEngines running;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (LocalEngines.class) {
            if (running != null) {
                return;
            }
            Path engines = EngineInstall.ensureInstalled();
            try {
                // One folder per surefire fork: each fork starts engines of its own.
                Path logs = Files.createDirectories(RepositoryRoot.path()
                        .resolve("test/target/engine-logs")
                        .resolve("fork-" + System.getProperty("wildrydes.test.fork", "1")));
                running = new RunningEngines(engines, logs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // The root store closes what it holds when the whole run ends, passed or failed.
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(LocalEngines.class, (AutoCloseable)
                    () -> {
                        synchronized (LocalEngines.class) {
                            running.close();
                            running = null;
                        }
                    });
        }
    }

    /** The engines of this run; only after the extension's beforeAll. */
    public static RunningEngines get() {
        if (running == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(LocalEngines.class)");
        }
        return running;
    }
}
