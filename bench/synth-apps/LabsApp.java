import com.wildrydes.infra.WildRydesApp;
import software.amazon.awscdk.App;

/**
 * Our app with some of its labs, to see how synthesis grows with the number of stacks:
 * {@code LabsApp 1,2 nag} adds labs 1 and 2 and the cdk-nag checks, as the real app adds them
 * ({@code LabsApp 1,2,3,4 nag} is exactly {@code WildRydesApp}).
 */
public final class LabsApp {
    public static void main(String[] args) {
        App app = new App();
        for (String lab : args[0].split(",")) {
            WildRydesApp.addLab(app, Integer.parseInt(lab));
        }
        if (args.length > 1 && args[1].equals("nag")) {
            WildRydesApp.addChecks(app);
        }
        app.synth();
    }
}
