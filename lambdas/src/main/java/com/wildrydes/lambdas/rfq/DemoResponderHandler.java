package com.wildrydes.lambdas.rfq;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.wildrydes.lambdas.backend.FailureInjector;
import com.wildrydes.lambdas.common.AwsClients;
import com.wildrydes.lambdas.common.DemoRandom;
import com.wildrydes.lambdas.common.Environment;
import com.wildrydes.lambdas.common.EventTimestamps;
import com.wildrydes.lambdas.common.Json;
import com.wildrydes.lambdas.common.RequestFields;
import com.wildrydes.lambdas.common.SnapStartPriming;
import com.wildrydes.lambdas.common.StructuredLog;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.DoubleSupplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A demo unicorn-management resource answering requests for quotes: available at random
 * (AVAILABILITY, 0 to 1), it "computes the quote" for a random 0 to MAX_DELAY_SECONDS, then sends
 * {@code {"responder", "rfq-id", "quote"}} to the return address the request carries.
 */
public class DemoResponderHandler implements RequestHandler<SNSEvent, Void> {

    /** Waits; tests pass one that does not. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final String responder;
    private final double availability;
    private final long maxDelayMillis;
    private final SqsClient sqs;
    private final DoubleSupplier random;
    private final Sleeper sleeper;

    public DemoResponderHandler() {
        this(
                Environment.required("RESPONDER_NAME"),
                Environment.rate("AVAILABILITY", 0.5),
                Long.parseLong(Environment.required("MAX_DELAY_SECONDS")) * 1000,
                AwsClients.build(SqsClient.builder()),
                DemoRandom.create(),
                Thread::sleep);
        EventTimestamps.readWithoutTimeZoneDatabase();
        // Priming reads a request as a real one is read (parsing and validation), draws from the demo's
        // SecureRandom (which stays random across restores, see README) and sends the quote through the
        // dry-run client: the first request after a restore finds all of that loaded.
        SnapStartPriming.register(DemoResponderHandler.class, () -> {
            Asked asked = Asked.read(RfqSamples.request().toMessage(RfqSamples.QUEUE_URL));
            Quote quote = new Quote("priming", asked.rfqId(), BigDecimal.valueOf((long) (random.getAsDouble() * 101)));
            send(SnapStartPriming.dryRun(sqs, SqsClient.class), asked.replyTo(), quote);
            Json.write(quoted(quote, 0)); // the log line's JSON, not logged: priming is no quote
        });
    }

    public DemoResponderHandler(
            String responder,
            double availability,
            long maxDelayMillis,
            SqsClient sqs,
            DoubleSupplier random,
            Sleeper sleeper) {
        this.responder = responder;
        this.availability = availability;
        this.maxDelayMillis = maxDelayMillis;
        this.sqs = sqs;
        this.random = random;
        this.sleeper = sleeper;
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            answer(record.getSNS().getMessage());
        }
        return null;
    }

    private void answer(String message) {
        Asked asked = Asked.read(message);
        String rfqId = asked.rfqId();
        if (new FailureInjector(1 - availability, random).shouldFail()) {
            StructuredLog.info("rfq-declined", Map.of("responder", responder, "rfqId", rfqId));
            return;
        }
        long delay = (long) (random.getAsDouble() * maxDelayMillis);
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing the quote", e);
        }
        Quote quote = new Quote(responder, rfqId, BigDecimal.valueOf((long) (random.getAsDouble() * 101)));
        send(sqs, asked.replyTo(), quote);
        StructuredLog.info("rfq-quoted", quoted(quote, delay));
    }

    private static Map<String, Object> quoted(Quote quote, long delayMillis) {
        return Map.of(
                "responder",
                quote.responder(),
                "rfqId",
                quote.rfqId(),
                "quote",
                quote.quote(),
                "delayMillis",
                delayMillis);
    }

    /** What a request for quotes asks of a responder: which request, and where to send the quote. */
    private record Asked(String rfqId, String replyTo) {
        static Asked read(String message) {
            RequestFields request = new RequestFields(Json.parseObject(message));
            return new Asked(
                    RfqIds.requireValid(request.requiredText(RfqRequest.RFQ_ID)),
                    request.requiredText(RfqRequest.REPLY_TO));
        }
    }

    private static void send(SqsClient sqs, String replyTo, Quote quote) {
        sqs.sendMessage(send -> send.queueUrl(replyTo).messageBody(quote.toMessage()));
    }
}
