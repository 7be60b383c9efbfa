package com.wildrydes.test.lab3;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.test.support.SynthesizedApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** What a learner deploys in lab 3, read off the synthesized template. */
class ScatterGatherStackTest {

    private final Template template = SynthesizedApp.template(WildRydesApp.LAB_3);

    @Test
    void hasTheWorkshopOutputsAndTheCompletionTopic() {
        Map<String, Map<String, Object>> outputs = template.findOutputs("*");
        for (String output : List.of("RideBookingApiSubmitInstantRideRfqEndpoint", "RideBookingApiQueryInstantRideRfqEndpoint",
                "RequestForQuotesTopicArn", "RidesBookingTableName", "RfqCompletionTopicArn", "ResponseQueueUrl")) {
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
}
