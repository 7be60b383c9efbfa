package com.wildrydes.constructs.rfq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.constructs.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The reuser chooses how the request-for-quotes API is authorized, IAM unless told otherwise, and
 * the library records no cdk-nag suppression for a choice the reuser did not make.
 */
class RfqApiAuthorizationTest {

    private static Template rfqWithOneResponder() {
        Stack stack = TestStacks.newStack();
        new ScatterGatherRfq(
                stack,
                "Rfq",
                ScatterGatherRfqProps.builder()
                        .code(TestStacks.jarCode(stack))
                        .responders(List.of(TestStacks.function(stack, "Pricing")))
                        .responderNames(List.of("pricing"))
                        .build());
        return Template.fromStack(stack);
    }

    @Test
    void theApiMethodsTakeIamAuthorizationByDefault() {
        Map<String, Map<String, Object>> methods = rfqWithOneResponder().findResources("AWS::ApiGateway::Method");
        assertEquals(2, methods.size(), "submit and query");
        for (Map<String, Object> method : methods.values()) {
            Object properties = method.get("Properties");
            assertTrue(properties.toString().contains("AuthorizationType=AWS_IAM"), String.valueOf(properties));
        }
    }

    @Test
    void theLibrarySuppressesNoCdkNagFindingOnTheApi() {
        Template template = rfqWithOneResponder();
        for (String type : List.of("AWS::ApiGateway::Method", "AWS::ApiGateway::Stage", "AWS::ApiGateway::RestApi")) {
            template.findResources(type)
                    .forEach((id, resource) -> assertTrue(
                            !String.valueOf(resource.get("Metadata")).contains("cdk_nag"),
                            id + " carries a cdk-nag suppression: " + resource.get("Metadata")));
        }
    }
}
