package com.wildrydes.learn.check;

import com.wildrydes.learn.lab1.Lab1Stack;
import com.wildrydes.learn.lab2.Lab2Stack;
import com.wildrydes.learn.lab4.Lab4Stack;
import com.wildrydes.local.engines.RunningEngines;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;

/** The labs a learner builds, each with its start state, its steps and how each step is checked. */
public enum Lab {
    LAB_1(1, Lab1Stack.STACK_NAME, Lab1Checks.TITLES) {
        @Override
        public Function<App, Stack> learnerStack() {
            return app -> new Lab1Stack(app, Lab1Stack.STACK_NAME, props("lab 1, fan-out and message filtering"));
        }

        @Override
        List<StepResult> checkTemplate(LabTemplate template) {
            return Lab1Checks.check(template);
        }

        @Override
        Proof prove(LabTemplate template, List<StepResult> results, Path cdkOut, RunningEngines engines, String run)
                throws Exception {
            return Lab1Proof.prove(template, results, cdkOut, stackName, engines, run);
        }
    },
    LAB_2(2, Lab2Stack.STACK_NAME, Lab2Checks.TITLES) {
        @Override
        public Function<App, Stack> learnerStack() {
            return app -> new Lab2Stack(app, Lab2Stack.STACK_NAME, props("lab 2, topic-queue chaining"));
        }

        @Override
        List<StepResult> checkTemplate(LabTemplate template) {
            return Lab2Checks.check(template);
        }

        @Override
        Proof prove(LabTemplate template, List<StepResult> results, Path cdkOut, RunningEngines engines, String run)
                throws Exception {
            return Lab2Proof.prove(template, results, cdkOut, stackName, engines, run);
        }
    },
    LAB_4(4, Lab4Stack.STACK_NAME, Lab4Checks.TITLES) {
        @Override
        public Function<App, Stack> learnerStack() {
            return app -> new Lab4Stack(app, Lab4Stack.STACK_NAME, props("lab 4, saga orchestration"));
        }

        @Override
        List<StepResult> checkTemplate(LabTemplate template) {
            return Lab4Checks.check(template);
        }

        @Override
        Proof prove(LabTemplate template, List<StepResult> results, Path cdkOut, RunningEngines engines, String run) {
            return Lab4Proof.prove(template, results, cdkOut, stackName, engines, run);
        }
    };

    final int number;
    final String stackName;
    final String[] titles;

    Lab(int number, String stackName, String[] titles) {
        this.number = number;
        this.stackName = stackName;
        this.titles = titles;
    }

    /** The lab numbered {@code number}, or an IllegalArgumentException naming the labs there are. */
    public static Lab of(String number) {
        for (Lab lab : values()) {
            if (String.valueOf(lab.number).equals(number.strip())) {
                return lab;
            }
        }
        StringBuilder labs = new StringBuilder();
        for (Lab lab : values()) {
            labs.append(labs.length() == 0 ? "" : ", ").append(lab.number);
        }
        throw new IllegalArgumentException("no lab '" + number + "' to check: the labs you build are " + labs);
    }

    public int number() {
        return number;
    }

    public String stackName() {
        return stackName;
    }

    /** The learner's stack as it is in the source tree now. */
    public abstract Function<App, Stack> learnerStack();

    abstract List<StepResult> checkTemplate(LabTemplate template);

    /** The steps' behaviour in local mode, over the template's results; only where the template says they are done. */
    abstract Proof prove(
            LabTemplate template, List<StepResult> results, Path cdkOut, RunningEngines engines, String run)
            throws Exception;

    static StackProps props(String what) {
        return StackProps.builder()
                .description("Wild Rydes " + what + ": the learner's copy (ARC314-R)")
                .build();
    }
}
