package com.wildrydes.lambdas.rfq;

import com.wildrydes.lambdas.common.SnapStartPriming;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The RidesBooking table: partition key {@code id} (the rfq-id), sort key {@code responder}. The
 * request is the item with responder {@code "-"}; each quote is an item with the responder's name.
 * <p>
 * A quote is stored and counted in one transaction, on two conditions: the quote is new (a
 * redelivered or duplicated response changes nothing) and the request is open (a late quote is
 * not counted). Any other cancellation of that transaction is thrown, for the caller to retry.
 * The request is closed by a conditional update, so it closes exactly once, and the completion
 * event's publish is claimed by another, so that one delivery of the closing message publishes it.
 */
public class RfqStore {

    static final String REQUEST_SORT_KEY = "-";
    static final String OPEN = "OPEN";
    static final String CLOSED = "CLOSED";
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    /** What became of a quote offered to the store. */
    public enum QuoteOutcome {
        COUNTED,
        DUPLICATE,
        LATE,
        UNKNOWN_REQUEST
    }

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public RfqStore(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    public void createRequest(RfqRequest request, int expected, Instant deadline) {
        Map<String, AttributeValue> item = new HashMap<>(key(request.rfqId(), REQUEST_SORT_KEY));
        item.put("from", s(request.from()));
        item.put("to", s(request.to()));
        item.put("customer", s(request.customer()));
        item.put("status", s(OPEN));
        item.put("expected", n(expected));
        item.put("answered", n(0));
        item.put("deadline", n(deadline.toEpochMilli()));
        item.put("createdAt", n(clock.millis()));
        dynamoDb.putItem(put -> put.tableName(tableName).item(item).conditionExpression("attribute_not_exists(id)"));
    }

    /** Removes a request that could not be sent out, as the undo of {@link #createRequest}. */
    public void deleteRequest(String rfqId) {
        dynamoDb.deleteItem(delete -> delete.tableName(tableName).key(key(rfqId, REQUEST_SORT_KEY)));
    }

    public QuoteOutcome recordQuote(Quote quote) {
        Map<String, AttributeValue> item = new HashMap<>(key(quote.rfqId(), quote.responder()));
        item.put("quote", AttributeValue.fromN(quote.quote().toPlainString()));
        item.put("receivedAt", n(clock.millis()));
        try {
            dynamoDb.transactWriteItems(transaction -> transaction.transactItems(
                    TransactWriteItem.builder()
                            .put(Put.builder()
                                    .tableName(tableName)
                                    .item(item)
                                    .conditionExpression("attribute_not_exists(responder)")
                                    .build())
                            .build(),
                    TransactWriteItem.builder()
                            .update(Update.builder()
                                    .tableName(tableName)
                                    .key(key(quote.rfqId(), REQUEST_SORT_KEY))
                                    .updateExpression("ADD answered :one")
                                    .conditionExpression("#status = :open AND deadline > :now")
                                    .expressionAttributeNames(Map.of("#status", "status"))
                                    .expressionAttributeValues(
                                            Map.of(":one", n(1), ":open", s(OPEN), ":now", n(clock.millis())))
                                    .build())
                            .build()));
            return QuoteOutcome.COUNTED;
        } catch (TransactionCanceledException e) {
            return switch (whyCancelled(e.cancellationReasons())) {
                case QUOTE_EXISTS -> QuoteOutcome.DUPLICATE;
                case REQUEST_NOT_OPEN ->
                    find(quote.rfqId()).isPresent() ? QuoteOutcome.LATE : QuoteOutcome.UNKNOWN_REQUEST;
                // A conflict with another quote's transaction on the request item, throttling, a
                // validation error: nothing was written and nothing is known about the quote.
                // Failing the message retries it and, if it never succeeds, dead-letters it.
                case OTHER -> throw e;
            };
        }
    }

    private enum Cancellation {
        QUOTE_EXISTS,
        REQUEST_NOT_OPEN,
        OTHER
    }

    /**
     * Reads the cancellation reasons, which are positional: index 0 is the quote's Put, index 1 the
     * request's Update, "None" for an item that did not fail. The quote item's condition failing
     * means it is stored already, and it was stored together with its count, so it is a duplicate
     * whatever happened to the request. The request's condition failing means it is closed, past
     * its deadline or missing, but only when the quote's own write did not fail for another
     * reason (then whether it is a duplicate is unknown).
     */
    private static Cancellation whyCancelled(List<CancellationReason> reasons) {
        if (reasons.size() != 2) {
            return Cancellation.OTHER;
        }
        String quoteItem = reasons.get(0).code();
        String requestItem = reasons.get(1).code();
        if (CONDITION_FAILED.equals(quoteItem)) {
            return Cancellation.QUOTE_EXISTS;
        }
        if (CONDITION_FAILED.equals(requestItem) && isNone(quoteItem)) {
            return Cancellation.REQUEST_NOT_OPEN;
        }
        return Cancellation.OTHER;
    }

    private static boolean isNone(String code) {
        return code == null || "None".equals(code);
    }

    /** What {@link #close} found: whether the caller is to publish the completion event. */
    public enum CloseOutcome {
        /**
         * Closed (by this caller now, or before by any caller) and its completion event not yet
         * recorded as published: publish it, under the publish claim. Any caller, not only the
         * closer's message: if every delivery of the closing message failed (dead-lettered), the
         * deadline message, a redelivered quote or a redriven dead letter still publishes it.
         */
        TO_PUBLISH,
        /** Published already, or no such request: nothing to do. */
        NOTHING_TO_DO,
        /** A deadline close of a request whose deadline has not passed: it stays open. */
        DEADLINE_NOT_REACHED
    }

    /**
     * Closes an open request. A close at the deadline ({@link RfqCompletion#DEADLINE}) also needs
     * the stored deadline passed, in the same conditional update, so an early deadline message
     * cannot close a request that quotes may still reach.
     */
    public CloseOutcome close(String rfqId, String reason, String closedBy) {
        boolean atDeadline = RfqCompletion.DEADLINE.equals(reason);
        long now = clock.millis();
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName)
                    .key(key(rfqId, REQUEST_SORT_KEY))
                    .updateExpression("SET #status = :closed, closedReason = :reason, closedBy = :by, closedAt = :now")
                    .conditionExpression(atDeadline ? "#status = :open AND deadline <= :now" : "#status = :open")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":closed",
                            s(CLOSED),
                            ":open",
                            s(OPEN),
                            ":reason",
                            s(reason),
                            ":by",
                            s(closedBy),
                            ":now",
                            n(now))));
            return CloseOutcome.TO_PUBLISH;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> request = getRequestItem(rfqId);
            if (request == null) {
                return CloseOutcome.NOTHING_TO_DO;
            }
            if (atDeadline
                    && OPEN.equals(text(request, "status"))
                    && Long.parseLong(request.get("deadline").n()) > now) {
                return CloseOutcome.DEADLINE_NOT_REACHED;
            }
            return CLOSED.equals(text(request, "status")) && !request.containsKey("notifiedAt")
                    ? CloseOutcome.TO_PUBLISH
                    : CloseOutcome.NOTHING_TO_DO;
        }
    }

    /** Whether the caller may publish the completion event now. */
    public enum PublishClaim {
        /** Claimed: publish, then {@link #markNotified}, or {@link #releasePublish} if the publish failed. */
        CLAIMED,
        /** Published already: nothing to do. */
        PUBLISHED,
        /** Another delivery of the closing message holds a live claim: try again later. */
        HELD
    }

    /**
     * Claims the publish of a closed request's completion event for {@code lease}, by a
     * conditional write: only one of several concurrent deliveries of the closing message
     * publishes. A claimer that dies before publishing (a timeout, a crash) leaves a claim that
     * expires at the end of its lease, after which a retry claims it again, so nothing is lost.
     */
    public PublishClaim claimPublish(String rfqId, String claimant, Duration lease) {
        long now = clock.millis();
        long leaseUntil = now + lease.toMillis();
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName)
                    .key(key(rfqId, REQUEST_SORT_KEY))
                    .updateExpression("SET publishClaimant = :claimant, publishLeaseUntil = :until")
                    .conditionExpression("#status = :closed AND attribute_not_exists(notifiedAt)"
                            + " AND (attribute_not_exists(publishLeaseUntil) OR publishLeaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":claimant", s(claimant), ":until", n(leaseUntil), ":closed", s(CLOSED), ":now", n(now))));
            return PublishClaim.CLAIMED;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> request = getRequestItem(rfqId);
            return request == null || request.containsKey("notifiedAt") ? PublishClaim.PUBLISHED : PublishClaim.HELD;
        }
    }

    /** Gives up a claim whose publish failed, so that the retry need not wait for its lease to end. */
    public void releasePublish(String rfqId, String claimant) {
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName)
                    .key(key(rfqId, REQUEST_SORT_KEY))
                    .updateExpression("REMOVE publishClaimant, publishLeaseUntil")
                    .conditionExpression("publishClaimant = :claimant")
                    .expressionAttributeValues(Map.of(":claimant", s(claimant))));
        } catch (ConditionalCheckFailedException e) {
            // Not ours any more (it expired and was claimed again): leave it to its holder.
        }
    }

    /** Records that the completion event was published, so that a retry does not publish it again. */
    public void markNotified(String rfqId) {
        dynamoDb.updateItem(update -> update.tableName(tableName)
                .key(key(rfqId, REQUEST_SORT_KEY))
                .updateExpression("SET notifiedAt = :now REMOVE publishClaimant, publishLeaseUntil")
                .expressionAttributeValues(Map.of(":now", n(clock.millis()))));
    }

    public Optional<RfqState> find(String rfqId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.queryPaginator(query -> query.tableName(tableName)
                        .consistentRead(true)
                        .keyConditionExpression("id = :id")
                        .expressionAttributeValues(Map.of(":id", s(rfqId))))
                .items()
                .forEach(items::add);
        Map<String, AttributeValue> request = items.stream()
                .filter(item -> REQUEST_SORT_KEY.equals(text(item, "responder")))
                .findFirst()
                .orElse(null);
        if (request == null) {
            return Optional.empty();
        }
        List<RfqState.CountedQuote> quotes = items.stream()
                .filter(item -> !REQUEST_SORT_KEY.equals(text(item, "responder")))
                .map(item -> new RfqState.CountedQuote(
                        text(item, "responder"),
                        new BigDecimal(item.get("quote").n())))
                .toList();
        return Optional.of(new RfqState(
                new RfqRequest(rfqId, text(request, "from"), text(request, "to"), text(request, "customer")),
                quotes,
                Integer.parseInt(request.get("expected").n()),
                Integer.parseInt(request.get("answered").n()),
                Instant.ofEpochMilli(Long.parseLong(request.get("deadline").n())),
                CLOSED.equals(text(request, "status")),
                text(request, "closedReason")));
    }

    /** SnapStart priming: each of this store's requests for a sample request, marshalled and signed, never sent. */
    public SnapStartPriming.Primer primer() {
        return () -> {
            RfqStore dryRun = new RfqStore(SnapStartPriming.dryRun(dynamoDb, DynamoDbClient.class), tableName, clock);
            SnapStartPriming.each(
                            () -> dryRun.createRequest(RfqSamples.request(), 1, Instant.EPOCH),
                            () -> dryRun.deleteRequest(RfqSamples.RFQ_ID),
                            () -> dryRun.recordQuote(RfqSamples.quote()),
                            () -> dryRun.find(RfqSamples.RFQ_ID),
                            () -> dryRun.getRequestItem(RfqSamples.RFQ_ID),
                            () -> dryRun.close(RfqSamples.RFQ_ID, RfqCompletion.DEADLINE, "priming"),
                            () -> dryRun.claimPublish(RfqSamples.RFQ_ID, "priming", Duration.ZERO),
                            () -> dryRun.releasePublish(RfqSamples.RFQ_ID, "priming"),
                            () -> dryRun.markNotified(RfqSamples.RFQ_ID))
                    .prime();
        };
    }

    private Map<String, AttributeValue> getRequestItem(String rfqId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                        .key(key(rfqId, REQUEST_SORT_KEY))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static Map<String, AttributeValue> key(String rfqId, String responder) {
        return Map.of("id", s(rfqId), "responder", s(responder));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
