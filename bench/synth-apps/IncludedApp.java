import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.infra.WildRydesApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cloudformation.include.CfnInclude;
import software.amazon.awscdk.cloudformation.include.CfnIncludeProps;

/**
 * The floor of bench/synth: the framework producing our templates without our constructs.
 * {@code IncludedApp <cloud assembly> [nag]} brings each template of an assembly our app synthesized
 * in whole with {@code CfnInclude}, one stack each under the same name, and with {@code nag} adds
 * the same cdk-nag pack as our app ({@code WildRydesApp.addNagPack}); not our construct library's own
 * checks, which look for our constructs and are part of what our app costs. Two things of each template
 * are left to the stack to add again, as it adds them to ours: the CDKMetadata resource and its
 * condition (version reporting), and the bootstrap version parameter and rule (the stack's
 * synthesizer adds none, so the template's own stand).
 */
public final class IncludedApp {
    public static void main(String[] args) throws IOException {
        Path assembly = Path.of(args[0]);
        Path trimmed = Files.createTempDirectory("included-templates");
        ObjectMapper json = new ObjectMapper();
        App app = new App();
        List<Path> templates;
        try (Stream<Path> files = Files.list(assembly)) {
            templates = files.filter(file -> file.getFileName().toString().endsWith(".template.json"))
                    .sorted()
                    .toList();
        }
        for (Path template : templates) {
            String stackName = template.getFileName().toString().replace(".template.json", "");
            ObjectNode body = (ObjectNode) json.readTree(template.toFile());
            ((ObjectNode) body.path("Resources")).remove("CDKMetadata");
            if (body.path("Conditions") instanceof ObjectNode conditions) {
                conditions.remove("CDKMetadataAvailable");
                if (conditions.isEmpty()) {
                    body.remove("Conditions");
                }
            }
            Path copy = trimmed.resolve(template.getFileName());
            json.writeValue(copy.toFile(), body);
            Stack stack = new Stack(app, stackName, StackProps.builder()
                    .synthesizer(DefaultStackSynthesizer.Builder.create()
                            .generateBootstrapVersionRule(false)
                            .build())
                    .build());
            new CfnInclude(stack, "Template", CfnIncludeProps.builder()
                    .templateFile(copy.toString())
                    .build());
        }
        if (args.length > 1 && args[1].equals("nag")) {
            WildRydesApp.addNagPack(app);
        }
        app.synth();
    }
}
