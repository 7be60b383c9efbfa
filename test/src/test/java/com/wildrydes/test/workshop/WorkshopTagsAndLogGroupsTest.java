package com.wildrydes.test.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.test.support.SynthesizedApp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a learner finds in the console: every taggable resource tagged with the project, the
 * workshop and the lab (as the original tags its resources, plus the lab, to tell four labs apart
 * in one account); and each function's log group under /aws/lambda/, named after the stack and the
 * function, where the workshop's steps send the learner.
 */
class WorkshopTagsAndLogGroupsTest {

    /** The resource types in our stacks that CloudFormation can tag. */
    static final Set<String> TAGGABLE = Set.of(
            "AWS::ApiGateway::RestApi",
            "AWS::ApiGateway::Stage",
            "AWS::CloudWatch::Alarm",
            "AWS::DynamoDB::Table",
            "AWS::IAM::Role",
            "AWS::KMS::Key",
            "AWS::Lambda::Function",
            "AWS::Lambda::EventSourceMapping",
            "AWS::Logs::LogGroup",
            "AWS::SNS::Topic",
            "AWS::SQS::Queue",
            "AWS::StepFunctions::StateMachine");

    @ParameterizedTest(name = "lab {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    @SuppressWarnings("unchecked")
    void everyTaggableResourceCarriesProjectWorkshopAndLab(int lab) {
        Map<String, Object> resources =
                (Map<String, Object>) SynthesizedApp.template(OriginalWorkshopOutputsTest.stackOf(lab))
                        .toJSON()
                        .get("Resources");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("lab", String.valueOf(lab));
        expected.put("project", "wild-rydes");
        expected.put("workshop", "asynchronous-messaging-workshop");
        List<String> untagged = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Object> entry : resources.entrySet()) {
            Map<String, Object> resource = (Map<String, Object>) entry.getValue();
            Map<String, Object> properties = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
            if (!TAGGABLE.contains(resource.get("Type")) && !properties.containsKey("Tags")) {
                continue;
            }
            checked++;
            Map<String, String> tags = new LinkedHashMap<>();
            for (Object tag : (List<Object>) properties.getOrDefault("Tags", List.of())) {
                Map<String, Object> pair = (Map<String, Object>) tag;
                tags.put(String.valueOf(pair.get("Key")), String.valueOf(pair.get("Value")));
            }
            for (Map.Entry<String, String> want : expected.entrySet()) {
                if (!want.getValue().equals(tags.get(want.getKey()))) {
                    untagged.add(entry.getKey() + " (" + resource.get("Type") + ") " + tags);
                    break;
                }
            }
        }
        assertTrue(checked > 10);
        assertEquals(List.of(), untagged, "resources without project, workshop and lab tags");
    }

    @ParameterizedTest(name = "lab {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    @SuppressWarnings("unchecked")
    void eachFunctionLogsUnderAwsLambdaNamedAfterTheStackAndTheFunction(int lab) {
        String stack = OriginalWorkshopOutputsTest.stackOf(lab);
        Map<String, Object> resources =
                (Map<String, Object>) SynthesizedApp.template(stack).toJSON().get("Resources");
        Pattern name = Pattern.compile("/aws/lambda/" + Pattern.quote(stack) + "-[A-Za-z0-9]+");
        Set<String> names = new HashSet<>();
        int functions = 0;
        for (Map.Entry<String, Object> entry : resources.entrySet()) {
            Map<String, Object> resource = (Map<String, Object>) entry.getValue();
            if (!"AWS::Lambda::Function".equals(resource.get("Type"))) {
                continue;
            }
            functions++;
            Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
            Object ref = ((Map<String, Object>) ((Map<String, Object>) properties.get("LoggingConfig")).get("LogGroup"))
                    .get("Ref");
            Object logGroupName = ((Map<String, Object>) ((Map<String, Object>) resources.get(ref)).get("Properties"))
                    .get("LogGroupName");
            assertTrue(
                    logGroupName instanceof String text && name.matcher(text).matches(),
                    entry.getKey() + " logs to " + logGroupName + ", expected " + name);
            String function = ((String) logGroupName).substring(("/aws/lambda/" + stack + "-").length());
            assertTrue(
                    entry.getKey().contains(function),
                    entry.getKey() + ": log group named after another function, " + logGroupName);
            assertTrue(((String) logGroupName).length() <= 512, "CloudWatch Logs' limit");
            assertTrue(names.add((String) logGroupName), "two functions share " + logGroupName);
        }
        assertFalse(functions == 0);
    }
}
