package com.wildrydes.learn.guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code snippets of a step guide, read from the markdown page itself. A snippet is a fenced
 * {@code java} block right after a marker line
 * {@code <!-- learn:snippet lab=1 step=3 file=path/from/the/repository/root.java -->}: it replaces
 * what is between {@code // >>> step 3} and {@code // <<< step 3} in that file.
 */
public final class GuideSnippets {

    private static final Pattern MARKER = Pattern.compile(
            "<!-- learn:snippet lab=(\\d+) step=(\\d+) file=(\\S+) -->\\s*\\n```java\\n(.*?)\\n```", Pattern.DOTALL);

    /** One snippet: where it goes and its code, as the page shows it. */
    public record Snippet(int lab, int step, String file, String code) {

        /** The same snippet with {@code text} replaced by {@code replacement}: a learner's mistake. */
        public Snippet withMistake(String text, String replacement) {
            if (!code.contains(text)) {
                throw new IllegalArgumentException("step " + step + "'s snippet has no '" + text + "':\n" + code);
            }
            return new Snippet(lab, step, file, code.replace(text, replacement));
        }
    }

    private GuideSnippets() {}

    public static List<Snippet> of(Path page) {
        try {
            String markdown = Files.readString(page);
            List<Snippet> snippets = new ArrayList<>();
            Matcher marker = MARKER.matcher(markdown);
            while (marker.find()) {
                snippets.add(new Snippet(
                        Integer.parseInt(marker.group(1)),
                        Integer.parseInt(marker.group(2)),
                        marker.group(3),
                        marker.group(4)));
            }
            long markers = markdown.lines()
                    .filter(line -> line.contains("learn:snippet"))
                    .count();
            if (markers != snippets.size()) {
                throw new IllegalStateException(page + " has " + markers + " snippet markers but " + snippets.size()
                        + " are followed by a java block");
            }
            return snippets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
