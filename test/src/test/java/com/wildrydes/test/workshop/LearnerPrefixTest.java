package com.wildrydes.test.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.test.support.SynthesizedApp;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Several learners in one account and region: {@code -c prefix=alice} begins every stack name and
 * every fixed physical name (state machines, their log groups, the functions' log groups, the
 * saga's metric), so Alice's and Bob's labs never share a name. Without it nothing changes (the
 * snapshots prove that).
 */
class LearnerPrefixTest {

    private static App alice;

    @BeforeAll
    static void synthesizeAlicesLabs() throws Exception {
        alice = app(Map.of("prefix", "alice"));
    }

    @Test
    void everyStackNameBeginsWithThePrefixAndTheCliSelectsItByThatName() {
        List<String> names =
                stacks(alice).stream().map(Stack::getStackName).sorted().toList();
        assertEquals(
                List.of(
                        "alice-" + WildRydesApp.LAB_1,
                        "alice-" + WildRydesApp.LAB_2,
                        "alice-" + WildRydesApp.LAB_3,
                        "alice-" + WildRydesApp.LAB_4),
                names);
        for (Stack stack : stacks(alice)) {
            assertEquals(stack.getStackName(), stack.getNode().getId(), "cdk deploy takes the name the learner sees");
            assertEquals(
                    List.of(),
                    Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")),
                    stack.getStackName() + ": cdk-nag errors with a prefix");
        }
    }

    /** Every text in the template that names the lab's stack (a fixed name built from it) names Alice's. */
    @ParameterizedTest(name = "lab {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void everyFixedNameBuiltFromTheStackNameIsPrefixed(int lab) throws Exception {
        String base = OriginalWorkshopOutputsTest.stackOf(lab);
        String prefixed = new ObjectMapper()
                .writeValueAsString(
                        Template.fromStack(stack(alice, "alice-" + base)).toJSON());
        String unprefixed = new ObjectMapper()
                .writeValueAsString(SynthesizedApp.template(base).toJSON());
        assertTrue(unprefixed.contains(base), "the unprefixed template names its stack somewhere");
        List<String> unprefixedUses = new ArrayList<>();
        Matcher uses = Pattern.compile("(.{0,40})" + Pattern.quote(base)).matcher(prefixed);
        while (uses.find()) {
            if (!uses.group(1).endsWith("alice-")) {
                unprefixedUses.add(uses.group());
            }
        }
        assertEquals(List.of(), unprefixedUses, "names without the prefix in alice-" + base);
        String compact = base.replace("-", "");
        assertTrue(
                !prefixed.contains("\"" + compact) && !prefixed.contains("/" + compact),
                "a name derived from the construct path carries the prefix too");
    }

    @Test
    void theFixedNamesOfLabFourAreAlices() {
        Template template = Template.fromStack(stack(alice, "alice-" + WildRydesApp.LAB_4));
        template.hasResourceProperties(
                "AWS::StepFunctions::StateMachine",
                Map.of("StateMachineName", "alice-wild-rydes-async-msg-4-start-here"));
        template.hasResourceProperties(
                "AWS::StepFunctions::StateMachine",
                Map.of("StateMachineName", "alice-wild-rydes-async-msg-4-complete"));
        template.hasResourceProperties(
                "AWS::Logs::LogGroup",
                Map.of("LogGroupName", "/aws/lambda/alice-wild-rydes-async-msg-4-ChargeFareFunction"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Alice", "alice smith", "-alice", "alice-", "a_b", "abcdefghijklmnopqrstuvwxyzabcde"})
    void aPrefixThatCannotBeginEveryNameStopsSynthesisSayingWhatWasGiven(String prefix) {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> app(Map.of("prefix", prefix)));
        assertTrue(
                error.getMessage().contains("prefix") && error.getMessage().contains("'" + prefix + "'"),
                error.getMessage());
    }

    private static App app(Map<String, Object> extraContext) throws Exception {
        Map<String, Object> context = new LinkedHashMap<>(SynthesizedApp.cdkJsonContext());
        context.putAll(extraContext);
        App app = new App(AppProps.builder()
                .context(context)
                .outdir(Files.createTempDirectory("wild-rydes-prefixed").toString())
                .build());
        WildRydesApp.addLabs(app);
        app.synth();
        return app;
    }

    private static Stack stack(App app, String name) {
        return stacks(app).stream()
                .filter(s -> s.getStackName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no stack " + name + " in "
                        + stacks(app).stream().map(Stack::getStackName).toList()));
    }

    private static List<Stack> stacks(App app) {
        return app.getNode().getChildren().stream()
                .filter(Stack.class::isInstance)
                .map(Stack.class::cast)
                .toList();
    }
}
