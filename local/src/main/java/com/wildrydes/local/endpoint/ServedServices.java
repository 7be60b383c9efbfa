package com.wildrydes.local.endpoint;

import com.wildrydes.local.LocalLab;
import com.wildrydes.local.endpoint.cloudformation.CloudFormationService;
import com.wildrydes.local.endpoint.lambda.LambdaService;
import com.wildrydes.local.endpoint.logs.LogsService;
import com.wildrydes.local.endpoint.stepfunctions.StepFunctionsService;
import com.wildrydes.local.engines.RunningEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one place that lists what the local endpoint serves: the engines' services (DynamoDB, SQS,
 * SNS, proxied) and those local mode emulates over the running labs. A new service is a class
 * implementing {@link AwsService}, added here.
 */
public final class ServedServices {

    private ServedServices() {}

    public static LocalServices of(RunningEngines engines, List<LocalLab> labs) {
        List<LocalLab> running = List.copyOf(labs);
        Supplier<List<LocalLab>> ofLabs = () -> running;
        List<AwsService> services =
                new ArrayList<>(EngineProxy.forEngines(engines.dynamoDbEndpoint(), engines.snsSqsEndpoint()));
        services.add(new CloudFormationService(ofLabs));
        services.add(new LambdaService(ofLabs));
        services.add(new LogsService(ofLabs));
        services.add(new StepFunctionsService(ofLabs));
        return new LocalServices(services);
    }
}
