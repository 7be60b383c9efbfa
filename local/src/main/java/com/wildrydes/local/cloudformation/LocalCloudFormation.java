package com.wildrydes.local.cloudformation;

import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.endpoint.AwsService;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.s3.ObjectStore;
import com.wildrydes.local.ssm.ParameterStore;
import com.wildrydes.local.sts.Roles;
import java.util.List;
import java.util.Map;

/**
 * CloudFormation of the local account: deployed stacks brought up as the bootstrap's control-plane
 * resources (bucket, parameter, roles) or as a running lab, and the API that deploys them.
 */
public final class LocalCloudFormation implements AutoCloseable {

    private final Stacks stacks;
    private final CloudFormationService service;

    public LocalCloudFormation(
            RunningEngines engines, LocalSettings settings, ObjectStore s3, ParameterStore ssm, Roles roles) {
        LabProvisioner lab = new LabProvisioner(engines, s3, settings);
        this.stacks = new Stacks(List.of(new ControlPlaneProvisioner(s3, ssm, roles), lab), ssm);
        this.service = new CloudFormationService(stacks, s3);
    }

    public AwsService service() {
        return service;
    }

    /** The running lab of a deployed stack (for its IAM proof and its functions), or null. */
    public LocalLab lab(String stackName) {
        try {
            StackRecord stack = stacks.find(stackName);
            return stack.running instanceof LabProvisioner.Up up ? up.lab : null;
        } catch (StackParameters.ValidationError e) {
            return null;
        }
    }

    /** The running labs of the deployed stacks, by stack name. */
    public Map<String, LocalLab> labs() {
        Map<String, LocalLab> labs = new java.util.TreeMap<>();
        stacks.live().forEach(stack -> {
            if (stack.running instanceof LabProvisioner.Up up) {
                labs.put(stack.name, up.lab);
            }
        });
        return labs;
    }

    /** The live stacks' names and statuses. */
    public Map<String, String> statuses() {
        Map<String, String> statuses = new java.util.TreeMap<>();
        stacks.live().forEach(stack -> statuses.put(stack.name, stack.status));
        return statuses;
    }

    @Override
    public void close() {
        stacks.close();
    }
}
