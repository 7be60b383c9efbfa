// Runs an Amazon States Language definition offline with aws-local-stepfunctions, performing each
// Task state's service call for real against local engines, with the parameters exactly as the
// interpreter resolved them (as Step Functions would pass them):
//   dynamodb:*     -> the DynamoDB JSON API of the local DynamoDB engine
//   sns:publish    -> the SNS query API of the local SNS engine
//   lambda:invoke  -> the test's Lambda bridge, which runs the Java handler and reports errors
//                     the way the Java Lambda runtime does
// Usage: node run-state-machine.mjs run.json, where run.json holds
//   {"definition": {...}, "input": {...}, "dynamoDbEndpoint": "...", "snsEndpoint": "...", "lambdaBridge": "...",
//    "faults": [{"state": "...", "calls": [1, ...], "error": "...", "cause": "..."}]}   (faults optional)
// A fault makes the listed calls (1 = the state's first attempt) of a Task state fail with the error name
// Step Functions reports for that condition (a throttle, a transient service error, States.Timeout), without
// reaching the engine, as a throttled or timed-out request does not: conditions the local engines cannot
// produce. Whatever follows (a Retry, a Catch) is the definition's own. Retry intervals are not waited out.
// While it runs, prints one JSON line per state event as it happens, for a caller that shows the execution live:
//   {"step": {"type": "StateEntered"|"StateExited"|"StateFailed"|"StateRetried"|"StateCaught", "state", "stateType",
//    "timestamp" (epoch ms), "error", "cause" (failures)}}
// At the end it prints one JSON line: {"status": "SUCCEEDED"|"FAILED", "output"|"error"+"cause", "states": [entered state names],
//   "failures": [{"state", "error", "cause"} of every state that failed, caught or not],
//   "calls": {state name: how many times its task ran, retries included},
//   "serviceCalls": [{"integration", "TableName"|"TopicArn"|"FunctionName"} of each service call made, for the IAM check]}.
// Or: node run-state-machine.mjs --serve, one process for many executions, each run.json a request on its
// standard input (see script-service.mjs); the tests and local mode run it so, Node starting once.
import { serve } from "./script-service.mjs";

// Node 20 lacks Promise.withResolvers, which aws-local-stepfunctions 3 uses.
if (!Promise.withResolvers) {
  Promise.withResolvers = function withResolvers() {
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}
const { StateMachine } = await import("aws-local-stepfunctions");

// The local engines check that a request is signed, not what the signature is.
const FAKE_AUTH = "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=0";
const AMZ_DATE = "20260101T000000Z";

function namedError(name, message) {
  const error = new Error(message);
  error.name = name;
  return error;
}

async function dynamoDb(run, action, parameters) {
  const response = await fetch(run.dynamoDbEndpoint, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-amz-json-1.0",
      "X-Amz-Target": `DynamoDB_20120810.${action}`,
      Authorization: FAKE_AUTH,
      "X-Amz-Date": AMZ_DATE,
    },
    body: JSON.stringify(parameters),
  });
  const body = await response.json();
  if (!response.ok) {
    const type = String(body.__type ?? "UnknownError").split("#").pop();
    throw namedError(`DynamoDB.${type}`, body.message ?? body.Message ?? JSON.stringify(body));
  }
  return body;
}

async function snsPublish(run, parameters) {
  const form = new URLSearchParams({ Action: "Publish", Version: "2010-03-31", TopicArn: parameters.TopicArn });
  // Step Functions serializes a JSON object given as Message into its JSON text.
  form.set("Message", typeof parameters.Message === "string" ? parameters.Message : JSON.stringify(parameters.Message));
  if (parameters.Subject) form.set("Subject", parameters.Subject);
  Object.entries(parameters.MessageAttributes ?? {}).forEach(([name, value], i) => {
    form.set(`MessageAttributes.entry.${i + 1}.Name`, name);
    form.set(`MessageAttributes.entry.${i + 1}.Value.DataType`, value.DataType);
    if (value.StringValue !== undefined) form.set(`MessageAttributes.entry.${i + 1}.Value.StringValue`, value.StringValue);
  });
  const response = await fetch(run.snsEndpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: FAKE_AUTH, "X-Amz-Date": AMZ_DATE },
    body: form.toString(),
  });
  const text = await response.text();
  if (!response.ok) {
    const code = (text.match(/<Code>([^<]+)<\/Code>/) ?? [])[1] ?? "UnknownError";
    const message = (text.match(/<Message>([^<]+)<\/Message>/) ?? [])[1] ?? text;
    throw namedError(`SNS.${code.endsWith("Exception") ? code : code + "Exception"}`, message);
  }
  return { MessageId: (text.match(/<MessageId>([^<]+)<\/MessageId>/) ?? [])[1] };
}

