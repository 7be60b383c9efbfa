package com.wildrydes.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.iam.IamCheck;
import com.wildrydes.local.iam.IamReport;
import com.wildrydes.local.iam.TemplatePolicies;
import com.wildrydes.local.lambda.AwsFault;
import com.wildrydes.local.lambda.FaultPlan;
import com.wildrydes.local.lambda.FunctionLogs;
import com.wildrydes.local.lambda.LocalFunction;
import com.wildrydes.local.logs.LocalLogGroup;
import com.wildrydes.local.stepfunctions.LocalStateMachine;
import com.wildrydes.local.stepfunctions.StateMachineExecution;
import com.wildrydes.local.template.CloudAssembly;
import com.wildrydes.local.template.ResourceTypes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One lab's stack running locally from its synthesized template: every resource of a kind local
 * mode emulates brought up in the engines or in this JVM, in dependency order, with the
 * template's settings; the rest listed as not emulated. Closing it stops the functions, pollers
 * and API servers it started (the engines belong to whoever started them). Each kind of resource
 * is brought up by a class of its own ({@link LabFunctions}, {@link LabMessaging},
 * {@link LabRestApis}, {@link LabStateMachines}), in the order {@link ResourceOrder} gives; this
 * class hands each resource to its kind's class and answers for the lab.
 */
public final class LocalLab implements AutoCloseable {

    private final LabContext lab;
    private final LabFunctions functions;
    private final LabMessaging messaging;
    private final LabRestApis restApis;
    private final LabStateMachines stateMachines;
    private final List<String> notEmulated = new ArrayList<>();
    private final Map<String, String> outputs = new LinkedHashMap<>();
    private final java.time.Instant startedAt =
            java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    private List<LocalLogGroup> logGroups = List.of();

    private LocalLab(CloudAssembly assembly, RunningEngines engines, LocalSettings settings) {
        this.lab = new LabContext(assembly, engines, settings);
        LabMessaging[] messagingOfLab = new LabMessaging[1];
        this.functions = new LabFunctions(lab, url -> messagingOfLab[0].queueArn(url));
        this.messaging = new LabMessaging(lab, functions);
        messagingOfLab[0] = messaging;
        this.restApis = new LabRestApis(lab, functions);
        this.stateMachines = new LabStateMachines(lab, functions);
    }

    /** Brings up the stack {@code stackName} of the cloud assembly in {@code cdkOut} on the engines. */
    public static LocalLab start(Path cdkOut, String stackName, RunningEngines engines, LocalSettings settings) {
        return start(CloudAssembly.read(cdkOut, stackName), engines, settings);
    }

