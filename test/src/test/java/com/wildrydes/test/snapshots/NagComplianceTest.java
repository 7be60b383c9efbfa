package com.wildrydes.test.snapshots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.test.support.Labs;
import com.wildrydes.test.support.SynthesizedApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/** cdk-nag's AwsSolutions pack runs on every stack: no unsuppressed error, and every suppression says why. */
class NagComplianceTest {

    private static final Pattern AWS_SOLUTIONS = Pattern.compile("AwsSolutions-.*");

    static Stream<String> stacks() {
        return Labs.stackNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void noUnsuppressedAwsSolutionsFindings(String stackName) {
        List<SynthesisMessage> messages = SynthesizedApp.messages(stackName);
        List<SynthesisMessage> errors = findings(messages, SynthesisMessageLevel.ERROR);
        List<SynthesisMessage> warnings = findings(messages, SynthesisMessageLevel.WARNING);
        assertEquals(List.of(), describe(errors), "unsuppressed cdk-nag errors");
        assertEquals(List.of(), describe(warnings), "unsuppressed cdk-nag warnings");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    @SuppressWarnings("unchecked")
    void everySuppressionGivesASpecificReason(String stackName) {
        Map<String, Object> resources = (Map<String, Object>)
                SynthesizedApp.template(stackName).toJSON().get("Resources");
        int suppressions = 0;
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            Map<String, Object> metadata =
                    (Map<String, Object>) ((Map<String, Object>) resource.getValue()).get("Metadata");
            if (metadata == null || !(metadata.get("cdk_nag") instanceof Map<?, ?> nag)) {
                continue;
            }
            for (Object rule : (List<Object>) nag.get("rules_to_suppress")) {
                Map<String, Object> suppression = (Map<String, Object>) rule;
                String reason = String.valueOf(suppression.get("reason"));
                assertTrue(
                        reason.length() >= 40,
                        resource.getKey() + " suppresses " + suppression.get("id") + " without a specific reason: "
                                + reason);
                suppressions++;
            }
        }
        assertTrue(suppressions > 0, "expected the documented suppressions to be in the template");
    }

    /** cdk-nag's AwsSolutions findings at {@code level}, as {@code Annotations.findError("*", ...)} matches them. */
    private static List<SynthesisMessage> findings(List<SynthesisMessage> messages, SynthesisMessageLevel level) {
        return messages.stream()
                .filter(message -> message.getLevel() == level)
                .filter(message -> AWS_SOLUTIONS
                        .matcher(String.valueOf(message.getEntry().getData()))
                        .find())
                .toList();
    }

    private static List<String> describe(List<SynthesisMessage> messages) {
        List<String> lines = new ArrayList<>();
        for (SynthesisMessage message : messages) {
            lines.add(message.getId() + ": " + message.getEntry().getData());
        }
        return lines;
    }
}
