package com.wildrydes.constructs.rfq;

import static com.wildrydes.constructs.TestStacks.assertMessage;

import com.wildrydes.constructs.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.amazon.awscdk.services.logs.RetentionDays;

/** The request for quotes' own four functions run in the reuser's network, with their layers, tracing and log settings. */
class RfqFunctionsReuseTest {

    private static ScatterGatherRfqProps.Builder oneResponder(Stack stack) {
        return ScatterGatherRfqProps.builder()
                .code(TestStacks.jarCode(stack))
                .externalResponderCount(1)
                .responderNames(List.of("partner"));
    }

    @Test
    void everyFunctionOfTheConstructTakesTheReusersVpcLayersTracingAndLogGroupProps() {
        Stack stack = TestStacks.newStack();
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).build();
        SecurityGroup group =
                SecurityGroup.Builder.create(stack, "Group").vpc(vpc).build();
        new ScatterGatherRfq(
                stack,
                "Rfq",
                oneResponder(stack)
                        .functionVpc(vpc)
                        .functionSecurityGroups(List.of(group))
                        .functionLayers(List.of(LayerVersion.fromLayerVersionArn(
                                stack, "Layer", "arn:aws:lambda:us-east-1:111111111111:layer:tools:3")))
                        .functionTracing(Tracing.ACTIVE)
                        .functionLogGroupProps(LogGroupProps.builder()
                                .retention(RetentionDays.ONE_YEAR)
                                .build())
                        .build());
        Template template = Template.fromStack(stack);
        template.resourcePropertiesCountIs(
                "AWS::Lambda::Function",
                Map.of(
                        "VpcConfig",
                        Match.objectLike(Map.of(
                                "SecurityGroupIds",
                                List.of(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Group.*"), "GroupId"))))),
                        "Layers",
                        List.of("arn:aws:lambda:us-east-1:111111111111:layer:tools:3"),
                        "TracingConfig",
                        Map.of("Mode", "Active")),
                4);
        template.resourcePropertiesCountIs("AWS::Logs::LogGroup", Map.of("RetentionInDays", 365), 4);
    }

    @Test
    void oneLogGroupNameForFourFunctionsIsRefused() {
        assertMessage(
                "Rfq: ScatterGatherRfq: functionLogGroupProps must not name the log group (each of the construct's "
                        + "four functions has its own), got logGroupName /rfq",
                () -> {
                    Stack stack = TestStacks.newStack();
                    new ScatterGatherRfq(
                            stack,
                            "Rfq",
                            oneResponder(stack)
                                    .functionLogGroupProps(LogGroupProps.builder()
                                            .logGroupName("/rfq")
                                            .build())
                                    .build());
                });
    }
}
