// Loaded into the jsii kernel's Node process with --require (bench/synth-profile): profiles the
// kernel (the child process that runs aws-cdk-lib, not the launcher that relays its pipes) with
// V8's sampling profiler and writes the profile to $SYNTH_PROFILE when the process exits. Node's own
// --cpu-prof cannot be used: it applies to both processes, which then write over each other.
'use strict';
if (process.argv[1] && process.argv[1].endsWith('program.js') && process.env.SYNTH_PROFILE) {
  const inspector = require('node:inspector');
  const fs = require('node:fs');
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 200 });
  session.post('Profiler.start');
  // In-process inspector calls complete synchronously, so this works in an exit handler.
  process.on('exit', () => session.post('Profiler.stop', (error, result) => {
    if (!error) fs.writeFileSync(process.env.SYNTH_PROFILE, JSON.stringify(result.profile));
  }));
}
