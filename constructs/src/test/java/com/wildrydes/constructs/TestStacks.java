package com.wildrydes.constructs;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;

/** Small stacks for construct tests: a fresh app each time, inline code so no asset is needed. */
public final class TestStacks {

    private TestStacks() {}

    public static Stack newStack() {
        return new Stack(new App(), "TestStack");
    }

    public static ITopic topic(Stack stack) {
        return new Topic(stack, "Topic");
    }

    public static Code inlineCode() {
        return Code.fromInline("placeholder: construct tests synthesize, they never run this");
    }

    /** A jar in a bucket: Java runtimes take no inline code, and a bucket needs no asset staging. */
    public static Code jarCode(Stack stack) {
        return Code.fromBucket(Bucket.fromBucketName(stack, "CodeBucket", "code-bucket"), "handlers.jar");
    }

    public static IFunction function(Stack stack, String id) {
        return Function.Builder.create(stack, id)
                .runtime(Runtime.NODEJS_22_X)
                .handler("index.handler")
                .code(inlineCode())
                .build();
    }

    /** Asserts that {@code construct} is refused with a message containing {@code expected}. */
    public static void assertMessage(String expected, org.junit.jupiter.api.function.Executable construct) {
        IllegalArgumentException error =
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, construct);
        org.junit.jupiter.api.Assertions.assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
