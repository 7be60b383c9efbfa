package com.wildrydes.learn.check;

import com.wildrydes.local.engines.RunningEngines;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

/**
 * One check of one lab: synthesize the learner's stack, read each step from its template, prove the
 * steps' behaviour in local mode (when engines are given), and compare with the finished lab (when
 * asked).
 */
public final class LabCheck {

    private static final AtomicInteger RUNS = new AtomicInteger();

    /**
     * @param lab the lab checked
     * @param steps every step, in the guide's order
     * @param notes what local mode showed of the stack as a whole
     * @param comparison what the learner's template lacks or has different from the finished lab's; empty when not asked
     */
    public record Report(Lab lab, List<StepResult> steps, List<String> notes, List<String> comparison) {

        public boolean allDone() {
            return steps.stream().allMatch(StepResult::isDone);
        }

        public StepResult step(int number) {
            return steps.get(number - 1);
        }

        /** The report as the check prints it. */
        public String text() {
            StringBuilder text = new StringBuilder();
            notes.forEach(note -> text.append(note).append('\n'));
            text.append("Lab " + lab.number + " (" + lab.stackName + "), step by step:\n");
            for (StepResult step : steps) {
                text.append(step.line()).append('\n');
            }
            long done = steps.stream().filter(StepResult::isDone).count();
            text.append(done).append(" of ").append(steps.size()).append(" steps done.\n");
            if (!comparison.isEmpty()) {
                text.append("\nCompared with the finished lab (")
                        .append(comparison.size())
                        .append(" differences, by resource and property):\n");
                comparison.forEach(line -> text.append("  ").append(line).append('\n'));
            }
            return text.toString();
        }
    }

    private LabCheck() {}

    /**
     * Checks the learner's stack built by {@code learnerStack}.
     *
     * @param engines the local engines to prove the steps' behaviour on, or null to read the template only
     * @param compare whether to list the differences from the finished lab
     */
    public static Report run(Lab lab, Function<App, Stack> learnerStack, RunningEngines engines, boolean compare)
            throws Exception {
        Synthesis synthesis = Synthesis.of(lab.stackName, learnerStack, compare ? lab.number : null);
        LabTemplate template = new LabTemplate(synthesis.learner());
        List<StepResult> results = lab.checkTemplate(template);
        List<String> notes = List.of();
        if (engines != null) {
            Proof proof = lab.prove(
                    template, results, synthesis.cloudAssembly(), engines, "check" + RUNS.incrementAndGet() + "-");
            results = proof.steps();
            notes = proof.notes();
        }
        List<String> comparison =
                compare ? TemplateComparison.differences(synthesis.finished(), synthesis.learner()) : List.of();
        return new Report(lab, results, notes, comparison);
    }
}
