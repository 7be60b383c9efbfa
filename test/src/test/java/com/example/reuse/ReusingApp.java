package com.example.reuse;

import com.wildrydes.constructs.WildRydesChecks;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;

/**
 * A team's own CDK app, apart from this project: it knows nothing but the library's public API,
 * and brings its own topics, queues and functions, mostly imported from elsewhere. One stack is
 * pinned to an account and region, one is environment-agnostic, as real apps have both.
 */
final class ReusingApp {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final String ORDERS_TOPIC = "arn:aws:sns:eu-west-1:123456789012:orders";
    static final String BIG_ORDERS_LIVE = "arn:aws:lambda:eu-west-1:123456789012:function:big-orders:live";
    static final String INVOICING_V7 = "arn:aws:lambda:eu-west-1:123456789012:function:invoicing:7";

    private ReusingApp() {}

    /** The team's app, with the library's app-wide checks applied as its documentation says. */
    static App newApp() {
        App app = new App();
        Aspects.of(app).add(new WildRydesChecks());
        return app;
    }

    /** A stack deployed to one known account and region. */
    static Stack pinnedStack() {
        return new Stack(
                newApp(),
                "TeamStack",
                StackProps.builder()
                        .env(Environment.builder()
                                .account(ACCOUNT)
                                .region(REGION)
                                .build())
                        .build());
    }

    /** A stack that takes its account and region from the CLI at deploy time. */
    static Stack agnosticStack() {
        return new Stack(newApp(), "PortableStack");
    }

    static ITopic orders(Stack stack) {
        return Topic.fromTopicArn(stack, "Orders", ORDERS_TOPIC);
    }

    /** The team's own Java function, in the same app. */
    static Function ownFunction(Stack stack, String id) {
        return Function.Builder.create(stack, id)
                .runtime(Runtime.JAVA_21)
                .handler("com.example.Handler")
                .code(jar(stack, id))
                .build();
    }

    static Code jar(Stack stack, String id) {
        return Code.fromBucket(Bucket.fromBucketName(stack, id + "Bucket", "team-artifacts"), id + ".jar");
    }

    static IFunction importedFunction(Stack stack, String id, String arn) {
        return Function.fromFunctionArn(stack, id, arn);
    }

    /** Synthesizes the whole app, as `cdk synth` would, and returns the stack's template. */
    static Template synth(Stack stack) {
        return Template.fromStack(stack);
    }

    static Annotations annotations(Stack stack) {
        return Annotations.fromStack(stack);
    }

    /** Builds a stack with {@code body} and synthesizes it; the exception synthesis throws, if any. */
    static RuntimeException synthesisError(Consumer<Stack> body) {
        Stack stack = pinnedStack();
        try {
            body.accept(stack);
            CloudAssembly assembly = ((App) stack.getNode().getRoot()).synth();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    static List<String> allMessages(Throwable error) {
        return error == null ? List.of() : List.of(String.valueOf(error.getMessage()));
    }
}
