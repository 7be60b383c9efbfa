package com.wildrydes.local.deploy;

import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.cloudformation.LocalCloudFormation;
import com.wildrydes.local.endpoint.AwsService;
import com.wildrydes.local.endpoint.EngineProxy;
import com.wildrydes.local.endpoint.LocalServices;
import com.wildrydes.local.endpoint.lambda.LambdaService;
import com.wildrydes.local.endpoint.logs.LogsService;
import com.wildrydes.local.endpoint.stepfunctions.StepFunctionsService;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.s3.ObjectStore;
import com.wildrydes.local.s3.S3Service;
import com.wildrydes.local.ssm.ParameterStore;
import com.wildrydes.local.ssm.SsmService;
import com.wildrydes.local.sts.Roles;
import com.wildrydes.local.sts.StsService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the CDK CLI's bootstrap, deploy and destroy talk to, as one local AWS account: STS, SSM,
 * S3 and CloudFormation, sharing the staging bucket's objects, the parameters and the roles, with
 * deployed labs running on the engines. Its services go behind the single local endpoint by their
 * SigV4 service names.
 */
public final class LocalAccount implements AutoCloseable {

    private final LocalCloudFormation cloudFormation;
    private final List<AwsService> deployServices;

    public LocalAccount(RunningEngines engines, LocalSettings settings, Path objects) {
        ObjectStore s3 = new ObjectStore(objects);
        ParameterStore ssm = new ParameterStore();
        Roles roles = new Roles();
        this.cloudFormation = new LocalCloudFormation(engines, settings, s3, ssm, roles);
        this.deployServices =
                List.of(new StsService(roles), new SsmService(ssm), new S3Service(s3), cloudFormation.service());
    }

    /**
     * Everything the single local endpoint serves for this account: STS, SSM, S3 and CloudFormation
     * of the deploy path, the engines' DynamoDB, SQS and SNS, and Lambda, CloudWatch Logs and Step
     * Functions over the deployed labs, as the local command serves them for its labs.
     */
    public LocalServices endpointServices(RunningEngines engines) {
        Supplier<List<LocalLab>> labs = () -> List.copyOf(cloudFormation.labs().values());
        List<AwsService> served =
                new ArrayList<>(EngineProxy.forEngines(engines.dynamoDbEndpoint(), engines.snsSqsEndpoint()));
        served.add(new LambdaService(labs));
        served.add(new LogsService(labs));
        served.add(new StepFunctionsService(labs));
        served.addAll(deployServices);
        return new LocalServices(served);
    }

    public LocalCloudFormation cloudFormation() {
        return cloudFormation;
    }

    @Override
    public void close() {
        cloudFormation.close();
    }
}
