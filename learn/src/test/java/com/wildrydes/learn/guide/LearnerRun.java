package com.wildrydes.learn.guide;

import com.wildrydes.infra.LambdaBundle;
import com.wildrydes.learn.check.Lab;
import com.wildrydes.learn.check.LabCheck;
import com.wildrydes.local.RepositoryRoot;
import com.wildrydes.local.engines.EngineInstall;
import com.wildrydes.local.engines.RunningEngines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the check on a learner's copy in this JVM: the stack compiled from the copy, the handler (if
 * the lab has one) compiled into a copy of the Lambda jar, and the local engines started once.
 */
final class LearnerRun implements AutoCloseable {

    private final Lab lab;
    private final String stackFile;
    private final String stackClass;
    private final String handlerFile;
    private final String handlerClass;
    private final Map<String, Path> jars = new HashMap<>();
    private RunningEngines engines;

    LearnerRun(Lab lab, String stackFile, String stackClass, String handlerFile, String handlerClass) {
        this.lab = lab;
        this.stackFile = stackFile;
        this.stackClass = stackClass;
        this.handlerFile = handlerFile;
        this.handlerClass = handlerClass;
    }

    LabCheck.Report check(LearnerCopy copy, boolean local, boolean compare) throws Exception {
        String previous = System.getProperty(LambdaBundle.JAR_PROPERTY);
        try {
            if (handlerFile != null) {
                String source = Files.readString(copy.file(handlerFile));
                Path jar =
                        jars.computeIfAbsent(source, s -> CompiledLearner.lambdasJar(copy, handlerFile, handlerClass));
                System.setProperty(LambdaBundle.JAR_PROPERTY, jar.toString());
            }
            return LabCheck.run(
                    lab,
                    CompiledLearner.stack(copy, stackFile, stackClass, lab.stackName()),
                    local ? engines() : null,
                    compare);
        } finally {
            if (previous == null) {
                System.clearProperty(LambdaBundle.JAR_PROPERTY);
            } else {
                System.setProperty(LambdaBundle.JAR_PROPERTY, previous);
            }
        }
    }

    private RunningEngines engines() {
        if (engines == null) {
            try {
                Path logs = Files.createDirectories(RepositoryRoot.path().resolve("learn/target/engine-logs"));
                engines = new RunningEngines(EngineInstall.ensureInstalled(), logs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return engines;
    }

    @Override
    public void close() {
        if (engines != null) {
            engines.close();
        }
    }
}
