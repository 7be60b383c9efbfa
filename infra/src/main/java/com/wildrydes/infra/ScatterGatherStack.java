package com.wildrydes.infra;

import com.wildrydes.constructs.rfq.ScatterGatherRfq;
import com.wildrydes.constructs.rfq.ScatterGatherRfqProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.Method;
import software.constructs.Construct;

/**
 * Lab 3, scatter-gather: the instant ride request for quotes with the workshop's ten demo
 * responders ({@link DemoResponders}), each available one time in two and taking up to a minute to
 * answer.
 */
public class ScatterGatherStack extends Stack {

    public ScatterGatherStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        LabSettings settings = LabSettings.of(this);
        ScatterGatherRfq rfq = new ScatterGatherRfq(
                this,
                "RideBooking",
                ScatterGatherRfqProps.builder()
                        .handlerCode(LambdaBundle.codeByClass(
                                "com.wildrydes.lambdas.rfq", ScatterGatherRfqProps.HANDLER_CLASSES))
                        .snapStart(settings.snapStart())
                        // Public on purpose: the learners call the API with curl (the workshop's choice,
                        // whose cdk-nag findings are suppressed here with their reasons).
                        .apiAuthorizationType(AuthorizationType.NONE)
                        .build());
        PublicWorkshopApi.suppressNagFindings(rfq.getApi(), rfq.getApiMethods().toArray(new Method[0]));
        // Before the alarms are read: each responder's subscription brings its own.
        DemoResponders.addTo(rfq, LambdaBundle.code(DemoResponders.HANDLER), settings);
        LabAlarms.create(this, settings).notifyOn(rfq.getAlarms());
        LabStacks.destroyOnDelete(this);
        LabStacks.tagWorkshopResources(this, 3);

        RideCompletionSource.output(
                this,
                "RideBookingApiSubmitInstantRideRfqEndpoint",
                rfq.getSubmitUrl(),
                "POST a request for quotes here");
        // Ends with /{id}, as the original's: the workshop's query command cuts the URL at '{' and appends the rfq-id.
        RideCompletionSource.output(
                this,
                "RideBookingApiQueryInstantRideRfqEndpoint",
                rfq.getQueryUrl() + "/{id}",
                "GET this URL with {id} replaced by an rfq-id: its quotes and state");
        RideCompletionSource.output(
                this, "RequestForQuotesTopicArn", rfq.getRequestTopic().getTopicArn(), "Responders subscribe here");
        RideCompletionSource.output(
                this,
                "RfqCompletionTopicArn",
                rfq.getCompletionTopic().getTopicArn(),
                "One event per request when all responders answered or its deadline passed");
        RideCompletionSource.output(
                this, "RidesBookingTableName", rfq.getTable().getTableName(), "Requests and quotes");
        RideCompletionSource.output(
                this, "ResponseQueueUrl", rfq.getResponseQueue().getQueueUrl(), "The return address of every request");
        RideCompletionSource.output(
                this,
                "ResponseDeadLetterQueueUrl",
                rfq.getResponseDeadLetterQueue().getQueueUrl(),
                "Malformed responses and responses to unknown requests");
        OriginalOutputs.of(this)
                .add("RequestForQuotesTopic", rfq.getRequestTopic().getTopicArn(), "Responders subscribe here")
                .add("RidesBookingTable", rfq.getTable().getTableName(), "Requests and quotes");
        FunctionLogGroups.nameAfterStackAndFunction(this);
    }
}
