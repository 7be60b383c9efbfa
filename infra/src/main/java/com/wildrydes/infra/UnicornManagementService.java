package com.wildrydes.infra;

import com.wildrydes.constructs.functions.JavaFunction;
import com.wildrydes.constructs.functions.JavaFunctionProps;
import com.wildrydes.constructs.internal.RegionalRestApi;
import com.wildrydes.constructs.internal.RequestSchemas;
import com.wildrydes.constructs.internal.SecureResources;
import com.wildrydes.constructs.messaging.TopicGrants;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.MethodResponse;
import software.amazon.awscdk.services.apigateway.Model;
import software.amazon.awscdk.services.apigateway.ModelOptions;
import software.amazon.awscdk.services.apigateway.RequestValidator;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The unicorn management service of labs 1 and 2: {@code POST /submit-ride-completion} on a REST
 * API, in front of a Java function that stores the ride in the Rides table and publishes it to
 * the ride-completion topic it is given.
 * <p>
 * API Gateway validates the body against a JSON schema before the function runs, throttles the
 * stage and writes JSON access logs. The function may put and delete rides (the delete undoes a
 * ride whose publish failed) and publish to the topic; nothing else.
 */
public class UnicornManagementService extends Construct {

    /** The path of the submit method, {@code POST /submit-ride-completion}, as the workshop names it. */
    public static final String SUBMIT_PATH = "submit-ride-completion";

    private final Table ridesTable;
    private final JavaFunction submitFunction;
    private final RestApi api;
    private final Method submitMethod;
    private final ITopic rideCompletionTopic;

    /**
     * Creates the Rides table, the submit function, and the REST API in front of it.
     *
     * @param scope the parent construct
     * @param id the construct's ID, unique within {@code scope}
     * @param props the construct's settings: the ride-completion topic and the submit handler
     */
    public UnicornManagementService(Construct scope, String id, UnicornManagementServiceProps props) {
        super(scope, id);
        this.rideCompletionTopic = props.getRideCompletionTopic();
        this.ridesTable = SecureResources.table(this, "RidesTable", "id", null, props.getTableRemovalPolicy());

        this.submitFunction = new JavaFunction(
                this,
                "SubmitRideCompletionFunction",
                JavaFunctionProps.builder()
                        .code(props.getCode())
                        .handler(props.getHandler())
                        .description("Stores a completed ride and publishes it to the ride-completion topic")
                        .timeout(Duration.seconds(10))
                        .snapStart(props.getSnapStart())
                        .environment(Map.of(
                                "TABLE_NAME", ridesTable.getTableName(),
                                "TOPIC_ARN", rideCompletionTopic.getTopicArn()))
                        .build());
        ridesTable.grant(submitFunction, "dynamodb:PutItem", "dynamodb:DeleteItem");
        TopicGrants.grantPublish(rideCompletionTopic, submitFunction);

        this.api = RegionalRestApi.create(
                this,
                "Wild Rydes unicorn management service",
                props.getStageName(),
                props.getThrottlingRateLimit(),
                props.getThrottlingBurstLimit());
        Model rideCompletion = api.addModel(
                "RideCompletionModel",
                ModelOptions.builder()
                        .contentType("application/json")
                        .modelName("RideCompletion")
                        .schema(RequestSchemas.rideCompletion())
                        .build());
        RequestValidator bodyValidator = RegionalRestApi.validator(this, api);
        this.submitMethod = api.getRoot()
                .addResource(SUBMIT_PATH)
                .addMethod(
                        "POST",
                        new LambdaIntegration(submitFunction.getAlias()),
                        MethodOptions.builder()
                                .requestValidator(bodyValidator)
                                .requestModels(Map.of("application/json", rideCompletion))
                                .methodResponses(List.of(
                                        MethodResponse.builder()
                                                .statusCode("201")
                                                .build(),
                                        MethodResponse.builder()
                                                .statusCode("400")
                                                .build()))
                                .build());
        PublicWorkshopApi.suppressNagFindings(api, submitMethod);
    }

    /**
     * The full URL of {@code POST /submit-ride-completion} on the deployed stage.
     *
     * @return the URL, a token that resolves at deployment
     */
    public String getSubmitRideCompletionUrl() {
        return api.urlForPath("/" + SUBMIT_PATH);
    }

    /**
     * The Rides table: each completed ride under its {@code id}.
     *
     * @return the table, encrypted and retained unless {@code tableRemovalPolicy} says otherwise
     */
    public ITable getRidesTable() {
        return ridesTable;
    }

    /**
     * The function that stores a completed ride and publishes it to the ride-completion topic.
     *
     * @return the submit function
     */
    public JavaFunction getSubmitFunction() {
        return submitFunction;
    }

    /**
     * The submit function's live alias, which the API invokes.
     *
     * @return the alias
     */
    public IFunction getSubmitFunctionAlias() {
        return submitFunction.getAlias();
    }

    /**
     * The REST API of the submit method: throttled, validated, with JSON access logs.
     *
     * @return the API
     */
    public RestApi getApi() {
        return api;
    }

    /**
     * Where the service publishes completed rides.
     *
     * @return the topic given in the props
     */
    public ITopic getRideCompletionTopic() {
        return rideCompletionTopic;
    }
}
