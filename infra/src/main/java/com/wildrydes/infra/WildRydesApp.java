package com.wildrydes.infra;

import com.wildrydes.constructs.WildRydesChecks;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.IConstruct;

/**
 * The CDK app: one stack per lab, environment-agnostic (no account or region is needed to
 * synthesize), checked by cdk-nag's AwsSolutions pack. With {@code -c prefix=alice} every stack's
 * ID and name (and so every fixed name built from it) begins with {@code alice-}.
 */
public final class WildRydesApp {

    public static final String LAB_1 = "wild-rydes-async-msg-1";
    public static final String LAB_2 = "wild-rydes-async-msg-2";
    public static final String LAB_3 = "wild-rydes-async-msg-3";
    public static final String LAB_4 = "wild-rydes-async-msg-4";

    private WildRydesApp() {}

    public static void main(String[] args) {
        App app = new App();
        addLabs(app);
        app.synth();
    }

    /** Adds every lab's stack and the cdk-nag checks to an app: the CLI and the tests share this. */
    public static void addLabs(App app) {
        for (int lab = 1; lab <= 4; lab++) {
            addLab(app, lab);
        }
        addChecks(app);
    }

    /**
     * Adds one lab's stack (1 to 4) to an app. {@code bench/synth} synthesizes the labs one by one
     * through this, to measure how synthesis grows with the number of stacks.
     */
    public static void addLab(App app, int lab) {
        LearnerPrefix prefix = LearnerPrefix.of(app);
        switch (lab) {
            case 1 ->
                new FanOutFilteringStack(
                        app,
                        prefix.stackName(LAB_1),
                        StackProps.builder()
                                .description(
                                        "Wild Rydes lab 1: fan-out and message filtering with SNS and Lambda (ARC314-R)")
                                .build());
            case 2 ->
                new TopicQueueChainingStack(
                        app,
                        prefix.stackName(LAB_2),
                        StackProps.builder()
                                .description(
                                        "Wild Rydes lab 2: topic-queue chaining, queues as buffering load balancers (ARC314-R)")
                                .build());
            case 3 ->
                new ScatterGatherStack(
                        app,
                        prefix.stackName(LAB_3),
                        StackProps.builder()
                                .description(
                                        "Wild Rydes lab 3: scatter-gather, the instant ride request for quotes (ARC314-R)")
                                .build());
            case 4 ->
                new SagaOrchestrationStack(
                        app,
                        prefix.stackName(LAB_4),
                        StackProps.builder()
                                .description(
                                        "Wild Rydes lab 4: saga orchestration of fare collection with Step Functions (ARC314-R)")
                                .build());
            default -> throw new IllegalArgumentException("No lab " + lab + ": the labs are 1 to 4");
        }
    }

    /**
     * Checks every stack of the app with the construct library's app-wide checks (nothing invokes a
     * JavaFunction's unpublished version; state machine names do not collide) and cdk-nag's
     * AwsSolutions pack. Call it once the app's stacks exist.
     * <p>
     * The library's checks are given each stack here rather than applied as an aspect: an aspect
     * defined in Java is called back from the jsii kernel for every construct of the app (about a
     * thousand round trips for the four labs) only to pick out the stacks, which the app knows already.
     * What each stack is checked for is the same.
     */
    public static void addChecks(App app) {
        addLibraryChecks(app);
        addNagPack(app);
    }

    /**
     * Gives each stack of the app the construct library's app-wide checks, without cdk-nag's pack
     * (what {@link #addChecks} adds besides). Call it once the app's stacks exist.
     */
    public static void addLibraryChecks(App app) {
        WildRydesChecks checks = new WildRydesChecks();
        for (IConstruct child : app.getNode().getChildren()) {
            if (child instanceof Stack) {
                checks.visit(child);
            }
        }
    }

    /** Checks every stack of the app with cdk-nag's AwsSolutions pack, reporting each finding's rule and reason. */
    public static void addNagPack(App app) {
        Aspects.of(app)
                .add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    }
}
