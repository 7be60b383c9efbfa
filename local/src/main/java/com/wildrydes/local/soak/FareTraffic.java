package com.wildrydes.local.soak;

import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.engines.RunningEngines;
import com.wildrydes.local.stepfunctions.StateMachineExecution;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Lab 4: fares through the saga, with the README's sample customers (success, and each failure:
 * authorisation, charge, credit, refund). The invariants: each fare's final status matches exactly
 * one notification (successful for {@code completed}, failed otherwise); a fare is charged at most
 * once (one charge ID however often the charge step ran) and refunded whenever its credit failed
 * and the refund did not; no card data in the table or any notification.
 */
final class FareTraffic implements LabTraffic {

    private static final String SAGA = "CompleteStateMachineArn";
    private static final String CHARGE = "ChargeFareFunction52D02A88";
    private static final String REFUND = "RefundFareFunctionE818B9D1";
    private static final String CARD_NUMBER = "2424 2424 2424 2424";
    private static final List<String> CUSTOMERS =
            List.of("3", "3", "3", "3_fail_credit", "3_fail_auth", "3_fail_charge", "3_fail_refund");
    private static final Pattern FARE_ID = Pattern.compile("wr_[a-f]+");

    private final AtomicLong sent = new AtomicLong();
    private final Map<String, String> customers = new ConcurrentHashMap<>();
    private final Map<String, StateMachineExecution> executions = new ConcurrentHashMap<>();
    private final Map<String, Integer> successful = new ConcurrentHashMap<>();
    private final Map<String, Integer> failed = new ConcurrentHashMap<>();
    private final Set<String> operatorActions = ConcurrentHashMap.newKeySet();
    private final List<String> published = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    @Override
    public String stack() {
        return "wild-rydes-async-msg-4";
    }

    @Override
    public double requestsPerSecond() {
        return 2;
    }

    @Override
    public LocalSettings settings(LocalSettings base) {
        return base;
    }

    @Override
    public void prepare(LocalLab lab, RunningEngines engines) {}

    @Override
    public void sendOne(LocalLab lab, SoakFigures figures) throws Exception {
        String customer = CUSTOMERS.get((int) (sent.getAndIncrement() % CUSTOMERS.size()));
        String fareId = "wr_" + java.util.UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String input = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(Map.of(
                        "customerId",
                        customer,
                        "fareId",
                        fareId,
                        "fareAmount",
                        "$20.00",
                        "cc",
                        CARD_NUMBER,
                        "expiryDate",
                        "12/22",
                        "cvv",
                        "111"));
        figures.requests.incrementAndGet();
        customers.put(fareId, customer);
        long start = System.nanoTime();
        StateMachineExecution execution = lab.startExecution(SAGA, input);
        figures.latency((System.nanoTime() - start) / 1_000_000);
        figures.accepted.incrementAndGet();
        executions.put(fareId, execution);
    }

    @Override
    public void observe(LocalLab lab, RunningEngines engines, SoakFigures figures) {
        read(engines, lab.output("SuccessfulTransactionsQueueUrl"), successful);
        read(engines, lab.output("FailedTransactionsQueueUrl"), failed);
        for (Message message : drain(engines, lab.output("OperatorActionsQueueUrl"))) {
            Matcher fare = FARE_ID.matcher(message.body());
            if (fare.find()) {
                operatorActions.add(fare.group());
            }
        }
    }

    private void read(RunningEngines engines, String queueUrl, Map<String, Integer> counts) {
        for (Message message : drain(engines, queueUrl)) {
            Matcher fare = FARE_ID.matcher(message.body());
            if (fare.find()) {
                counts.merge(fare.group(), 1, Integer::sum);
            }
        }
    }

