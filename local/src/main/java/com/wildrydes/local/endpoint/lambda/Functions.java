package com.wildrydes.local.endpoint.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.LocalLab;
import com.wildrydes.local.endpoint.AwsError;
import com.wildrydes.local.endpoint.AwsResponse;
import com.wildrydes.local.lambda.LocalFunction;
import com.wildrydes.local.template.LocalIds;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The running labs' functions as Lambda names them, and how Lambda describes them. */
final class Functions {

    private static final String ARN_PREFIX =
            "arn:aws:lambda:" + LocalIds.REGION + ":" + LocalIds.ACCOUNT + ":function:";

    private final Supplier<List<LocalLab>> labs;

    Functions(Supplier<List<LocalLab>> labs) {
        this.labs = labs;
    }

    /** A function found in a lab, and the qualifier it was called with ({@code $LATEST}, a version or an alias). */
    record Resolved(LocalLab lab, LocalFunction function, String qualifier) {

        /** The version an invocation runs: the alias's version, or {@code $LATEST}. */
        String executedVersion() {
            return qualifier == null || qualifier.equals("$LATEST") ? "$LATEST" : "1";
        }

        String codeLocation() {
            return "file://local/" + function.name() + ".jar";
        }
    }

    /**
     * The function a name, ARN, partial ARN, {@code name:alias} or qualified ARN names (with the
     * {@code Qualifier} parameter, if any); Lambda's ResourceNotFoundException when none does.
     */
    Resolved resolve(String reference, String qualifierParameter) {
        String name = reference.startsWith(ARN_PREFIX) ? reference.substring(ARN_PREFIX.length()) : reference;
        if (name.startsWith(LocalIds.ACCOUNT + ":function:")) {
            name = name.substring((LocalIds.ACCOUNT + ":function:").length());
        }
        String qualifier = qualifierParameter;
        int colon = name.indexOf(':');
        if (colon >= 0) {
            String inName = name.substring(colon + 1);
            if (qualifier != null && !qualifier.equals(inName)) {
                throw new AwsError(
                        400,
                        "InvalidParameterValueException",
                        "The derived qualifier from the function name does not match the specified qualifier.");
            }
            qualifier = inName;
            name = name.substring(0, colon);
        }
        for (LocalLab lab : labs.get()) {
            LocalFunction function = lab.findFunction(name);
            if (function == null) {
                continue;
            }
            if (qualifier == null || qualifier.equals("$LATEST") || qualifier.equals("1")) {
                return new Resolved(lab, function, qualifier);
            }
            if (lab.aliases(function.name()).contains(qualifier)) {
                return new Resolved(lab, function, qualifier);
            }
        }
        throw new AwsError(
                404,
                "ResourceNotFoundException",
                "Function not found: " + ARN_PREFIX + name + (qualifier == null ? "" : ":" + qualifier));
    }

    List<Resolved> all() {
        List<Resolved> all = new ArrayList<>();
        for (LocalLab lab : labs.get()) {
            lab.functions().values().stream()
                    .sorted(java.util.Comparator.comparing(LocalFunction::name))
                    .forEach(function -> all.add(new Resolved(lab, function, null)));
        }
        return all;
    }

    /** GetAlias's answer; Lambda's ResourceNotFoundException when the function has no such alias. */
    ObjectNode alias(String functionReference, String alias) {
        Resolved function = resolve(functionReference, null);
        if (!function.lab().aliases(function.function().name()).contains(alias)) {
            throw new AwsError(
                    404,
                    "ResourceNotFoundException",
                    "Alias not found: " + function.function().arn() + ":" + alias);
        }
        ObjectNode answer = AwsResponse.object();
        answer.put("AliasArn", function.function().arn() + ":" + alias);
        answer.put("Name", alias);
        answer.put("FunctionVersion", "1");
        answer.put("Description", "");
        answer.put(
                "RevisionId", java.util.UUID.nameUUIDFromBytes(alias.getBytes()).toString());
        return answer;
    }

    /** The function's configuration as GetFunctionConfiguration gives it, from the template. */
    ObjectNode configuration(Resolved resolved) {
        LocalFunction function = resolved.function();
        JsonNode properties = resolved.lab().functionProperties(function.name());
        ObjectNode configuration = AwsResponse.object();
        configuration.put("FunctionName", function.name());
        configuration.put(
                "FunctionArn",
                function.arn()
                        + (resolved.qualifier() == null || resolved.qualifier().equals("$LATEST")
                                ? ""
                                : ":" + resolved.qualifier()));
        configuration.put("Runtime", properties.path("Runtime").asText());
        configuration.put("Role", properties.path("Role").asText());
        configuration.put("Handler", function.handler());
        configuration.put("Description", properties.path("Description").asText(""));
        configuration.put("Timeout", function.timeout().toSeconds());
        configuration.put("MemorySize", properties.path("MemorySize").asInt(128));
        configuration.put("LastModified", resolved.lab().startedAt().toString().replace("Z", "+0000"));
        configuration.put("Version", resolved.executedVersion());
        configuration.put("State", "Active");
        configuration.put("LastUpdateStatus", "Successful");
        configuration.put("PackageType", "Zip");
        configuration.set(
                "Architectures",
                properties.path("Architectures").isMissingNode()
                        ? AwsResponse.object().arrayNode().add("x86_64")
                        : properties.path("Architectures"));
        if (properties.path("Environment").has("Variables")) {
            configuration
                    .putObject("Environment")
                    .set("Variables", properties.path("Environment").path("Variables"));
        }
        if (properties.has("LoggingConfig")) {
            configuration.set("LoggingConfig", properties.get("LoggingConfig"));
        }
        String snapStart = properties.path("SnapStart").path("ApplyOn").asText("None");
        configuration
                .putObject("SnapStart")
                .put("ApplyOn", snapStart)
                .put("OptimizationStatus", snapStart.equals("None") ? "Off" : "On");
        return configuration;
    }
}
