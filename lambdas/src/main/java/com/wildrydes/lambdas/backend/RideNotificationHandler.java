package com.wildrydes.lambdas.backend;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.wildrydes.lambdas.common.DemoRandom;
import com.wildrydes.lambdas.common.Environment;
import com.wildrydes.lambdas.common.EventTimestamps;

/**
 * Lab 1's backend services, subscribed straight to the ride-completion topic. One class serves
 * customer accounting, customer notification and extraordinary rides: SERVICE_NAME says which,
 * FAILURE_RATE (0 to 1) how often it fails on purpose. A failure throws, so Lambda retries the
 * asynchronous invocation and, after its retries, sends it to the on-failure destination.
 */
public class RideNotificationHandler implements RequestHandler<SNSEvent, Void> {

    private final RideBackendService service;

    public RideNotificationHandler() {
        this(new RideBackendService(
                Environment.required("SERVICE_NAME"),
                new FailureInjector(Environment.rate("FAILURE_RATE", 0), DemoRandom.create())));
        EventTimestamps.readWithoutTimeZoneDatabase();
    }

    public RideNotificationHandler(RideBackendService service) {
        this.service = service;
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            service.process(record.getSNS().getMessageId(), record.getSNS().getMessage());
        }
        return null;
    }
}
