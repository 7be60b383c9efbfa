package com.wildrydes.learn.check;

/**
 * What the check found for one step of a lab, in words a learner reads: {@code done}, {@code not
 * yet} (with what is still missing and where) or {@code wrong} (with what is wrong, where, and what
 * the step expects).
 *
 * @param step the step's number in the guide
 * @param title the step's title, as the guide names it
 * @param state done, not yet or wrong
 * @param detail what is missing or wrong and where; empty when done
 */
public record StepResult(int step, String title, State state, String detail) {

    /** The three answers the check gives for a step. */
    public enum State {
        DONE("done"),
        NOT_YET("not yet"),
        WRONG("wrong");

        private final String words;

        State(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    public static StepResult done(int step, String title, String proof) {
        return new StepResult(step, title, State.DONE, proof);
    }

    public static StepResult notYet(int step, String title, String missing) {
        return new StepResult(step, title, State.NOT_YET, missing);
    }

    public static StepResult wrong(int step, String title, String problem) {
        return new StepResult(step, title, State.WRONG, problem);
    }

    public boolean isDone() {
        return state == State.DONE;
    }

    /** The line the check prints for this step. */
    public String line() {
        String head = String.format("%2d. %-44s %s", step, title, state);
        return detail == null || detail.isBlank() ? head : head + "\n      " + detail.replace("\n", "\n      ");
    }
}
