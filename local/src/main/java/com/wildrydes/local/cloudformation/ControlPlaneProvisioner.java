package com.wildrydes.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.s3.ObjectStore;
import com.wildrydes.local.ssm.ParameterStore;
import com.wildrydes.local.sts.Roles;
import com.wildrydes.local.template.Intrinsics;
import com.wildrydes.local.template.LocalIds;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kinds of resources the CDK bootstrap stack (CDKToolkit) is made of, as far as deploying
 * relies on them: its staging bucket exists in local S3, its version parameter in local SSM, its
 * roles can be assumed through local STS. Repositories, keys and policies are recorded with the
 * names and ARNs AWS would give them and have no further local effect (nothing enforces them on
 * the CLI's calls).
 */
final class ControlPlaneProvisioner implements Provisioner {

    static final Set<String> TYPES = Set.of(
            "AWS::S3::Bucket",
            "AWS::S3::BucketPolicy",
            "AWS::SSM::Parameter",
            "AWS::IAM::Role",
            "AWS::IAM::Policy",
            "AWS::IAM::ManagedPolicy",
            "AWS::ECR::Repository",
            "AWS::KMS::Key",
            "AWS::KMS::Alias",
            "AWS::CDK::Metadata");

    private final ObjectStore s3;
    private final ParameterStore ssm;
    private final Roles roles;

    ControlPlaneProvisioner(ObjectStore s3, ParameterStore ssm, Roles roles) {
        this.s3 = s3;
        this.ssm = ssm;
        this.roles = roles;
    }

    @Override
    public boolean accepts(JsonNode template) {
        for (JsonNode resource : template.path("Resources")) {
            if (!TYPES.contains(resource.path("Type").asText())) {
                return false;
            }
        }
        return template.path("Resources").size() > 0;
    }

    @Override
    public String check(JsonNode template) {
        return null;
    }

    @Override
    public Running start(
            String stackName,
            JsonNode template,
            Map<String, String> parameters,
            Running previous,
            List<ResourceChange> changes) {
        if (previous != null) {
            previous.stop();
        }
        JsonNode applied = new TemplateConditions(template, parameters).apply(template);
        LocalIds ids = new LocalIds();
        parameters.forEach((name, value) -> ids.put(name, value, Map.of()));
        Intrinsics intrinsics = new Intrinsics(ids);
        Up up = new Up(applied);
        List<String> pending = new ArrayList<>();
        applied.path("Resources").fieldNames().forEachRemaining(pending::add);
        // In dependency order: a resource whose references are not up yet waits for the next pass.
        while (!pending.isEmpty()) {
            List<String> waiting = new ArrayList<>();
            RuntimeException unresolved = null;
            for (String logicalId : pending) {
                JsonNode resource = applied.path("Resources").get(logicalId);
                String type = resource.path("Type").asText();
                try {
                    create(stackName, logicalId, type, resource.path("Properties"), ids, intrinsics, up);
                } catch (IllegalStateException e) {
                    waiting.add(logicalId);
                    unresolved = e;
                } catch (RuntimeException e) {
                    up.delete();
                    throw new ResourceFailure(logicalId, type, String.valueOf(e.getMessage()), e);
                }
            }
            if (waiting.size() == pending.size()) {
                up.delete();
                String logicalId = waiting.get(0);
                throw new ResourceFailure(
                        logicalId,
                        applied.path("Resources").path(logicalId).path("Type").asText(),
                        String.valueOf(unresolved.getMessage()),
                        unresolved);
            }
            pending = waiting;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = applied.path("Outputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> output = it.next();
            up.outputs.put(output.getKey(), intrinsics.text(output.getValue().get("Value")));
        }
        if (previous instanceof Up old) {
            // What the old template had and the new one does not is removed, as an update's clean-up does.
            old.undo.keySet().stream()
                    .filter(id -> !up.undo.containsKey(id))
                    .forEach(id -> old.undo.get(id).run());
        }
        return up;
    }

    private void create(
            String stackName,
            String logicalId,
            String type,
            JsonNode properties,
            LocalIds ids,
            Intrinsics intrinsics,
            Up up) {
        String account = LocalIds.ACCOUNT;
        String region = LocalIds.REGION;
        switch (type) {
            case "AWS::S3::Bucket" -> {
                String bucket = properties.has("BucketName")
                        ? intrinsics.text(properties.get("BucketName"))
                        : (stackName + "-" + logicalId).toLowerCase();
                s3.createBucket(bucket);
                ids.put(
                        logicalId,
                        bucket,
                        Map.of(
                                "Arn", "arn:aws:s3:::" + bucket,
                                "DomainName", bucket + ".s3.amazonaws.com",
                                "RegionalDomainName", bucket + ".s3." + region + ".amazonaws.com"));
                up.created(logicalId, bucket, () -> s3.deleteBucket(bucket));
            }
            case "AWS::SSM::Parameter" -> {
                String name = properties.has("Name") ? intrinsics.text(properties.get("Name")) : "CFN-" + logicalId;
                ssm.put(name, intrinsics.text(properties.get("Type")), intrinsics.text(properties.get("Value")));
                ids.put(logicalId, name, Map.of("Type", "String", "Value", intrinsics.text(properties.get("Value"))));
                up.created(logicalId, name, () -> ssm.delete(name));
            }
            case "AWS::IAM::Role" -> {
                String name = properties.has("RoleName")
                        ? intrinsics.text(properties.get("RoleName"))
                        : stackName + "-" + logicalId;
                String arn = "arn:aws:iam::" + account + ":role/" + name;
                roles.created(arn, stackName);
                ids.put(logicalId, name, Map.of("Arn", arn, "RoleId", "AROA" + Integer.toHexString(arn.hashCode())));
                up.created(logicalId, name, () -> roles.deleted(arn));
            }
            case "AWS::ECR::Repository" -> {
                String name = properties.has("RepositoryName")
                        ? intrinsics.text(properties.get("RepositoryName"))
                        : (stackName + "-" + logicalId).toLowerCase();
                ids.put(
                        logicalId,
                        name,
                        Map.of(
                                "Arn", "arn:aws:ecr:" + region + ":" + account + ":repository/" + name,
                                "RepositoryUri", account + ".dkr.ecr." + region + ".amazonaws.com/" + name));
                up.created(logicalId, name, () -> {});
            }
            case "AWS::KMS::Key" -> {
                String keyId = java.util
                        .UUID
                        .nameUUIDFromBytes((stackName + logicalId).getBytes())
                        .toString();
                ids.put(
                        logicalId,
                        keyId,
                        Map.of("Arn", "arn:aws:kms:" + region + ":" + account + ":key/" + keyId, "KeyId", keyId));
                up.created(logicalId, keyId, () -> {});
            }
            case "AWS::IAM::ManagedPolicy" -> {
                String name = properties.has("ManagedPolicyName")
                        ? intrinsics.text(properties.get("ManagedPolicyName"))
                        : stackName + "-" + logicalId;
                ids.put(logicalId, "arn:aws:iam::" + account + ":policy/" + name, Map.of());
                up.created(logicalId, "arn:aws:iam::" + account + ":policy/" + name, () -> {});
            }
            default -> {
                // Policies, aliases, metadata: recorded, with their properties resolved so a reference
                // to something missing fails here as it would in CloudFormation.
                intrinsics.resolve(properties);
                String physical = stackName + "-" + logicalId;
                ids.put(logicalId, physical, Map.of());
                up.created(logicalId, physical, () -> {});
            }
        }
    }

    /** What one control-plane stack created, with how to undo each. */
    private static final class Up implements Running {

        private final JsonNode template;
        private final Map<String, String> outputs = new LinkedHashMap<>();
        private final Map<String, String> physicalIds = new LinkedHashMap<>();
        private final Map<String, Runnable> undo = new LinkedHashMap<>();

        Up(JsonNode template) {
            this.template = template;
        }

        void created(String logicalId, String physicalId, Runnable remove) {
            physicalIds.put(logicalId, physicalId);
            undo.put(logicalId, remove);
        }

        @Override
        public Map<String, String> outputs() {
            return outputs;
        }

        @Override
        public Map<String, String> physicalIds() {
            return physicalIds;
        }

        @Override
        public void stop() {}

        @Override
        public void delete() {
            List<String> logicalIds = new ArrayList<>(undo.keySet());
            java.util.Collections.reverse(logicalIds);
            for (String logicalId : logicalIds) {
                if (!"Retain"
                        .equals(template.path("Resources")
                                .path(logicalId)
                                .path("DeletionPolicy")
                                .asText())) {
                    undo.get(logicalId).run();
                }
            }
        }
    }
}
