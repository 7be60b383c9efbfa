import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

/**
 * The baseline of bench/synth: a Java CDK app with one empty stack, on the same aws-cdk-lib, JVM,
 * jsii runtime and Node as ours. What it costs is the framework's own start-up (JVM, jsii kernel,
 * loading aws-cdk-lib), which every CDK app in Java pays.
 */
public final class EmptyApp {
    public static void main(String[] args) {
        App app = new App();
        new Stack(app, "empty");
        app.synth();
    }
}
