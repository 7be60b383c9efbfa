package com.wildrydes.test.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.local.LocalLab;
import com.wildrydes.local.RepositoryRoot;
import com.wildrydes.local.iam.IamReport;
import com.wildrydes.local.iam.TemplatePolicies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IAM proof of the local end-to-end runs: each lab a test ran is checked (every AWS call it
 * made, and what those imply, allowed by the template's policies, or the test fails naming the
 * denied call), and every run's calls count towards {@code test/target/iam-unused-grants/<stack>.json}
 * and {@code .md}: per role of the stack, the identity grants no run used. One file per stack, because
 * each stack's end-to-end test class may run in either surefire fork.
 */
public final class IamProof {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** stack, then role, then "action on template resource", then whether any run used it. */
    private static final Map<String, Map<String, Map<String, Boolean>>> GRANTS = new TreeMap<>();

    private static final Map<String, long[]> FIGURES = new TreeMap<>();

    private IamProof() {}

    /** Checks the lab's run so far; call it before closing the lab. Fails when any call was denied. */
    public static synchronized IamReport verify(String stack, LocalLab lab) {
        IamReport report = lab.iamReport();
        Map<String, Map<String, Boolean>> roles = GRANTS.computeIfAbsent(stack, s -> new TreeMap<>());
        for (IamReport.GrantUse use : report.grants()) {
            TemplatePolicies.Grant grant = use.grant();
            roles.computeIfAbsent(grant.roleLogicalId(), r -> new TreeMap<>())
                    .merge(grant.action() + " on " + grant.templateResource(), use.used(), Boolean::logicalOr);
        }
        long[] figures = FIGURES.computeIfAbsent(stack, s -> new long[3]);
        figures[0] += report.recordedCalls();
        figures[1] += report.evaluatedCalls();
        figures[2] += report.denials().size();
        write(stack);
        report.assertNoDenials();
        return report;
    }

    private static void write(String written) {
        Path target = RepositoryRoot.path().resolve("test/target/iam-unused-grants");
        ObjectNode json = JSON.createObjectNode();
        StringBuilder md = new StringBuilder("# IAM proof of the local end-to-end runs\n\n")
                .append(
                        "| stack | calls recorded | distinct calls evaluated (with implied) | denied |\n|---|---|---|---|\n");
        Map.of(written, FIGURES.get(written))
                .forEach((stack, f) -> md.append("| ")
                        .append(stack)
                        .append(" | ")
                        .append(f[0])
                        .append(" | ")
                        .append(f[1])
                        .append(" | ")
                        .append(f[2])
                        .append(" |\n"));
        md.append("\n| stack | role | granted | used | unused (logs, X-Ray: not exercised locally) | unused, other |\n")
                .append("|---|---|---|---|---|---|\n");
        Map.of(written, GRANTS.get(written)).forEach((stack, roles) -> {
            ObjectNode stackNode = json.putObject(stack);
            roles.forEach((role, grants) -> {
                ArrayNode unused = stackNode.putArray(role);
                int used = 0;
                int notExercised = 0;
                StringBuilder other = new StringBuilder();
                for (Map.Entry<String, Boolean> grant : grants.entrySet()) {
                    if (grant.getValue()) {
                        used++;
                        continue;
                    }
                    unused.add(grant.getKey());
                    if (grant.getKey().startsWith("logs:") || grant.getKey().startsWith("xray:")) {
                        notExercised++;
                    } else {
                        other.append(other.length() == 0 ? "" : "; ").append(grant.getKey());
                    }
                }
                md.append("| ")
                        .append(stack)
                        .append(" | ")
                        .append(role)
                        .append(" | ")
                        .append(grants.size())
                        .append(" | ")
                        .append(used)
                        .append(" | ")
                        .append(notExercised)
                        .append(" | ")
                        .append(other.length() == 0 ? "none" : other.toString().replace("|", "\\|"))
                        .append(" |\n");
            });
        });
        try {
            Files.createDirectories(target);
            Files.writeString(
                    target.resolve(written + ".json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            Files.writeString(target.resolve(written + ".md"), md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