    /** Brings up a stack on the engines from its template and assets (how a deployed stack starts). */
    public static LocalLab start(CloudAssembly stack, RunningEngines engines, LocalSettings settings) {
        FunctionLogs.capture();
        LocalLab lab = new LocalLab(stack, engines, settings);
        try {
            lab.bringUp();
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    private void bringUp() {
        ResourceOrder order = ResourceOrder.of(lab.assembly.template());
        for (ResourceOrder.Resource resource : order.notEmulated()) {
            notEmulated.add(resource.logicalId() + " (" + resource.type() + ")");
            NotEmulatedResources.register(lab, resource.logicalId(), resource.type());
        }
        for (ResourceOrder.Resource resource : order.emulated()) {
            try {
                bringUp(resource.logicalId(), resource.type(), resource.properties());
            } catch (RuntimeException e) {
                e.addSuppressed(new com.wildrydes.local.template.FailedResource(resource.logicalId(), resource.type()));
                throw e;
            }
        }
        functions.awaitInitialised();
        logGroups = LabLogGroups.of(lab, functions, stateMachines);
        lab.assembly
                .template()
                .path("Outputs")
                .fields()
                .forEachRemaining(output ->
                        outputs.put(output.getKey(), lab.text(output.getValue().get("Value"))));
    }

    private void bringUp(String logicalId, String type, JsonNode properties) {
        switch (type) {
            case "AWS::DynamoDB::Table",
                    "AWS::SQS::Queue",
                    "AWS::SNS::Topic",
                    "AWS::SNS::Subscription",
                    "AWS::Lambda::EventSourceMapping" -> messaging.bringUp(logicalId, type, properties);
            case "AWS::Lambda::Function",
                    "AWS::Lambda::Version",
                    "AWS::Lambda::Alias",
                    "AWS::Lambda::EventInvokeConfig" -> functions.bringUp(logicalId, type, properties);
            case "AWS::StepFunctions::StateMachine" -> stateMachines.bringUp(logicalId, properties, this::stateMachine);
            default -> {
                if (type.startsWith("AWS::ApiGateway::")) {
                    restApis.bringUp(logicalId, type, properties);
                } else {
                    throw new ResourceTypes.UnsupportedResourceException(logicalId, type);
                }
            }
        }
    }

    /** The function the template declares under that logical ID. */
    public LocalFunction functionByLogicalId(String logicalId) {
        return functions.byLogicalId(logicalId);
    }

    /**
     * Fault on demand: the {@code nth} call from now (a call counts once with its SDK retries, all of
     * which meet the fault) that
     * the function with that logical ID makes to {@code service} ({@code DynamoDB}, {@code SNS},
     * {@code SQS}) and {@code operation} (for example {@code TransactWriteItems}) is answered with
     * {@code fault} instead of reaching the engine.
     */
    public void failNth(String functionLogicalId, String service, String operation, int nth, AwsFault fault) {
        FaultPlan.failNth(functionByLogicalId(functionLogicalId).callerKey(), service, operation, nth, fault);
    }

    /**
     * Lambda throttles on demand: the {@code nth} invocation from now of the function with that
     * logical ID is answered {@code TooManyRequestsException} without running, and its caller
     * follows Lambda's rule (see {@link com.wildrydes.local.lambda.InvocationFaults}).
     */
    public void throttleNth(String functionLogicalId, int nth) {
        com.wildrydes.local.lambda.InvocationFaults.throttleNth(
                functionByLogicalId(functionLogicalId).callerKey(), nth);
    }

    /**
     * Lambda times out on demand, after the handler ran: the {@code nth} invocation from now of the
     * function with that logical ID runs to its end (its effects stand), and its caller sees
     * {@code Sandbox.Timedout}, as when a function is stopped at its timeout just after its last call.
     */
    public void timeOutNth(String functionLogicalId, int nth) {
        com.wildrydes.local.lambda.InvocationFaults.timeOutNth(
                functionByLogicalId(functionLogicalId).callerKey(), nth);
    }

    /**
     * Fault on demand for a state machine's own service tasks: the {@code nth} call from now (each
     * attempt counts, the definition's retries too) that executions of that state machine (see
     * {@link #stateMachine(String)}) make to {@code service} ({@code DynamoDB} or {@code SNS}) and
     * {@code operation} (for example {@code UpdateItem}, {@code Publish}) is answered with
     * {@code fault} instead of reaching the engine.
     */
    public void failNthStateMachineCall(
            String stateMachine, String service, String operation, int nth, AwsFault fault) {
        FaultPlan.failNth(stateMachines.callerKey(stateMachine(stateMachine).name()), service, operation, nth, fault);
    }

    /** The function with that name or ARN (alias ARNs too). */
    public LocalFunction function(String reference) {
        return functions.function(reference);
    }

    /**
     * Checks every AWS call of this run so far (each function's SDK calls, what Lambda, SNS, API
     * Gateway and Step Functions did for the stack, and what those calls imply) against the
     * template's identity and resource policies, and lists each identity grant no call used.
     */
    public IamReport iamReport() {
        return IamCheck.check(
                lab.stackPrefix(),
                lab.iamCalls,
                new TemplatePolicies(lab.assembly.template(), lab.intrinsics, messaging::queueArn));
    }

    /**
     * The state machine with that logical ID, name, ARN, or the output key whose value is its ARN
     * (for example lab 4's {@code CompleteStateMachineArn}).
     */
    public LocalStateMachine stateMachine(String reference) {
        return stateMachines.require(reference, outputs);
    }

    /**
     * The local Step Functions API (StartExecution, DescribeExecution) for the AWS CLI's
     * {@code --endpoint-url}, or null when the stack has no state machine.
     */
    public java.net.URI stepFunctionsEndpoint() {
        return stateMachines.api() == null ? null : stateMachines.api().endpoint();
    }

    /**
     * Starts an execution of that state machine (see {@link #stateMachine(String)}) with the input
     * JSON and waits for its end: status, output or error and cause, and the states it entered.
     */
    public StateMachineExecution startExecution(String stateMachine, String inputJson) {
        return stateMachine(stateMachine).execute(inputJson);
    }

    /** The stack's outputs under the template's keys, with their local values. */
    public Map<String, String> outputs() {
        return Map.copyOf(outputs);
    }

    public String output(String key) {
        String value = outputs.get(key);
        if (value == null) {
            throw new IllegalArgumentException("No output " + key + " (outputs: " + outputs.keySet() + ")");
        }
        return value;
    }

    /** The stack's name, as the template was synthesized under it. */
    public String stackName() {
        return lab.assembly.stackName();
    }

    /** The stack's ID (an ARN), as CloudFormation gives it. */
    public String stackId() {
        return lab.stackId();
    }

    /** When the lab was brought up: its stack's creation time. */
    public java.time.Instant startedAt() {
        return startedAt;
    }

    /** The synthesized template the lab runs. */
    public JsonNode template() {
        return lab.assembly.template().deepCopy();
    }

    /** A template value (Ref, Fn::GetAtt, Fn::Join...) with this lab's local names, ARNs and URLs. */
    public JsonNode resolve(JsonNode value) {
        return lab.intrinsics.resolve(value);
    }

    /** Reports this lab's events (invocations, retries, executions...) to that listener until {@link #unlisten}. */
    public void listen(com.wildrydes.local.console.LabEventListener listener) {
        lab.events.add(listener);
    }

    public void unlisten(com.wildrydes.local.console.LabEventListener listener) {
        lab.events.remove(listener);
    }

    /** The local physical ID of the resource with that logical ID (what its {@code Ref} gives), or null. */
    public String physicalId(String logicalId) {
        return lab.ids.physicalId(logicalId);
    }

    /** The function with that name, ARN, alias ARN or {@code name:alias}, or null. */
    public LocalFunction findFunction(String reference) {
        return functions.find(reference);
    }

    /** The aliases the template gives the function with that name. */
    public List<String> aliases(String functionName) {
        return functions.aliases(functionName);
    }

    /** The template's properties of the function with that name, resolved to local values. */
    public JsonNode functionProperties(String functionName) {
        return functions.properties(functionName);
    }

    /** The lab's state machines, each once. */
    public java.util.Collection<LocalStateMachine> stateMachines() {
        return stateMachines.machines();
    }

    /** The lab's Step Functions executions (the API's operations on them), or null without a state machine. */
    public com.wildrydes.local.stepfunctions.StepFunctionsExecutions executions() {
        return stateMachines.executions();
    }

    /** The lab's log groups, under the names the template gives them. */
    public List<LocalLogGroup> logGroups() {
        return logGroups;
    }

    /** How many functions ran their init phase at start-up, when their version was published (SnapStart). */
    public int snapStartInits() {
        return functions.snapStartCount();
    }

    /** How many functions the lab runs on how many copies of the AWS SDK (one per distinct SDK their jars hold). */
    public String sdkSharing() {
        return functions.sdkSharing();
    }

    /** The resources with no local meaning, as {@code LogicalId (Type)}. */
    public List<String> notEmulated() {
        return List.copyOf(notEmulated);
    }

    /** Every function's and state machine's key for faults (for faults over the whole lab, such as a soak's). */
    public List<String> callerKeys() {
        List<String> keys = new java.util.ArrayList<>();
        functions.byName().values().forEach(function -> keys.add(function.callerKey()));
        stateMachines.machines().forEach(machine -> keys.add(stateMachines.callerKey(machine.name())));
        return keys;
    }

    public Map<String, LocalFunction> functions() {
        return functions.byName();
    }

    @Override
    public void close() {
        lab.closeAll();
    }
}
