package com.wildrydes.infra;

import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.functions.JavaFunctionProps;
import com.wildrydes.constructs.messaging.FilterPolicy;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

/** The workshop's three backend services of labs 1 and 2, and which rides each receives. */
enum BackendService {
    CUSTOMER_ACCOUNTING("CustomerAccounting", "customer-accounting", null),
    CUSTOMER_NOTIFICATION("CustomerNotification", "customer-notification", null),
    EXTRAORDINARY_RIDES("ExtraordinaryRides", "extraordinary-rides", BackendService.EXTRAORDINARY_RIDES_FILTER);

    /** The workshop's extraordinary-rides filter: a fare of 50 or more and a distance of 20 or more. */
    static final String EXTRAORDINARY_RIDES_FILTER =
            "{\"fare\": [{\"numeric\": [\">=\", 50]}], \"distance\": [{\"numeric\": [\">=\", 20]}]}";
    /** The deployed demo fails one message in two, as the workshop does, to show the retries. */
    static final String DEMO_FAILURE_RATE = "0.5";

    /** The prefix of the service's construct IDs and outputs. */
    final String id;
    /** SERVICE_NAME in the function's environment and its log lines. */
    final String serviceName;

    private final String filterPolicy;

    BackendService(String id, String serviceName, String filterPolicy) {
        this.id = id;
        this.serviceName = serviceName;
        this.filterPolicy = filterPolicy;
    }

    /** The service's function: the given handler, configured with SERVICE_NAME and the demo's failure rate. */
    JavaFunction createFunction(Construct scope, Code code, String handler, String lab, LabSettings settings) {
        return new JavaFunction(
                scope,
                id + "Function",
                JavaFunctionProps.builder()
                        .code(code)
                        .handler(handler)
                        .description("Wild Rydes " + serviceName + " service (" + lab + ")")
                        .memorySize(512)
                        .timeout(Duration.seconds(10))
                        .snapStart(settings.snapStart())
                        .environment(Map.of("SERVICE_NAME", serviceName, "FAILURE_RATE", DEMO_FAILURE_RATE))
                        .build());
    }

    /** The filter on the message attributes, or null for every ride. */
    FilterPolicy filter() {
        return filterPolicy == null ? null : FilterPolicy.onMessageAttributes(filterPolicy);
    }
}
