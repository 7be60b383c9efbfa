package com.wildrydes.local.deploy;

import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.cloudformation.LocalCloudFormation;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.s3.ObjectStore;
import com.wildrydes.local.s3.S3Service;
import com.wildrydes.local.ssm.ParameterStore;
import com.wildrydes.local.ssm.SsmService;
import com.wildrydes.local.sts.Roles;
import com.wildrydes.local.sts.StsService;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the CDK CLI's bootstrap, deploy and destroy talk to, as one local AWS account: STS, SSM,
 * S3 and CloudFormation, sharing the staging bucket's objects, the parameters and the roles, with
 * deployed labs running on the engines. Its services go behind the single local endpoint by their
 * SigV4 service names.
 */
public final class LocalAccount implements AutoCloseable {

    private final LocalCloudFormation cloudFormation;
    private final Map<String, AwsService> services;

    public LocalAccount(RunningEngines engines, LocalSettings settings, Path objects) {
        ObjectStore s3 = new ObjectStore(objects);
        ParameterStore ssm = new ParameterStore();
        Roles roles = new Roles();
        this.cloudFormation = new LocalCloudFormation(engines, settings, s3, ssm, roles);
        this.services = Map.of(
                "sts", new StsService(roles),
                "ssm", new SsmService(ssm),
                "s3", new S3Service(s3),
                "cloudformation", cloudFormation.service());
    }

    /** The services by SigV4 service name ({@code sts}, {@code ssm}, {@code s3}, {@code cloudformation}). */
    public Map<String, AwsService> services() {
        return services;
    }

    /**
     * Everything the single local endpoint serves for this account: STS, SSM, S3 and CloudFormation
     * of the deploy path, the engines' DynamoDB, SQS and SNS, and Lambda, CloudWatch Logs and Step
     * Functions over the deployed labs, as the local command serves them for its labs.
     */
    public com.wildrydes.local.endpoint.LocalServices endpointServices(RunningEngines engines) {
        java.util.function.Supplier<java.util.List<com.wildrydes.local.LocalLab>> labs =
                () -> java.util.List.copyOf(cloudFormation.labs().values());
        java.util.List<com.wildrydes.local.endpoint.AwsService> served =
                new java.util.ArrayList<>(com.wildrydes.local.endpoint.EngineProxy.forEngines(
                        engines.dynamoDbEndpoint(), engines.snsSqsEndpoint()));
        served.add(new com.wildrydes.local.endpoint.lambda.LambdaService(labs));
        served.add(new com.wildrydes.local.endpoint.logs.LogsService(labs));
        served.add(new com.wildrydes.local.endpoint.stepfunctions.StepFunctionsService(labs));
        com.wildrydes.local.endpoint.Protocol query = com.wildrydes.local.endpoint.Protocol.QUERY;
        served.add(new OnTheEndpoint("sts", java.util.Set.of(), query, services.get("sts")));
        served.add(new OnTheEndpoint(
                "ssm",
                java.util.Set.of("AmazonSSM"),
                com.wildrydes.local.endpoint.Protocol.AWS_JSON_1_1,
                services.get("ssm")));
        served.add(new OnTheEndpoint("s3", java.util.Set.of(), query, services.get("s3")));
        served.add(new OnTheEndpoint("cloudformation", java.util.Set.of(), query, services.get("cloudformation")));
        return new com.wildrydes.local.endpoint.LocalServices(served);
    }

    public LocalCloudFormation cloudFormation() {
        return cloudFormation;
    }

    @Override
    public void close() {
        cloudFormation.close();
    }
}
