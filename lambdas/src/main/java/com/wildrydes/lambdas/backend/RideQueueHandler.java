package com.wildrydes.lambdas.backend;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.wildrydes.lambdas.common.DemoRandom;
import com.wildrydes.lambdas.common.Environment;
import com.wildrydes.lambdas.common.SqsBatches;

/**
 * Lab 2's backend services, each behind its own queue. One class serves all three: SERVICE_NAME
 * says which, FAILURE_RATE (0 to 1) how often a message fails on purpose.
 * <p>
 * Each message of a batch is processed on its own. A message that fails is reported as a batch
 * item failure: only it returns to the queue (visible again after the visibility timeout) and,
 * after the queue's max receive count, moves to the dead-letter queue. The rest of the batch is
 * deleted and not processed again.
 */
public class RideQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final RideBackendService service;

    public RideQueueHandler() {
        this(new RideBackendService(
                Environment.required("SERVICE_NAME"),
                new FailureInjector(Environment.rate("FAILURE_RATE", 0), DemoRandom.create())));
    }

    public RideQueueHandler(RideBackendService service) {
        this.service = service;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatches.process(event, message -> service.process(message.getMessageId(), message.getBody()));
    }
}
