package com.wildrydes.learn.check;

import java.util.List;

/**
 * What local mode showed: the steps, with their behaviour proven where their template was done, and
 * what the run showed of the stack as a whole (that it runs at all, from the start state on).
 *
 * @param steps every step, in the guide's order
 * @param notes sentences about the run
 */
record Proof(List<StepResult> steps, List<String> notes) {}
