import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.wildrydes.lambdas.common.SnapStartPriming;
import com.wildrydes.lambdas.rfq.RfqRequest;
import com.wildrydes.lambdas.rfq.RfqStore;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context.AfterExecution;
import software.amazon.awssdk.core.interceptor.Context.BeforeExecution;
import software.amazon.awssdk.core.interceptor.Context.FailedExecution;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One handler in this fresh JVM, against the local engines (their addresses and the resources'
 * names come from the environment that bench/PrimingBench.java sets): its init (the no-arg
 * constructor, as Lambda runs it), optionally the priming SnapStart runs before the snapshot
 * (the handler's registered CRaC resources, through {@link SnapStartPriming#primeRegistered()},
 * since this JVM has no CRaC), then the first request and warm requests, each timed.
 * Prints one line: {@code handler mode init_ms prime_ms first_ms warm_median_ms aws_median_ms calls
 * overhead}: the handler's overhead is each warm request's time over the time its AWS calls took
 * inside it (timed by {@link AwsCallTimer} on the handler's own clients), the median of those ratios.
 *   java -cp <classes>:<lambda jar> FirstRequest <handler class> primed|unprimed <warm requests>
 *   java -cp <classes>:<lambda jar> FirstRequest seed   (open requests for quotes, ids in RFQ_IDS, their deadline
 *   SEED_DEADLINE_SECONDS from now: negative for the deadline handler, which leaves a request before its deadline open)
 * Not a test: nothing here passes or fails.
 */
public class FirstRequest {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("seed")) {
            seed();
            return;
        }
        String handlerClass = args[0];
        boolean primed = args[1].equals("primed");
        int warm = Integer.parseInt(args[2]);

        long start = System.nanoTime();
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>)
                Class.forName(handlerClass).getDeclaredConstructor().newInstance();
        long initNanos = System.nanoTime() - start;

        long primeNanos = 0;
        if (primed) {
            start = System.nanoTime();
            SnapStartPriming.primeRegistered();
            primeNanos = System.nanoTime() - start;
        }

        String simpleName = handlerClass.substring(handlerClass.lastIndexOf('.') + 1);
        Context context = context();
        start = System.nanoTime();
        check(handler.handleRequest(event(simpleName, 0), context));
        long firstNanos = System.nanoTime() - start;

        List<Long> warmNanos = new ArrayList<>();
        List<Long> awsNanos = new ArrayList<>();
        List<Double> overheads = new ArrayList<>();
        int calls = 0;
        for (int i = 1; i <= warm; i++) {
            Object event = event(simpleName, i);
            AwsCallTimer.reset();
            start = System.nanoTime();
            check(handler.handleRequest(event, context));
            long requestNanos = System.nanoTime() - start;
            warmNanos.add(requestNanos);
            awsNanos.add(AwsCallTimer.NANOS.get());
            calls = AwsCallTimer.CALLS.get();
            overheads.add(AwsCallTimer.NANOS.get() == 0 ? Double.NaN : (double) requestNanos / AwsCallTimer.NANOS.get());
        }
        Collections.sort(warmNanos);
        Collections.sort(awsNanos);
        Collections.sort(overheads);
        long median = warmNanos.get(warmNanos.size() / 2);
        System.out.printf("%s %s %.1f %.1f %.1f %.2f %.2f %d %.3f%n", simpleName, primed ? "primed" : "unprimed",
                ms(initNanos), ms(primeNanos), ms(firstNanos), ms(median), ms(awsNanos.get(awsNanos.size() / 2)), calls,
                overheads.get(overheads.size() / 2));
    }

    /**
     * Times every AWS call the handler's own clients make, from the SDK's first hook (the request
     * built, before marshalling) to its last (the response unmarshalled), or to the failure. The SDK
     * adds it to every client built in this JVM, the handler's too, because PrimingBench lists it in
     * {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the class path. The
     * calls are timed in place, inside the handler's request, rather than sent again after it: the
     * handlers' writes are conditional, so the same requests sent twice would time the second one's
     * refusal, not the call the handler made.
     */
    public static final class AwsCallTimer implements ExecutionInterceptor {
        static final AtomicLong NANOS = new AtomicLong();
        static final AtomicInteger CALLS = new AtomicInteger();
        private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench.started");

        static void reset() {
            NANOS.set(0);
            CALLS.set(0);
        }

        @Override
        public void beforeExecution(BeforeExecution context, ExecutionAttributes attributes) {
            attributes.putAttribute(STARTED, System.nanoTime());
        }

        @Override
        public void afterExecution(AfterExecution context, ExecutionAttributes attributes) {
            ended(attributes);
        }

        @Override
        public void onExecutionFailure(FailedExecution context, ExecutionAttributes attributes) {
            ended(attributes);
        }

        private static void ended(ExecutionAttributes attributes) {
            Long started = attributes.getAttribute(STARTED);
            if (started != null) {
                NANOS.addAndGet(System.nanoTime() - started);
                CALLS.incrementAndGet();
            }
        }
    }

    /** The i-th request of the handler's kind; each one does the same work as the first. */
    private static Object event(String handler, int i) {
        List<String> rfqIds = List.of(System.getenv("RFQ_IDS").split(","));
        return switch (handler) {
            case "SubmitRideCompletionHandler" -> new APIGatewayProxyRequestEvent().withHttpMethod("POST").withBody(
                    "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"duration\": 420, \"distance\": 600, \"customer\": \"cmr\", \"fare\": 256.50}");
            case "SubmitRfqHandler" -> new APIGatewayProxyRequestEvent().withHttpMethod("POST").withBody(
                    "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"customer\": \"cmr\"}");
            case "QueryRfqHandler" -> new APIGatewayProxyRequestEvent().withHttpMethod("GET")
                    .withPathParameters(Map.of("id", rfqIds.get(0)));
            case "QuoteCollectorHandler" -> sqs(
                    "{\"responder\": \"r\", \"rfq-id\": \"" + rfqIds.get(i) + "\", \"quote\": 42}");
            case "RfqDeadlineHandler" -> sqs("{\"rfq-id\": \"" + rfqIds.get(i) + "\"}");
            case "DemoResponderHandler" -> new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord()
                    .withSns(new SNSEvent.SNS().withMessage("{\"rfq-id\": \"" + rfqIds.get(i) + "\", \"reply-to\": \""
                            + System.getenv("RESPONSE_QUEUE_URL") + "\"}"))));
            default -> throw new IllegalArgumentException("no bench event for " + handler);
        };
    }

    private static SQSEvent sqs(String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(body);
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    /** A failed request would time the error path: stop instead. */
    private static void check(Object answer) {
        String text = String.valueOf(answer);
        if (text.contains("statusCode: 4") || text.contains("statusCode: 5") || text.contains("itemIdentifier")) {
            throw new IllegalStateException("the request failed: " + text);
        }
    }

    /** Open requests for quotes, one per id in RFQ_IDS, each expecting one quote, stored by the jar's own store. */
    private static void seed() {
        DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        RfqStore store = new RfqStore(dynamoDb, System.getenv("TABLE_NAME"), Clock.systemUTC());
        for (String id : System.getenv("RFQ_IDS").split(",")) {
            store.createRequest(RfqRequest.parse(id, "{\"from\": \"Berlin\", \"to\": \"Frankfurt\", \"customer\": \"cmr\"}"),
                    1, Clock.systemUTC().instant().plus(Duration.ofSeconds(Long.parseLong(System.getenv("SEED_DEADLINE_SECONDS")))));
        }
    }

    private static Context context() {
        return (Context) Proxy.newProxyInstance(FirstRequest.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> UUID.randomUUID().toString();
                    case "getRemainingTimeInMillis" -> 30_000;
                    case "getFunctionName" -> "bench";
                    default -> null;
                });
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
