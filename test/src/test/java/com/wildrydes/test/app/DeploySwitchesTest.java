package com.wildrydes.test.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.test.support.SynthesizedApp;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The deploy-time switches. {@code -c snapStart=false} deploys every lab where Lambda has no
 * SnapStart: no function asks for it, and everything else (the live alias on a published version,
 * cdk-nag) stays as it is. {@code -c alarmEmail=...} subscribes that address to each lab's alarm topic.
 */
class DeploySwitchesTest {

    private static App withoutSnapStart;

    @BeforeAll
    static void synthesizeWithTheSwitchOff() throws Exception {
        // The CLI passes -c values as strings.
        withoutSnapStart = app(Map.of("snapStart", "false", "alarmEmail", "ops@example.com"));
    }

    @Test
    void noFunctionOfAnyLabAsksForSnapStartAndEachKeepsItsLiveAlias() {
        List<Stack> stacks = stacks(withoutSnapStart);
        assertEquals(4, stacks.size());
        for (Stack stack : stacks) {
            Template template = Template.fromStack(stack);
            int functions = template.findResources("AWS::Lambda::Function").size();
            assertTrue(functions > 0, stack.getStackName());
            template.allResourcesProperties("AWS::Lambda::Function", Map.of("SnapStart", Match.absent()));
            template.resourceCountIs("AWS::Lambda::Alias", functions);
            template.resourceCountIs("AWS::Lambda::Version", functions);
            assertEquals(
                    List.of(),
                    Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")),
                    stack.getStackName() + ": cdk-nag errors without SnapStart");
        }
    }

    @Test
    void theAlarmEmailIsSubscribedToEachLabsAlarmTopicAndOnlyWhenGiven() {
        for (Stack stack : stacks(withoutSnapStart)) {
            Template.fromStack(stack)
                    .hasResourceProperties(
                            "AWS::SNS::Subscription",
                            Map.of(
                                    "Protocol",
                                    "email",
                                    "Endpoint",
                                    "ops@example.com",
                                    "TopicArn",
                                    Map.of("Ref", Match.stringLikeRegexp("^AlarmTopic[0-9A-F]{8}$"))));
        }
        for (String stack : SynthesizedApp.stackNames()) {
            assertEquals(
                    Map.of(),
                    SynthesizedApp.template(stack)
                            .findResources("AWS::SNS::Subscription", Map.of("Properties", Map.of("Protocol", "email"))),
                    stack);
        }
    }

    @Test
    void labThreesRespondersReserveConcurrencyUnlessTheAccountCannotAffordIt() throws Exception {
        Template reserved = SynthesizedApp.template(SynthesizedApp.stackNames().stream()
                .filter(name -> name.endsWith("-3"))
                .findFirst()
                .orElseThrow());
        reserved.resourcePropertiesCountIs(
                "AWS::Lambda::Function",
                Map.of(
                        "Handler",
                        Match.stringLikeRegexp(".*DemoResponderHandler.*"),
                        "ReservedConcurrentExecutions",
                        10),
                10);
        Template unreserved = Template.fromStack(lab3(app(Map.of("reserveResponderConcurrency", "false"), 3)));
        unreserved.allResourcesProperties(
                "AWS::Lambda::Function", Map.of("ReservedConcurrentExecutions", Match.absent()));
        unreserved.resourcePropertiesCountIs(
                "AWS::Lambda::Function", Map.of("Handler", Match.stringLikeRegexp(".*DemoResponderHandler.*")), 10);
    }

    @Test
    void anAlarmEmailThatIsNotAnAddressStopsSynthesis() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> app(Map.of("alarmEmail", "ops.example.com")));
        assertTrue(
                error.getMessage().contains("alarmEmail") && error.getMessage().contains("ops.example.com"),
                error.getMessage());
    }

    @Test
    void byDefaultEveryFunctionHasSnapStart() {
        for (String stack : SynthesizedApp.stackNames()) {
            SynthesizedApp.template(stack)
                    .allResourcesProperties(
                            "AWS::Lambda::Function", Map.of("SnapStart", Map.of("ApplyOn", "PublishedVersions")));
        }
    }

    @Test
    void aValueThatIsNotABooleanStopsSynthesisSayingWhatWasGiven() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> app(Map.of("snapStart", "off")));
        assertTrue(
                error.getMessage().contains("snapStart") && error.getMessage().contains("off"), error.getMessage());
        assertFalse(error.getMessage().isBlank());
    }

    private static App app(Map<String, Object> extraContext) throws Exception {
        return app(extraContext, 1, 2, 3, 4);
    }

    /** The app with only the given labs (and cdk-nag), as the CLI would synthesize it with that context. */
    private static App app(Map<String, Object> extraContext, int... labs) throws Exception {
        Map<String, Object> context = new LinkedHashMap<>(SynthesizedApp.cdkJsonContext());
        context.putAll(extraContext);
        App app = new App(AppProps.builder()
                .context(context)
                .outdir(Files.createTempDirectory("wild-rydes-no-snapstart").toString())
                .build());
        for (int lab : labs) {
            WildRydesApp.addLab(app, lab);
        }
        WildRydesApp.addChecks(app);
        app.synth();
        return app;
    }

    private static Stack lab3(App app) {
        return stacks(app).stream()
                .filter(s -> s.getStackName().endsWith("-3"))
                .findFirst()
                .orElseThrow();
    }

    private static List<Stack> stacks(App app) {
        return app.getNode().getChildren().stream()
                .filter(Stack.class::isInstance)
                .map(Stack.class::cast)
                .toList();
    }
}
