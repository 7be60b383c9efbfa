package com.wildrydes.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.s3.ObjectStore;
import com.wildrydes.local.template.CloudAssembly;
import com.wildrydes.local.template.FailedResource;
import com.wildrydes.local.template.Intrinsics;
import com.wildrydes.local.template.LocalIds;
import com.wildrydes.local.template.ResourceTypes;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lab's stack: its template and the uploaded assets brought up by {@link LocalLab} on the
 * engines, the same way the local command brings a lab up from {@code cdk.out}. An update stops the
 * lab's functions, pollers and APIs, removes the engine resources the change set removes or
 * replaces, and brings the new template up on the rest (tables keep their items, queues their
 * messages). A delete removes the engine resources except those whose DeletionPolicy is Retain.
 */
final class LabProvisioner implements Provisioner {

    private final RunningEngines engines;
    private final ObjectStore s3;
    private final LocalSettings settings;

    LabProvisioner(RunningEngines engines, ObjectStore s3, LocalSettings settings) {
        this.engines = engines;
        this.s3 = s3;
        this.settings = settings;
    }

    @Override
    public boolean accepts(JsonNode template) {
        return true;
    }

    @Override
    public String check(JsonNode template) {
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        template.path("Resources").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            try {
                ResourceTypes.requireKnown(
                        resource.getKey(), resource.getValue().path("Type").asText());
            } catch (ResourceTypes.UnsupportedResourceException e) {
                return e.getMessage();
            }
        }
        return null;
    }

    @Override
    public Running start(
            String stackName,
            JsonNode template,
            Map<String, String> parameters,
            Running previous,
            List<ResourceChange> changes) {
        Map<String, Path> assets = assets(template);
        StackEngineResources engineSide = new StackEngineResources(engines, settings.namePrefix() + stackName);
        if (previous instanceof Up old) {
            old.stop();
            for (ResourceChange change : changes) {
                boolean gone = change.action().equals("Remove") || "True".equals(change.replacement());
                if (gone && !old.retained(change.logicalId())) {
                    engineSide.remove(
                            change.logicalId(), old.template.path("Resources").path(change.logicalId()));
                }
            }
            // Subscriptions are made again by the new template; the old ones would deliver twice.
            engineSide.unsubscribeAll(old.template);
        }
        try {
            LocalLab lab = LocalLab.start(CloudAssembly.of(stackName, template, assets), engines, settings);
            return new Up(lab, template, engineSide);
        } catch (RuntimeException e) {
            // LocalLab stopped what it started in this JVM; the engine-side resources it made go too,
            // so nothing of a failed stack keeps running (an update's rollback brings the old ones back).
            if (previous == null) {
                engineSide.removeAll(template, logicalId -> false);
            }
            FailedResource failed = FailedResource.of(e);
            throw new ResourceFailure(
                    failed == null ? stackName : failed.logicalId(),
                    failed == null ? "AWS::CloudFormation::Stack" : failed.type(),
                    messages(e),
                    e);
        }
    }

    /**
     * The uploaded objects the template's functions run from, by object key. A function whose code
     * object is missing fails as in AWS, naming S3's error.
     */
    private Map<String, Path> assets(JsonNode template) {
        Intrinsics pseudo = new Intrinsics(new LocalIds());
        Map<String, Path> files = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        template.path("Resources").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            JsonNode code = resource.getValue().path("Properties").path("Code");
            if (!code.has("S3Key") || !code.has("S3Bucket")) {
                continue;
            }
            String bucket;
            String key;
            try {
                bucket = pseudo.text(code.get("S3Bucket"));
                key = pseudo.text(code.get("S3Key"));
            } catch (RuntimeException e) {
                continue;
            }
            String type = resource.getValue().path("Type").asText();
            try {
                var object = s3.get(bucket, key);
                if (object.isEmpty()) {
                    throw new ResourceFailure(
                            resource.getKey(),
                            type,
                            "Resource handler returned message: \"Error"
                                    + " occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified"
                                    + " key does not exist. (bucket " + bucket + ", key " + key + ")\"",
                            null);
                }
                files.put(key, object.get().file());
            } catch (ObjectStore.NoSuchBucketException e) {
                throw new ResourceFailure(
                        resource.getKey(),
                        type,
                        "Resource handler returned message: \"Error"
                                + " occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The specified"
                                + " bucket does not exist (" + bucket + ")\"",
                        e);
            }
        }
        return files;
    }

    private static String messages(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    /** A running lab and the template it came from. */
    static final class Up implements Running {

        final LocalLab lab;
        final JsonNode template;
        private final StackEngineResources engineSide;
        private volatile boolean stopped;

        Up(LocalLab lab, JsonNode template, StackEngineResources engineSide) {
            this.lab = lab;
            this.template = template;
            this.engineSide = engineSide;
        }

        boolean retained(String logicalId) {
            return "Retain"
                    .equals(template.path("Resources")
                            .path(logicalId)
                            .path("DeletionPolicy")
                            .asText());
        }

        @Override
        public Map<String, String> outputs() {
            return stopped ? Map.of() : lab.outputs();
        }

        @Override
        public Map<String, String> physicalIds() {
            return Map.of();
        }

        @Override
        public void stop() {
            if (!stopped) {
                stopped = true;
                lab.close();
            }
        }

        @Override
        public void delete() {
            stop();
            engineSide.unsubscribeAll(template);
            engineSide.removeAll(template, this::retained);
        }
    }
}
