package com.wildrydes.learn.guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy of a start state's files, to which a guide's snippets are applied as a learner pastes
 * them: each replaces the lines between its step's markers, indented as the markers are.
 */
public final class LearnerCopy {

    private final Path root;
    private final Path dir;

    /** Copies {@code files} (paths from the repository root) into a new directory. */
    public LearnerCopy(Path root, List<String> files) {
        this.root = root;
        try {
            this.dir = Files.createTempDirectory("wild-rydes-learner");
            for (String file : files) {
                Path copy = dir.resolve(file);
                Files.createDirectories(copy.getParent());
                Files.copy(root.resolve(file), copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LearnerCopy(Path root, Path dir) {
        this.root = root;
        this.dir = dir;
    }

    /** A copy of this copy, to try a mistake on without changing this one. */
    public LearnerCopy fork() {
        try {
            Path forked = Files.createTempDirectory("wild-rydes-learner");
            try (var files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path copy = forked.resolve(dir.relativize(file));
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
            return new LearnerCopy(root, forked);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file(String file) {
        return dir.resolve(file);
    }

    public LearnerCopy apply(GuideSnippets.Snippet snippet) {
        Path file = dir.resolve(snippet.file());
        try {
            List<String> lines = Files.readAllLines(file);
            int begin = indexOf(lines, "// >>> step " + snippet.step(), file);
            int end = indexOf(lines, "// <<< step " + snippet.step(), file);
            String indent = lines.get(begin).substring(0, lines.get(begin).indexOf("//"));
            List<String> edited = new ArrayList<>(lines.subList(0, begin + 1));
            snippet.code().lines().forEach(line -> edited.add(line.isBlank() ? "" : indent + line));
            edited.addAll(lines.subList(end, lines.size()));
            Files.write(file, edited);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(List<String> lines, String marker, Path file) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new IllegalStateException(file + " has no line '" + marker + "'");
    }
}
