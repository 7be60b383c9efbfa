package com.wildrydes.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The workshop lives outside the library (issue 19): its demo responders, its unicorn-management
 * service and its public-on-purpose choices for learners who call the APIs with curl are the labs'
 * app's ({@code infra/}). A source file of the library that names one of them again fails here.
 */
class NoWorkshopInLibraryTest {

    private static final List<String> WORKSHOP_WORDS =
            List.of("demoresponder", "demo responder", "unicornmanagement", "workshop", "learner", "curl");

    @Test
    void noSourceOfTheLibraryNamesTheWorkshopOrItsDemo() throws IOException {
        List<String> found;
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            found = sources.filter(path -> path.toString().endsWith(".java"))
                    .flatMap(NoWorkshopInLibraryTest::workshopLines)
                    .toList();
        }
        assertEquals(List.of(), found);
    }

    private static Stream<String> workshopLines(Path source) {
        try {
            List<String> lines = Files.readAllLines(source);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> WORKSHOP_WORDS.stream()
                            .anyMatch(word ->
                                    lines.get(i).toLowerCase(Locale.ROOT).contains(word)))
                    .mapToObj(i -> source + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
