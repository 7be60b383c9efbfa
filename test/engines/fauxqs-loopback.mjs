// Starts fauxqs (SNS and SQS) on 127.0.0.1 only. Its own CLI binds every interface, which a
// test run must never do. Usage: node fauxqs-loopback.mjs [port]; port 0 (the default) lets
// the kernel pick a free one. The harness reads the "listening <url>" line to learn it.
//
// It also keeps what SNS delivered, for local mode's console: GET /_local/deliveries?after=N
// answers each publication after the N-th, as {"next", "publications": [{"seq", "at", "topicArn",
// "messageId", "message", "messageAttributes", "subscriptions": [{"subscriptionArn", "endpoint",
// "filterPolicy", "delivered"}]}]}, waiting up to 10 s for one; without "after" it answers at once
// with no publication and the "next" to start from. fauxqs tells its message spy of each publish
// and, within the same synchronous fan-out, of each message it puts on a subscribed queue: those
// are that publication's deliveries, as fauxqs made them (its filter policy evaluation included).
import { buildApp } from "fauxqs";
// fauxqs 1.9.2 takes its stores as an option of buildApp but exports no store class: the package's
// own files, at the version package-lock.json pins.
import { SqsStore } from "./node_modules/fauxqs/dist/sqs/sqsStore.js";
import { SnsStore } from "./node_modules/fauxqs/dist/sns/snsStore.js";
import { S3Store } from "./node_modules/fauxqs/dist/s3/s3Store.js";

const KEPT = 2000;
const MESSAGE_CHARACTERS = 4000;
const LONGEST_WAIT_MS = 10000;

class Deliveries {
  publications = [];
  next = 1;
  waiters = new Set();
  current = null;

  constructor(snsStore) {
    this.snsStore = snsStore;
  }

  // fauxqs's spy interface: every SNS publish and SQS enqueue, as it happens.
  addMessage(event) {
    if (event.service === "sns" && event.status === "published") {
      this.close();
      this.current = { at: event.timestamp, topicArn: event.topicArn, messageId: event.messageId,
        message: String(event.body).slice(0, MESSAGE_CHARACTERS), messageAttributes: event.messageAttributes, queues: [] };
      // The fan-out runs synchronously after the publish event: it is over by the next microtask.
      queueMicrotask(() => this.close());
    } else if (event.service === "sqs" && event.status === "published" && this.current) {
      this.current.queues.push(event.queueName);
    }
  }

  close() {
    const publication = this.current;
    if (!publication) return;
    this.current = null;
    const topic = this.snsStore.getTopic(publication.topicArn);
    publication.subscriptions = (topic ? topic.subscriptionArns : [])
      .map((arn) => this.snsStore.getSubscription(arn))
      .filter((sub) => sub && sub.protocol === "sqs")
      .map((sub) => ({ subscriptionArn: sub.arn, endpoint: sub.endpoint, filterPolicy: !!sub.attributes.FilterPolicy,
        delivered: publication.queues.includes(sub.endpoint.split(":").pop()) }));
    delete publication.queues;
    publication.seq = this.next++;
    this.publications.push(publication);
    if (this.publications.length > KEPT) this.publications.shift();
    this.waiters.forEach((wake) => wake());
    this.waiters.clear();
  }

  after(seq) {
    return this.publications.filter((p) => p.seq > seq);
  }

  async answer(after) {
    if (!Number.isInteger(after)) return { next: this.next, publications: [] };
    if (this.after(after).length === 0) {
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, LONGEST_WAIT_MS);
        this.waiters.add(() => { clearTimeout(timer); resolve(); });
      });
    }
    return { next: this.next, publications: this.after(after) };
  }
}

const port = Number.parseInt(process.argv[2] ?? "0", 10);
const stores = { sqsStore: new SqsStore(), snsStore: new SnsStore(), s3Store: new S3Store() };
const deliveries = new Deliveries(stores.snsStore);
stores.sqsStore.spy = deliveries;
stores.snsStore.spy = deliveries;
const app = buildApp({ logger: false, stores });
app.get("/_local/deliveries", async (request) => {
  const after = request.query.after === undefined ? undefined : Number(request.query.after);
  return deliveries.answer(after);
});
const address = await app.listen({ port, host: "127.0.0.1" });
console.log(`listening ${address}`);

// Stop when the harness closes our stdin or signals us, so no engine outlives its test run.
const stop = () => app.close().finally(() => process.exit(0));
process.stdin.on("end", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
