// Starts fauxqs (SNS and SQS) on 127.0.0.1 only. Its own CLI binds every interface, which a
// test run must never do. Usage: node fauxqs-loopback.mjs [port]; port 0 (the default) lets
// the kernel pick a free one. The harness reads the "listening <url>" line to learn it.
import { buildApp } from "fauxqs";

const port = Number.parseInt(process.argv[2] ?? "0", 10);
const app = buildApp({ logger: false });
const address = await app.listen({ port, host: "127.0.0.1" });
console.log(`listening ${address}`);

// Stop when the harness closes our stdin or signals us, so no engine outlives its test run.
const stop = () => app.close().finally(() => process.exit(0));
process.stdin.on("end", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
