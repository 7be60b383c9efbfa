package com.example.reuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * docs/reuse.md's snippets (the README links there), compiled and synthesized exactly as printed,
 * in an app that applies {@code WildRydesChecks} as the page says:
 * one stack whose constructor runs them in order, after declaring the few things each snippet
 * says the reader already has (an operators' role, an ops topic, their own functions and queue).
 */
class ReadmeReuseSnippetsTest {

    private static final Path REUSE_PAGE = Path.of("..", "docs", "reuse.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

    /** What the snippets take as given, named as docs/reuse.md names them. */
    private static final String READER_ALREADY_HAS = """
            IRole operatorsRole = Role.fromRoleArn(this, "Operators", "arn:aws:iam::123456789012:role/operators");
            IRole partnerRole = Role.fromRoleArn(this, "Partner", "arn:aws:iam::123456789012:role/partner");
            IRole checkoutService = Role.fromRoleArn(this, "Checkout", "arn:aws:iam::123456789012:role/checkout");
            ITopic opsTopic = Topic.fromTopicArn(this, "Ops", "arn:aws:sns:eu-west-1:123456789012:ops");
            IQueue bookingQueue = Queue.fromQueueArn(this, "Booking", "arn:aws:sqs:eu-west-1:123456789012:booking");
            IFunction pricingServiceA = Function.fromFunctionArn(this, "PricingA", "arn:aws:lambda:eu-west-1:123456789012:function:pricing-a");
            IFunction pricingServiceB = Function.fromFunctionArn(this, "PricingB", "arn:aws:lambda:eu-west-1:123456789012:function:pricing-b:live");
            IFunction paymentGateway = Function.fromFunctionArn(this, "Payments", "arn:aws:lambda:eu-west-1:123456789012:function:payments");
            IFunction ledger = Function.fromFunctionArn(this, "Ledger", "arn:aws:lambda:eu-west-1:123456789012:function:ledger:3");
            IFunction refunds = Function.fromFunctionArn(this, "Refunds", "arn:aws:lambda:eu-west-1:123456789012:function:refunds");
            """;

    private static final Pattern IMPORTS_BLOCK = Pattern.compile("```text\n(import .*?)```", Pattern.DOTALL);

    @Test
    void theReuseSnippetsCompileAndSynthesizeAsPrinted() throws Exception {
        List<String> snippets = reuseSnippets();
        assertTrue(snippets.size() >= 4, "expected the four constructs' snippets, found " + snippets.size());
        placeTheHandlersJarWhereTheReadmePutsIt();

        Path sources = Files.createTempDirectory("readme-snippets");
        Path source = sources.resolve("readme/ReadmeStack.java");
        Files.createDirectories(source.getParent());
        Files.writeString(
                source,
                "package readme;\n" + readmeImports() + "import software.constructs.Construct;\n"
                        + "public class ReadmeStack extends Stack {\n"
                        + "  public ReadmeStack(Construct scope) {\n"
                        + "    super(scope, \"ReadmeStack\", StackProps.builder().env(Environment.builder()"
                        + ".account(\"123456789012\").region(\"eu-west-1\").build()).build());\n"
                        + READER_ALREADY_HAS + String.join("\n", snippets) + "\n  }\n}\n");

        StringWriter diagnostics = new StringWriter();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        boolean compiled = compiler.getTask(
                        diagnostics,
                        null,
                        null,
                        List.of(
                                "-classpath",
                                        System.getProperty(
                                                "surefire.test.class.path", System.getProperty("java.class.path")),
                                "-d", sources.toString()),
                        null,
                        compiler.getStandardFileManager(null, null, null).getJavaFileObjects(source.toFile()))
                .call();
        assertTrue(compiled, "docs/reuse.md's snippets do not compile:\n" + diagnostics);

        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {sources.toUri().toURL()}, getClass().getClassLoader())) {
            App app = ReusingApp.newApp();
            Stack stack = (Stack) loader.loadClass("readme.ReadmeStack")
                    .getConstructor(software.constructs.Construct.class)
                    .newInstance(app);
            CloudAssembly assembly = app.synth();
            assertFalse(assembly.getStacks().isEmpty());
            Template template = Template.fromStack(stack);
            // The saga, and the one on the reader's own table (EXPRESS, as its snippet asks).
            template.resourceCountIs("AWS::StepFunctions::StateMachine", 2);
            template.resourcePropertiesCountIs(
                    "AWS::StepFunctions::StateMachine", java.util.Map.of("StateMachineType", "EXPRESS"), 1);
            // The chain and the tuned chain, whose eventSourceProps reach its mapping.
            template.resourcePropertiesCountIs(
                    "AWS::Lambda::EventSourceMapping",
                    java.util.Map.of("FunctionName", "arn:aws:lambda:eu-west-1:123456789012:function:big-orders:live"),
                    2);
            template.resourcePropertiesCountIs("AWS::Lambda::EventSourceMapping", java.util.Map.of("BatchSize", 5), 1);
        }
    }

    /** The imports docs/reuse.md lists for its snippets. */
    static String readmeImports() throws IOException {
        Matcher imports = IMPORTS_BLOCK.matcher(reuseSection());
        assertTrue(imports.find(), REUSE_PAGE + " lists no imports");
        return imports.group(1);
    }

    /** The page's java blocks, in order. */
    static List<String> reuseSnippets() throws IOException {
        Matcher blocks = JAVA_BLOCK.matcher(reuseSection());
        List<String> snippets = new ArrayList<>();
        while (blocks.find()) {
            snippets.add(blocks.group(1));
        }
        return snippets;
    }

    private static String reuseSection() throws IOException {
        return Files.readString(REUSE_PAGE);
    }

    /** The page copies the handlers jar to target/lambda/ (maven-dependency-plugin); so does this test. */
    private static void placeTheHandlersJarWhereTheReadmePutsIt() throws IOException {
        Path built = Path.of("..", "lambdas", "target", "wild-rydes-lambdas.jar");
        assertTrue(Files.isRegularFile(built), "build the lambdas module first: " + built.toAbsolutePath());
        Path placed = Path.of("target", "lambda", "wild-rydes-lambdas.jar");
        Files.createDirectories(placed.getParent());
        Files.copy(built, placed, StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Files.size(built), Files.size(placed));
    }
}
