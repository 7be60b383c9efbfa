package com.wildrydes.learn.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.learn.check.LabCheck;
import com.wildrydes.learn.check.StepResult;
import com.wildrydes.local.RepositoryRoot;
import java.util.List;

/**
 * One learner guide as its test follows it: the page's snippets in order, the learner's run, and
 * the files a learner edits. What every guide must hold is asserted here once; each lab's test
 * keeps what is its own (the mistakes it names, what its finished lab does).
 */
final class GuideSteps implements AutoCloseable {

    private final int lab;
    private final List<GuideSnippets.Snippet> snippets;
    private final LearnerRun run;
    private final List<String> learnerFiles;

    GuideSteps(String page, int lab, LearnerRun run, List<String> learnerFiles) {
        this.lab = lab;
        this.snippets = GuideSnippets.of(RepositoryRoot.path().resolve(page));
        this.run = run;
        this.learnerFiles = learnerFiles;
    }

    List<GuideSnippets.Snippet> snippets() {
        return snippets;
    }

    /** A fresh copy of the lab's start state. */
    LearnerCopy start() {
        return new LearnerCopy(RepositoryRoot.path(), learnerFiles);
    }

    LabCheck.Report check(LearnerCopy copy, boolean local, boolean compare) throws Exception {
        return run.check(copy, local, compare);
    }

    /** The page has one snippet per step, numbered in order, all for this lab. */
    void assertOneSnippetPerStepInOrder(int steps) {
        assertEquals(steps, snippets.size(), snippets.toString());
        for (int step = 1; step <= steps; step++) {
            assertEquals(step, snippets.get(step - 1).step());
            assertEquals(lab, snippets.get(step - 1).lab());
        }
    }

    /** After {@code step}'s snippet, that step and the earlier ones are done, the later ones not yet. */
    static void assertDoneUpTo(LabCheck.Report report, int step) {
        for (int each = 1; each <= report.steps().size(); each++) {
            StepResult.State expected = each <= step ? StepResult.State.DONE : StepResult.State.NOT_YET;
            assertEquals(expected, report.step(each).state(), "after step " + step + ":\n" + report.text());
        }
    }

    /** {@link #assertWrong(int, String, String, boolean, String)}, checked without local mode. */
    void assertWrong(int step, String text, String replacement, String words) throws Exception {
        assertWrong(step, text, replacement, false, words);
    }

    /**
     * The steps before {@code step} as the page gives them, then {@code step}'s snippet with one
     * mistake in it: the check reports that step wrong, in words naming the mistake, and no stack
     * trace reaches the learner.
     */
    void assertWrong(int step, String text, String replacement, boolean local, String words) throws Exception {
        LearnerCopy copy = start();
        for (int earlier = 1; earlier < step; earlier++) {
            copy.apply(snippets.get(earlier - 1));
        }
        copy.apply(snippets.get(step - 1).withMistake(text, replacement));
        LabCheck.Report report = run.check(copy, local, false);
        assertEquals(StepResult.State.WRONG, report.step(step).state(), report.text());
        assertTrue(report.step(step).detail().contains(words), report.text());
        assertTrue(!report.text().contains("\tat "), "a stack trace reached the learner:\n" + report.text());
    }

    @Override
    public void close() {
        run.close();
    }
}
