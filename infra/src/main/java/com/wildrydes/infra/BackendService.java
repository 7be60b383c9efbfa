package com.wildrydes.infra;

import com.wildrydes.constructs.FilterPolicy;

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

    /** The filter on the message attributes, or null for every ride. */
    FilterPolicy filter() {
        return filterPolicy == null ? null : FilterPolicy.onMessageAttributes(filterPolicy);
    }
}
