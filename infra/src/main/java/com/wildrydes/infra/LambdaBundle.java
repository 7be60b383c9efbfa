package com.wildrydes.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.lambda.Code;

/**
 * What the sibling {@code lambdas} module builds: one package per handler class
 * ({@code lambdas/target/functions/<handler class>.jar}, holding only what that class can reach), which
 * every function deploys, beside the jar of every handler ({@code wild-rydes-lambdas.jar}), which
 * teams reusing the constructs with one asset take; and the handler names.
 */
public final class LambdaBundle {

    /** Overrides where the whole jar is looked for; the packages are looked for in functions/ beside it. */
    public static final String JAR_PROPERTY = "wildrydes.lambdas.jar";

    static final String JAR_IN_REPO = "lambdas/target/wild-rydes-lambdas.jar";

    public static final String SUBMIT_RIDE_COMPLETION =
            "com.wildrydes.lambdas.rides.SubmitRideCompletionHandler::handleRequest";
    public static final String RIDE_NOTIFICATION =
            "com.wildrydes.lambdas.backend.RideNotificationHandler::handleRequest";
    public static final String CHARGE_FARE = "com.wildrydes.lambdas.fares.ChargeFareHandler::handleRequest";
    public static final String CREDIT_CUSTOMER_ACCOUNT =
            "com.wildrydes.lambdas.fares.CreditCustomerAccountHandler::handleRequest";
    public static final String REFUND_FARE = "com.wildrydes.lambdas.fares.RefundFareHandler::handleRequest";
    public static final String RIDE_QUEUE = "com.wildrydes.lambdas.backend.RideQueueHandler::handleRequest";

    private LambdaBundle() {}

    /**
     * The jar of every handler as one Lambda code asset. The learner start states (learn/) deploy it:
     * the learner's own handlers change from step to step and have no package of their own.
     */
    public static Code code() {
        Path jar = jarPath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The Lambda jar " + jar + " does not exist. Build it first with "
                    + "`mvn -B -DskipTests -pl lambdas,infra -am package` from the repository root "
                    + "(`npx cdk synth` runs that build for you).");
        }
        return Code.fromAsset(jar.toString());
    }

    /**
     * The package of {@code handler}'s class as a Lambda code asset; stops synthesis with how to build
     * it when it is missing.
     *
     * @param handler a handler as Lambda names it, {@code package.Class::method}
     */
    public static Code code(String handler) {
        Path jar = packagePath(handler);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The Lambda package " + jar + " does not exist. Build it first with "
                    + "`mvn -B -DskipTests -pl lambdas,infra -am package` from the repository root "
                    + "(`npx cdk synth` runs that build for you).");
        }
        return Code.fromAsset(jar.toString());
    }

    /** Each of {@code handlerClasses}' packages by the class's simple name, all in package {@code javaPackage}. */
    public static Map<String, Code> codeByClass(String javaPackage, List<String> handlerClasses) {
        Map<String, Code> packages = new LinkedHashMap<>();
        for (String handlerClass : handlerClasses) {
            packages.put(handlerClass, code(javaPackage + "." + handlerClass + "::handleRequest"));
        }
        return packages;
    }

    /** Where {@code handler}'s package is: {@code functions/<simple class name>.jar} beside the whole jar. */
    public static Path packagePath(String handler) {
        String handlerClass = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        String simpleName = handlerClass.substring(handlerClass.lastIndexOf('.') + 1);
        return jarPath().resolveSibling("functions").resolve(simpleName + ".jar");
    }

    /** The whole jar's path: the system property if set, else lambdas/target under the repository root. */
    public static Path jarPath() {
        String override = System.getProperty(JAR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Paths.get(override).toAbsolutePath();
        }
        Path dir = Paths.get("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("cdk.json")) && Files.isDirectory(candidate.resolve("lambdas"))) {
                return candidate.resolve(JAR_IN_REPO);
            }
        }
        return dir.resolve(JAR_IN_REPO);
    }
}
