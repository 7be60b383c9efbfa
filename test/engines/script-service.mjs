// Lets one of the engines' folder's scripts answer many requests from one Node process, so a caller
// that makes many (local mode and the tests run a state machine execution per request) pays Node's
// start and the script's imports once rather than once per request.
//   node script.mjs request.json   answers that one request: each line `emit` is given, then the answer
//                                  as the last line (a failure exits non-zero, its stack on stderr)
//   node script.mjs --serve        reads requests from standard input, one JSON line each:
//                                    {"id": n, "request": {...}}   answer it (requests run concurrently)
//                                    {"id": n, "abort": true}      abort request n (its caller gave up)
//                                  and prints, per request, one line per `emit` and one at the end:
//                                    <id> line <the emitted line>
//                                    <id> done <the answer, JSON>
//                                    <id> failed <what went wrong, a JSON string>
//                                  It exits when its standard input closes (its caller has gone).
// `handle(request, emit, signal)` answers one request; `signal` is aborted when the caller gives up.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

export async function serve(handle) {
  if (process.argv[2] !== "--serve") {
    const request = JSON.parse(readFileSync(process.argv[2], "utf8"));
    const answer = await handle(request, (line) => console.log(line), new AbortController().signal);
    console.log(JSON.stringify(answer));
    return;
  }
  const running = new Map();
  const print = (id, kind, text) => process.stdout.write(`${id} ${kind} ${text}\n`);
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (text) => {
    if (!text.trim()) return;
    const message = JSON.parse(text);
    if (message.abort) {
      running.get(message.id)?.abort();
      return;
    }
    const controller = new AbortController();
    running.set(message.id, controller);
    Promise.resolve()
      .then(() => handle(message.request, (line) => print(message.id, "line", line), controller.signal))
      .then(
        (answer) => print(message.id, "done", JSON.stringify(answer)),
        (error) => print(message.id, "failed", JSON.stringify(String(error?.stack ?? error))),
      )
      .finally(() => running.delete(message.id));
  });
  lines.on("close", () => process.exit(0));
}
