package com.wildrydes.lambdas.rfq;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.wildrydes.lambdas.common.Json;
import com.wildrydes.lambdas.common.RequestFields;
import com.wildrydes.lambdas.common.SnapStartPriming;
import com.wildrydes.lambdas.common.SqsBatches;

/**
 * Receives each request's deadline message (sent by the submit handler with the deadline as its
 * delivery delay) and closes the request if it is still open and its deadline has passed,
 * publishing the completion event. One that arrives before the deadline fails, and SQS delivers it
 * again after the queue's visibility timeout (see {@link RfqCompletion}).
 */
public class RfqDeadlineHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final RfqCompletion completion;

    public RfqDeadlineHandler() {
        this(RfqHandlerEnvironment.store(), RfqMessaging.fromEnvironment());
        SnapStartPriming.register(RfqDeadlineHandler.class, completion.primer());
    }

    public RfqDeadlineHandler(RfqStore store, RfqMessaging messaging) {
        this.completion = new RfqCompletion(store, messaging);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatches.process(event, message -> {
            String rfqId = RfqIds.requireValid(
                    new RequestFields(Json.parseObject(message.getBody())).requiredText(RfqRequest.RFQ_ID));
            completion.closeAtDeadline(rfqId, message.getMessageId(), RfqCompletion.leaseFor(context));
        });
    }
}
