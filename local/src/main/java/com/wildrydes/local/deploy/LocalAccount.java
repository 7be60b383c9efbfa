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

    public LocalCloudFormation cloudFormation() {
        return cloudFormation;
    }

    @Override
    public void close() {
        cloudFormation.close();
    }
}
