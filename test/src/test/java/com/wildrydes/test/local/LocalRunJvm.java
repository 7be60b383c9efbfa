package com.wildrydes.test.local;

import com.wildrydes.local.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM that the README's {@code local/run} starts, without its up-to-date check: the same JVM
 * options (the argument file {@code local/jvm.options} the script passes, so the two cannot drift apart) and the local module's own class
 * path (its classes and the {@code classpath.txt} its build writes), not the test JVM's. That is the
 * command a learner runs, and it costs about half the CPU of a plain JVM on the test class path.
 */
final class LocalRunJvm {

    private LocalRunJvm() {}

    /** {@code java @local/jvm.options <settings> -cp <local's class path> com.wildrydes.local.Main <arguments>}. */
    static List<String> command(List<String> settings, List<String> arguments) {
        Path root = RepositoryRoot.path();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + root.resolve("local/jvm.options"));
        command.addAll(settings);
        try {
            command.addAll(List.of(
                    "-cp",
                    root.resolve("local/target/classes")
                            + java.io.File.pathSeparator
                            + Files.readString(root.resolve("local/target/classpath.txt"))
                                    .strip(),
                    "com.wildrydes.local.Main"));
        } catch (IOException e) {
            throw new UncheckedIOException("The local module's build writes local/target/classpath.txt", e);
        }
        command.addAll(arguments);
        return command;
    }
}
