// Sums a V8 CPU profile of the jsii kernel (bench/synth-profile) into the phases of a CDK synthesis:
// for each phase, the time of the samples that have one of its functions on their stack. A sample
// counts once, in the first phase of the list that claims it, so the phases add up to the total.
'use strict';
const profile = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'));

// [phase, test on a call frame "function url"], most specific first.
const phases = [
  ['waiting for the JVM (reading the next request)', (f) => f.functionName === 'readSync'],
  ['CloudFormation validation: the engine starting', (f) => f.functionName === '_singletonInstance'],
  ['CloudFormation validation: the templates', (f) => f.functionName === 'validateTemplates'],
  ['cdk-nag rules (aspects)', (f) => /cdk-nag\//.test(f.url) && f.functionName === 'visit'],
  ['other aspects', (f) => f.functionName === 'invokeAspectsV2' || f.functionName === 'invokeAspects'],
  ['synthesis: resolving, templates, tree, assets', (f) => f.functionName === 'synthesize' && /core\/lib\/private\/synthesis/.test(f.url)],
  ['loading JavaScript modules', (f) => f.functionName === 'Module._load'],
  ['building constructs (jsii create)', (f) => f.functionName === 'create' && /program\.js/.test(f.url)],
  ['calls on constructs (jsii get, set, invoke)', (f) => ['get', 'set', 'invoke', 'sget', 'sinvoke', 'sset'].includes(f.functionName) && /program\.js/.test(f.url)],
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
];

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
const phaseOfNode = new Map();
function phaseOf(id) {
  if (phaseOfNode.has(id)) return phaseOfNode.get(id);
  let best = phases.length; // "the rest"
  for (let cur = id; cur !== undefined; cur = parentOf.get(cur)) {
    const frame = nodes.get(cur).callFrame;
    const index = phases.findIndex(([, test]) => test(frame));
    if (index !== -1 && index < best) best = index;
  }
  phaseOfNode.set(id, best);
  return best;
}
const totals = new Array(phases.length + 1).fill(0);
profile.samples.forEach((id, i) => { totals[phaseOf(id)] += profile.timeDeltas[i] ?? 0; });
const all = totals.reduce((a, b) => a + b, 0);
const label = process.argv[3] ?? '';
console.log(`jsii kernel's Node process${label ? `, ${label}` : ''}: ${(all / 1e6).toFixed(2)} s sampled (wall time of the process)`);
[...phases.map(([name]) => name), 'the rest (jsii kernel, serialisation, CDK outside these)'].forEach((name, i) =>
  console.log(`  ${name.padEnd(58)} ${(totals[i] / 1e6).toFixed(2).padStart(6)} s ${((100 * totals[i]) / all).toFixed(0).padStart(3)} %`));
