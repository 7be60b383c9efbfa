package com.wildrydes.test.snapshots;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.wildrydes.local.RepositoryRoot;
import com.wildrydes.test.support.Labs;
import com.wildrydes.test.support.SynthesizedApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares each synthesized stack with its reviewed snapshot in
 * {@code test/src/test/resources/snapshots/<stack>.json}, so that every change to the
 * infrastructure shows up in review.
 * <p>
 * After an intended change, update the snapshots and commit them with the change:
 * {@code mvn -B verify -Dsnapshots.update=true}.
 */
class StackSnapshotTest {

    static final String UPDATE_PROPERTY = "snapshots.update";

    static Stream<String> stacks() {
        return Labs.stackNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void templateMatchesSnapshot(String stackName) throws IOException {
        String actual = SnapshotNormalizer.normalize(new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                        .writeValueAsString(SynthesizedApp.template(stackName).toJSON()))
                + "\n";
        Path snapshot = RepositoryRoot.path().resolve("test/src/test/resources/snapshots/" + stackName + ".json");

        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(snapshot.getParent());
            Files.writeString(snapshot, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(
                Files.exists(snapshot),
                "No snapshot for " + stackName + " at " + snapshot + ". Create it with: mvn -B verify -D"
                        + UPDATE_PROPERTY + "=true");
        String expected = Files.readString(snapshot, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail("The synthesized " + stackName + " differs from its snapshot " + snapshot + ".\n"
                    + "If the change is intended, update it with: mvn -B verify -D" + UPDATE_PROPERTY + "=true\n"
                    + LineDiff.between(expected, actual));
        }
    }
}
