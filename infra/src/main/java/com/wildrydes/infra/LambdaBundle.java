package com.wildrydes.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The shaded jar built by the sibling {@code lambdas} module, holding every handler, and the
 * handler names in it. Every function of every lab deploys this one asset.
 */
public final class LambdaBundle {

    /** Overrides where the jar is looked for. */
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

    /** The jar as a Lambda code asset; stops synthesis with how to build it when it is missing. */
    public static Code code() {
        Path jar = jarPath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The Lambda jar " + jar + " does not exist. Build it first with "
                    + "`mvn -B -DskipTests -pl lambdas,infra -am package` from the repository root "
                    + "(`npx cdk synth` runs that build for you).");
        }
        return Code.fromAsset(jar.toString());
    }

    /** The jar's path: the system property if set, else lambdas/target under the repository root. */
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
