// Decides AWS calls recorded by local mode with the template's IAM policies, on @cloud-copilot/iam-simulate
// (AWS's evaluation logic: explicit deny wins; in one account an identity OR a resource policy allows; a KMS
// key's policy must allow the call itself or delegate to the account's IAM policies through its root principal).
// Usage: node evaluate-iam.mjs request.json (or --serve, see script-service.mjs), where request.json holds
//   {"account": "...", "identityPolicies": {roleArn: [{"name", "policy"}]},
//    "resourcePolicies": {resourceArn: {"name", "policy"}},
//    "calls": [{"principal", "role" (roleArn or null for a service principal), "action", "resource", "context": {...}}]}
// Prints one JSON line: {"decisions": [{"result": "Allowed"|"ImplicitlyDenied"|"ExplicitlyDenied"|"Error",
//   "identity", "resourcePolicy", "why"} per call, in order]}.
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { serve } from "./script-service.mjs";

function denyingStatements(analysis) {
  return (analysis?.denyStatements ?? []).map((s) => s.policyId ?? s.statement?.sid?.() ?? s.explain?.identifier ?? "?");
}

function why(call, result, analysis, identity, resource) {
  const roleText = call.role ? `role ${call.role}` : `service principal ${call.principal}`;
  const policies = identity.map((p) => p.name).join(", ") || "none";
  const resourceName = resource ? resource.name : `the resource policy of ${call.resource} (there is none)`;
  if (result === "ExplicitlyDenied") {
    const by = analysis?.blockedBy ?? [];
    return `explicitly denied (${by.join(", ") || "deny statement"}): ${by.includes("resource") ? resourceName : "identity policies " + policies} deny ${call.action} with context ${JSON.stringify(call.context)}`;
  }
  const identityResult = analysis?.identityAnalysis?.result;
  const resourceResult = analysis?.resourceAnalysis?.result;
  const isKey = call.action.startsWith("kms:") && /:key\//.test(call.resource);
  if (isKey && resourceResult !== "Allowed" && resourceResult !== "AllowedForAccount") {
    return `${resourceName} neither allows ${call.principal} to ${call.action} nor delegates to the account's IAM policies (no statement for the account's root principal that matches)`;
  }
  if (isKey) {
    return `${resourceName} delegates to IAM, but no identity policy of ${roleText} (${policies}) allows ${call.action} on ${call.resource}`;
  }
  if (!call.role && !resource) {
    return `no resource policy on ${call.resource} (no Lambda permission, queue, topic or key policy) allows ${call.principal} to ${call.action} with context ${JSON.stringify(call.context)}`;
  }
  if (!call.role) {
    return `${resourceName} has no statement allowing ${call.principal} to ${call.action} on ${call.resource} with context ${JSON.stringify(call.context)}`;
  }
  return `no identity policy of ${roleText} (${policies}) allows ${call.action} on ${call.resource}` +
    (resource ? `, and ${resourceName} does not allow it either` : "");
}

async function decide(run) {
  const decisions = [];
  for (const call of run.calls) {
    const identity = call.role ? run.identityPolicies[call.role] ?? [] : [];
    const resource = run.resourcePolicies[call.resource];
    const response = await runSimulation({
      request: { principal: call.principal, action: call.action, resource: { resource: call.resource, accountId: run.account },
        contextVariables: call.context },
      identityPolicies: identity.map((p) => ({ name: p.name, policy: p.policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: resource?.policy,
    }, {});
    if (response.resultType === "error") {
      decisions.push({ result: "Error", why: `the simulator refused the request: ${JSON.stringify(response.errors).slice(0, 600)}` });
      continue;
    }
    const analysis = response.result?.analysis;
    const result = response.overallResult;
    decisions.push({
      result,
      identity: analysis?.identityAnalysis?.result,
      resourcePolicy: analysis?.resourceAnalysis?.result,
      why: result === "Allowed" ? null : why(call, result, analysis, identity, resource),
    });
  }
  return { decisions };
}

await serve(decide);
