package com.wildrydes.constructs.functions;

import com.wildrydes.constructs.nag.NagSuppressionMetadata;
import java.util.List;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/** A {@link JavaFunction} in the reuser's VPC: the settings that need one, and what its role needs there. */
final class FunctionNetwork {

    private FunctionNetwork() {}

    static void validate(JavaFunctionProps props) {
        if (props.getVpc() == null && (props.getVpcSubnets() != null || props.getSecurityGroups() != null)) {
            throw new IllegalArgumentException("JavaFunction: vpcSubnets and securityGroups place the function in "
                    + "a VPC, got " + (props.getVpcSubnets() != null ? "vpcSubnets" : "securityGroups")
                    + " without vpc: give vpc too");
        }
    }

    /**
     * The network interface actions Lambda takes with the function's role in a VPC. CDK adds its managed
     * policy {@code AWSLambdaVPCAccessExecutionRole} only to a role it creates itself, and this construct
     * always hands Lambda a role (its own or yours).
     */
    static Policy allowNetworkInterfaces(Construct scope, IRole role) {
        Policy policy = Policy.Builder.create(scope, "NetworkInterfacePolicy")
                .statements(List.of(PolicyStatement.Builder.create()
                        .actions(List.of(
                                "ec2:CreateNetworkInterface",
                                "ec2:DescribeNetworkInterfaces",
                                "ec2:DescribeSubnets",
                                "ec2:DeleteNetworkInterface",
                                "ec2:AssignPrivateIpAddresses",
                                "ec2:UnassignPrivateIpAddresses"))
                        .resources(List.of("*"))
                        .build()))
                .build();
        policy.attachToRole(role);
        NagSuppressionMetadata.suppress(
                policy,
                "AwsSolutions-IAM5",
                "The reuser placed the function in a VPC: Lambda creates and describes its network interfaces "
                        + "before they exist, so these EC2 actions take no narrower resource (as in AWS's "
                        + "AWSLambdaVPCAccessExecutionRole).");
        return policy;
    }
}
