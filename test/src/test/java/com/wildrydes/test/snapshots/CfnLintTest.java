package com.wildrydes.test.snapshots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.test.support.SynthesizedApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every lab's synthesized template passes cfn-lint (AWS's CloudFormation linter, installed on the
 * build machines) with no error and no warning but W3005: CDK gives each function a
 * {@code DependsOn} its role that a {@code GetAtt} already implies, which is harmless and not ours
 * to change. A resource property CloudFormation would refuse at deploy time fails here instead.
 */
class CfnLintTest {

    /** The one finding we accept, with the reason above. */
    private static final String CDK_ROLE_DEPENDS_ON = "W3005";

    @Test
    void everyLabTemplatePassesCfnLint() throws IOException, InterruptedException {
        Path cdkOut = SynthesizedApp.cloudAssembly();
        List<String> templates;
        try (Stream<Path> files = Files.list(cdkOut)) {
            templates = files.map(Path::toString)
                    .filter(name -> name.endsWith(".template.json"))
                    .sorted()
                    .collect(Collectors.toList());
        }
        assertEquals(4, templates.size(), "the four labs' templates in " + cdkOut + ": " + templates);

        List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable", "--"));
        command.addAll(templates);
        Process lint = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(5, TimeUnit.MINUTES), "cfn-lint finished");

        // parseable: file:line:column:endLine:endColumn:RULE:message
        List<String> findings = output.lines()
                .filter(line -> !line.isBlank())
                .filter(line -> !CDK_ROLE_DEPENDS_ON.equals(rule(line)))
                .collect(Collectors.toList());
        assertEquals(List.of(), findings, "cfn-lint findings other than " + CDK_ROLE_DEPENDS_ON);
        // cfn-lint exits 0 when clean, 4 with warnings only; 2 (errors) or anything else fails.
        int exit = lint.exitValue();
        assertTrue(exit == 0 || exit == 4, "cfn-lint exit status " + exit + ":\n" + output);
    }

    private static String rule(String line) {
        String[] fields = line.split(":", 7);
        return fields.length == 7 ? fields[5] : line;
    }
}
