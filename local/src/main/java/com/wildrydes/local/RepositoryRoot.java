package com.wildrydes.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The checkout's root: the nearest directory above the working directory that holds cdk.json. */
public final class RepositoryRoot {

    private RepositoryRoot() {}

    public static Path path() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("cdk.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "No cdk.json above " + Paths.get("").toAbsolutePath() + ": run the tests from inside the repository");
    }
}
