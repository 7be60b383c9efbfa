package com.wildrydes.constructs.functions;

import static com.wildrydes.constructs.TestStacks.assertMessage;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.wildrydes.constructs.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Tracing;

/** A JavaFunction runs with the reuser's role, in their VPC, with their layers and tracing. */
class JavaFunctionReuseTest {

    private static JavaFunctionProps.Builder jar(Stack stack) {
        return JavaFunctionProps.builder().code(TestStacks.jarCode(stack)).handler("a.B::handleRequest");
    }

    @Test
    void runsWithTheReusersRoleVpcSecurityGroupLayersAndTracingAndStillWritesItsLogs() {
        Stack stack = TestStacks.newStack();
        Role role = Role.Builder.create(stack, "PlatformRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).build();
        SecurityGroup group =
                SecurityGroup.Builder.create(stack, "Group").vpc(vpc).build();
        ILayerVersion layer =
                LayerVersion.fromLayerVersionArn(stack, "Layer", "arn:aws:lambda:us-east-1:111111111111:layer:tools:3");
        JavaFunction fn = new JavaFunction(
                stack,
                "Fn",
                jar(stack)
                        .role(role)
                        .vpc(vpc)
                        .vpcSubnets(SubnetSelection.builder()
                                .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                .build())
                        .securityGroups(List.of(group))
                        .layers(List.of(layer))
                        .tracing(Tracing.ACTIVE)
                        .build());
        Template template = Template.fromStack(stack);

        assertSame(role, fn.getFunction().getRole());
        template.resourceCountIs("AWS::IAM::Role", 1);
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "Role", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("PlatformRole.*"), "Arn")),
                        "VpcConfig",
                                Map.of(
                                        "SecurityGroupIds",
                                        List.of(Map.of(
                                                "Fn::GetAtt", List.of(Match.stringLikeRegexp("Group.*"), "GroupId")))),
                        "Layers", List.of("arn:aws:lambda:us-east-1:111111111111:layer:tools:3"),
                        "TracingConfig", Map.of("Mode", "Active")));
        // The reuser's role may still write the function's logs, and create its network interfaces.
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Map.of(
                        "PolicyDocument",
                        Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(
                                        Map.of("Action", List.of("logs:CreateLogStream", "logs:PutLogEvents")))))),
                        "Roles",
                        List.of(Map.of("Ref", Match.stringLikeRegexp("PlatformRole.*")))));
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Map.of(
                        "PolicyDocument",
                        Map.of(
                                "Statement",
                                List.of(Match.objectLike(
                                        Map.of("Action", Match.arrayWith(List.of("ec2:CreateNetworkInterface")))))),
                        "Roles",
                        List.of(Map.of("Ref", Match.stringLikeRegexp("PlatformRole.*")))));
        template.hasResource(
                "AWS::Lambda::Function",
                Map.of("DependsOn", Match.arrayWith(List.of(Match.stringLikeRegexp("FnNetworkInterfacePolicy.*")))));
    }

    @Test
    void securityGroupsWithoutAVpcAreRefused() {
        Stack stack = TestStacks.newStack();
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(1).build();
        assertMessage(
                "TestStack/Fn: JavaFunction: vpcSubnets and securityGroups place the function in a VPC, got "
                        + "securityGroups without vpc: give vpc too",
                () -> new JavaFunction(
                        stack,
                        "Fn",
                        jar(stack)
                                .securityGroups(List.of(SecurityGroup.Builder.create(stack, "Group")
                                        .vpc(vpc)
                                        .build()))
                                .build()));
    }
}