async function lambdaInvoke(run, parameters) {
  const response = await fetch(run.lambdaBridge, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ FunctionName: parameters.FunctionName, Payload: parameters.Payload }),
  });
  const body = await response.json();
  if (body.errorType) {
    // Step Functions names a Lambda error by the runtime's errorType; the cause is the error document.
    throw namedError(body.errorType, JSON.stringify({ errorMessage: body.errorMessage, errorType: body.errorType,
      stackTrace: body.stackTrace ?? [] }));
  }
  return { ExecutedVersion: "live", Payload: body.Payload, StatusCode: 200 };
}

function handlerFor(run, resource) {
  const integration = resource.split(":::").pop();
  const [service, action] = integration.split(":");
  if (service === "dynamodb") return (p) => dynamoDb(run, action.charAt(0).toUpperCase() + action.slice(1), p);
  if (integration === "sns:publish") return (p) => snsPublish(run, p);
  if (integration === "lambda:invoke") return (p) => lambdaInvoke(run, p);
  throw new Error(`No local engine for ${resource}`);
}

// A served process keeps the state machines it built: asl-validator checks a definition once, not per execution.
const machines = new Map();
function machineFor(definition) {
  const key = JSON.stringify(definition);
  let machine = machines.get(key);
  if (!machine) {
    machine = new StateMachine(definition, { validationOptions: { checkArn: true, checkPaths: true } });
    if (machines.size >= 32) machines.delete(machines.keys().next().value);
    machines.set(key, machine);
  }
  return machine;
}

async function execute(run, emit, signal) {
  const faults = run.faults ?? [];
  for (const fault of faults) {
    if (run.definition.States[fault.state]?.Type !== "Task") throw new Error(`Fault for ${fault.state}, which is no Task state`);
  }
  const calls = {};
  function withFaults(name, handler) {
    return async (parameters) => {
      calls[name] = (calls[name] ?? 0) + 1;
      const fault = faults.find((f) => f.state === name && f.calls.includes(calls[name]));
      if (fault) throw namedError(fault.error, fault.cause ?? `${fault.error} injected into call ${calls[name]} of ${name}`);
      return handler(parameters);
    };
  }

  const serviceCalls = [];
  function recorded(resource, handler) {
    const integration = resource.split(":::").pop();
    return async (parameters) => {
      const { TableName, TopicArn, FunctionName } = parameters ?? {};
      serviceCalls.push({ integration, TableName, TopicArn, FunctionName });
      return handler(parameters);
    };
  }

  const handlers = {};
  const retryIntervalOverrides = {};
  for (const [name, state] of Object.entries(run.definition.States)) {
    if (state.Type === "Task") handlers[name] = withFaults(name, recorded(state.Resource, handlerFor(run, state.Resource)));
    if (state.Retry) retryIntervalOverrides[name] = state.Retry.map(() => 0);
  }

  const machine = machineFor(run.definition);
  const execution = machine.run(run.input, { overrides: { taskResourceLocalHandlers: handlers, retryIntervalOverrides } });
  signal.addEventListener("abort", () => execution.abort(), { once: true });
  const states = [];
  const failures = [];
  let failed = null;
  const logging = (async () => {
    for await (const event of execution.eventLogs) {
      if (event.type.startsWith("State") && !event.index && event.index !== 0) {
        const step = { type: event.type, state: event.state.name, stateType: event.state.type, timestamp: event.timestamp };
        if (event.type === "StateFailed") Object.assign(step, { error: event.Error, cause: event.Cause });
        emit(JSON.stringify({ step }));
      }
      if (event.type === "StateEntered") states.push(event.state.name);
      if (event.type === "StateFailed") failures.push({ state: event.state.name, error: event.Error, cause: event.Cause });
      if (event.type === "ExecutionFailed") failed = { error: event.Error, cause: event.Cause };
    }
  })();
  let outcome;
  try {
    outcome = { status: "SUCCEEDED", output: await execution.result };
  } catch (error) {
    outcome = { status: "FAILED", error: error.name, cause: error.cause ?? error.message };
  }
  await logging.catch(() => {});
  // The execution's own failure event carries the Fail state's Error and Cause.
  if (failed) outcome = { status: "FAILED", error: failed.error, cause: failed.cause };
  return { ...outcome, states, failures, calls, serviceCalls };
}

await serve(execute);