    private List<Message> drain(RunningEngines engines, String queueUrl) {
        List<Message> all = new java.util.ArrayList<>();
        List<Message> messages;
        do {
            messages = engines.sqs()
                    .receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10))
                    .messages();
            for (Message message : messages) {
                published.add(message.body());
                engines.sqs().deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
            all.addAll(messages);
        } while (!messages.isEmpty());
        return all;
    }

    @Override
    public boolean settled() {
        for (Map.Entry<String, StateMachineExecution> execution : executions.entrySet()) {
            String fareId = execution.getKey();
            if (execution.getValue().states().contains("ChargeFare")
                    && !successful.containsKey(fareId)
                    && !failed.containsKey(fareId)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void check(LocalLab lab, RunningEngines engines, SoakFigures figures) {
        String table = lab.output("FaresTableName");
        List<String> charges = lab.functionByLogicalId(CHARGE).logLines();
        List<String> refunds = lab.functionByLogicalId(REFUND).logLines();
        for (Map.Entry<String, StateMachineExecution> entry : executions.entrySet()) {
            String fareId = entry.getKey();
            StateMachineExecution execution = entry.getValue();
            Map<String, AttributeValue> item = engines.dynamoDb()
                    .getItem(get -> get.tableName(table).key(Map.of("fareId", AttributeValue.fromS(fareId))))
                    .item();
            String status = item == null || !item.containsKey("fareStatus")
                    ? null
                    : item.get("fareStatus").s();
            int good = successful.getOrDefault(fareId, 0);
            int bad = failed.getOrDefault(fareId, 0);
            if (status == null && good + bad == 0 && !execution.states().contains("ChargeFare")) {
                // Refused before anything was charged (RegisterFare met an error it does not retry): the
                // execution failed with that error, for the caller to start again; nothing to notify.
                continue;
            }
            if (good + bad == 0) {
                figures.lost.incrementAndGet();
            }
            if (good + bad > 1) {
                figures.duplicates.addAndGet(good + bad - 1);
            }
            // A fare RegisterFare could not store (an error it does not retry) fails before any charge:
            // no status, one failed notification.
            boolean matches = "completed".equals(status) ? good == 1 && bad == 0 : good == 0 && bad == 1;
            if (!matches) {
                figures.violation("fare " + fareId + " (" + customers.get(fareId) + ", " + execution.status() + " "
                        + execution.error() + ", states " + execution.states() + ") has status " + status + " and "
                        + good + " successful, " + bad + " failed notifications");
            }
            long chargeIds = charges.stream()
                    .filter(line -> line.contains(fareId) && line.contains("fare-charged"))
                    .map(line -> line.replaceAll(".*\"chargeId\":\"([^\"]+)\".*", "$1"))
                    .distinct()
                    .count();
            if (chargeIds > 1) {
                figures.violation("fare " + fareId + " was charged " + chargeIds + " times");
            }
            boolean creditFailed = execution.states().contains("RefundFare");
            boolean refunded =
                    refunds.stream().anyMatch(line -> line.contains(fareId) && line.contains("fare-refunded"));
            if (creditFailed && !refunded && !"refund_failed".equals(status)) {
                figures.violation("fare " + fareId + ": its credit failed and it was neither refunded nor left"
                        + " for an operator (status " + status + ")");
            }
            if ("refund_failed".equals(status) && !operatorActions.contains(fareId)) {
                figures.violation("fare " + fareId + " needs a manual refund and no operator action says so");
            }
        }
        // The charge step run again for one fare (a retried invoke): charged once all the same, by its charge ID.
        long chargeRuns =
                charges.stream().filter(line -> line.contains("fare-charged")).count();
        long chargedFares = executions.keySet().stream()
                .filter(fareId ->
                        charges.stream().anyMatch(line -> line.contains(fareId) && line.contains("fare-charged")))
                .count();
        figures.redeliveries.set(chargeRuns - chargedFares);
        engines.dynamoDb().scan(scan -> scan.tableName(table)).items().forEach(item -> published.add(item.toString()));
        for (String text : published) {
            if (text.contains(CARD_NUMBER)
                    || text.contains("12/22")
                    || text.contains("cvv")
                    || text.contains("\"cc\"")) {
                figures.violation("card data stored or published: " + text);
            }
        }
    }

    @Override
    public Duration settleTime() {
        return Duration.ofMinutes(2);
    }
}
