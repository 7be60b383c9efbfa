package com.wildrydes.test.lab3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.test.support.SynthesizedApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** What a learner deploys in lab 3, read off the synthesized template. */
class ScatterGatherStackTest {

    private final Template template = SynthesizedApp.template(WildRydesApp.LAB_3);

    @Test
    void hasTheWorkshopOutputsAndTheCompletionTopic() {
        Map<String, Map<String, Object>> outputs = template.findOutputs("*");
        for (String output : List.of(
                "RideBookingApiSubmitInstantRideRfqEndpoint",
                "RideBookingApiQueryInstantRideRfqEndpoint",
                "RequestForQuotesTopicArn",
                "RidesBookingTableName",
                "RfqCompletionTopicArn",
                "ResponseQueueUrl")) {
            assertTrue(outputs.containsKey(output), "missing output " + output + " in " + outputs.keySet());
        }
    }

    @Test
    void tenDemoRespondersAndTheFourServiceFunctions() {
        template.resourceCountIs("AWS::Lambda::Function", 14);
        template.resourceCountIs("AWS::SNS::Subscription", 10);
    }

    @Test
    void everythingIsDeletedWithTheLab() {
        template.allResources("AWS::DynamoDB::Table", Map.of("DeletionPolicy", "Delete"));
        template.allResources("AWS::SQS::Queue", Map.of("DeletionPolicy", "Delete"));
    }

    /**
     * One request fans out to ten responders of up to 70 s each. The POST is throttled to 1 request/s
     * (burst 2) and each responder reserves at most 10 concurrent executions, so the lab holds at most
     * 100 of the account's default 1,000, whatever the load (the README's arithmetic).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theFanOutIsBoundedByThePostThrottleAndTheRespondersConcurrency() {
        template.hasResourceProperties(
                "AWS::ApiGateway::Stage",
                Map.of(
                        "MethodSettings",
                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                "HttpMethod",
                                "POST",
                                "ResourcePath",
                                "/~1submit-instant-ride-rfq",
                                "ThrottlingRateLimit",
                                1,
                                "ThrottlingBurstLimit",
                                2))))));
        Map<String, Map<String, Object>> responders = template.findResources(
                "AWS::Lambda::Function",
                Map.of("Properties", Map.of("Description", Match.stringLikeRegexp("^Demo responder.*"))));
        assertEquals(10, responders.size());
        int reserved = 0;
        for (Map<String, Object> responder : responders.values()) {
            Object concurrency =
                    ((Map<String, Object>) responder.get("Properties")).get("ReservedConcurrentExecutions");
            assertTrue(concurrency instanceof Number, "a demo responder without reserved concurrency: " + responder);
            reserved += ((Number) concurrency).intValue();
        }
        assertTrue(reserved <= 100, "the responders may hold " + reserved + " of the account's 1,000 executions");
        // A request is worth answering until its deadline (2 minutes): a throttled event is not retried for hours.
        template.allResourcesProperties("AWS::Lambda::EventInvokeConfig", Map.of("MaximumEventAgeInSeconds", 120));
    }
}
