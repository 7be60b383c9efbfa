package com.wildrydes.test.lab4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.local.RepositoryRoot;
import com.wildrydes.test.engines.EngineFixtures;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.stepfunctions.LambdaBridge;
import com.wildrydes.test.stepfunctions.LocalStepFunctions;
import com.wildrydes.test.stepfunctions.LocalStepFunctions.Execution;
import com.wildrydes.test.stepfunctions.TemplateDefinition;
import com.wildrydes.test.support.SynthesizedApp;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The saga a learner builds by following docs/lab4-build-the-saga.md, kept as the guide's final
 * definition (docs/lab4/saga-from-the-guide.asl.json): valid ASL, every placeholder an output of the
 * lab 4 stack, and, run offline on the workshop's five sample inputs, the same path, status and
 * error as the finished saga of the template.
 */
@ExtendWith(LocalEngines.class)
class SagaGuideDefinitionTest {

    static final java.nio.file.Path GUIDE_DEFINITION =
            RepositoryRoot.path().resolve("docs/lab4/saga-from-the-guide.asl.json");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    private EngineFixtures fixtures;
    private LambdaBridge lambdas;
    private String finished;
    private String guide;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void deployBothOnTheLocalEngines() throws Exception {
        fixtures = new EngineFixtures(LocalEngines.get());
        Map<String, Object> template =
                SynthesizedApp.template(WildRydesApp.LAB_4).toJSON();
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        String table = fixtures.createTable("fareId", null);
        String topic = fixtures.createTopic();
        Map<String, String> handlers = new LinkedHashMap<>();
        Map<String, String> byOutput = new LinkedHashMap<>();
        byOutput.put("FaresTableName", table);
        byOutput.put("FareProcessingTopicArn", topic);
        for (String function : List.of("ChargeFare", "CreditCustomerAccount", "RefundFare")) {
            String functionId = functionId(resources, function);
            String arn = "arn:aws:lambda:us-east-1:000000000000:function:" + function + ":live";
            handlers.put(arn, (String)
                    ((Map<String, Object>) ((Map<String, Object>) resources.get(functionId)).get("Properties"))
                            .get("Handler"));
            byOutput.put(function + "FunctionArn", arn);
        }
        lambdas = new LambdaBridge(handlers);
        finished = TemplateDefinition.resolve(template, "FareCollectionSagaStateMachine", ref -> {
            String type = String.valueOf(((Map<String, Object>) resources.get(ref)).get("Type"));
            return switch (type) {
                case "AWS::DynamoDB::Table" -> table;
                case "AWS::SNS::Topic" -> topic;
                case "AWS::Lambda::Alias" ->
                    byOutput.get(ref.substring(0, ref.indexOf("FunctionLiveAlias")) + "FunctionArn");
                default -> throw new IllegalArgumentException(ref + " of type " + type);
            };
        });
        Matcher placeholders = PLACEHOLDER.matcher(Files.readString(GUIDE_DEFINITION));
        StringBuilder resolved = new StringBuilder();
        while (placeholders.find()) {
            placeholders.appendReplacement(resolved, Matcher.quoteReplacement(byOutput.get(placeholders.group(1))));
        }
        guide = placeholders.appendTail(resolved).toString();
    }

    @AfterEach
    void stopTheBridge() {
        lambdas.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGuidesDefinitionIsValidAndNamesOnlyOutputsOfTheStack() throws Exception {
        Map<String, Object> outputs = (Map<String, Object>)
                SynthesizedApp.template(WildRydesApp.LAB_4).toJSON().get("Outputs");
        Matcher placeholders = PLACEHOLDER.matcher(Files.readString(GUIDE_DEFINITION));
        TreeSet<String> named = new TreeSet<>();
        while (placeholders.find()) {
            named.add(placeholders.group(1));
        }
        assertEquals(
                new TreeSet<>(List.of(
                        "ChargeFareFunctionArn",
                        "CreditCustomerAccountFunctionArn",
                        "FareProcessingTopicArn",
                        "FaresTableName",
                        "RefundFareFunctionArn")),
                named);
        assertTrue(outputs.keySet().containsAll(named), "outputs " + outputs.keySet());
        assertNull(LocalStepFunctions.validationErrors(guide));
    }

    /**
     * Workflow Studio puts the function a learner picks into the task as its unqualified or $LATEST ARN: the
     * start-here machine's role may invoke those of the three payment functions (as the original's may), and
     * their live aliases, which the guide uses.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theStartHereRoleMayInvokeThePaymentFunctionsAsWorkflowStudioPicksThem() throws Exception {
        Map<String, Object> resources = (Map<String, Object>)
                SynthesizedApp.template(WildRydesApp.LAB_4).toJSON().get("Resources");
        String policy = resources.entrySet().stream()
                .filter(e -> e.getKey().startsWith("StartHereStateMachineRoleDefaultPolicy"))
                .map(e -> json(e.getValue()))
                .findFirst()
                .orElseThrow();
        for (String function : List.of("ChargeFare", "CreditCustomerAccount", "RefundFare")) {
            String functionId = functionId(resources, function);
            String arn = "{\"Fn::GetAtt\":[\"" + functionId + "\",\"Arn\"]}";
            assertTrue(policy.contains(arn), function + ": unqualified ARN not allowed in " + policy);
            assertTrue(
                    policy.contains("[\"\",[" + arn + ",\":$LATEST\"]]"),
                    function + ": $LATEST not allowed in " + policy);
        }
    }

    @SuppressWarnings("unchecked")
    private static String functionId(Map<String, Object> resources, String function) {
        return resources.entrySet().stream()
                .filter(e -> e.getKey().startsWith(function + "Function")
                        && "AWS::Lambda::Function".equals(((Map<String, Object>) e.getValue()).get("Type")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "customerId {0}")
    @ValueSource(strings = {"3", "3_fail_auth", "3_fail_charge", "3_fail_credit", "3_fail_refund"})
    void theGuidesSagaTakesTheFinishedSagasPathOnEachSampleInput(String customerId) throws Exception {
        Execution expected = run(finished, customerId);
        Execution actual = run(guide, customerId);

        assertEquals(expected.states(), actual.states(), "path of " + customerId);
        assertEquals(expected.status(), actual.status());
        assertEquals(expected.error(), actual.error());
        List<String> statuses = new ArrayList<>();
        fixtures.dynamoDb()
                .scan(scan -> scan.tableName(tableOf(guide)))
                .items()
                .forEach(item -> statuses.add(item.get("fareStatus").s()));
        assertEquals(2, statuses.size());
        assertEquals(statuses.get(0), statuses.get(1), "both leave the fare in the same status");
    }

    private Execution run(String definition, String customerId) throws Exception {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("customerId", customerId);
        input.put("fareId", "wr_" + UUID.randomUUID().toString().substring(0, 8));
        input.put("fareAmount", "$20.00");
        input.put("cc", "2424 2424 2424 2424");
        input.put("expiryDate", "12/22");
        input.put("cvv", "111");
        return LocalStepFunctions.run(
                definition,
                input,
                Map.of(
                        "dynamoDbEndpoint",
                                LocalEngines.get().dynamoDbEndpoint().toString(),
                        "snsEndpoint", LocalEngines.get().snsSqsEndpoint().toString(),
                        "lambdaBridge", lambdas.endpoint().toString()));
    }

    private static String tableOf(String definition) {
        Matcher table = Pattern.compile("\"TableName\"\\s*:\\s*\"([^\"]+)\"").matcher(definition);
        assertTrue(table.find());
        return table.group(1);
    }
}
