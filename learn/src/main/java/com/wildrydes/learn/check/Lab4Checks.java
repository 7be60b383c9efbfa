package com.wildrydes.learn.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lab 4's five steps (docs/learn-lab4.md), read from the start-here state machine's definition in
 * the learner's template: each state's type, resource, parameters, next state and catchers. The
 * local proof ({@link Lab4Proof}) runs the workshop's sample inputs through it.
 */
final class Lab4Checks {

    static final String[] TITLES = {
        "RegisterFare: the fare, typed, once",
        "ChargeFare: the charge, card fields dropped",
        "The happy path: credit, completed, notified",
        "The charge's errors: fare failed, notified",
        "The compensation: a credit error refunds"
    };
    static final String STATE_MACHINE = "StartHereStateMachine";
    static final String AUTH_ERROR = "com.wildrydes.lambdas.fares.PaymentAuthorizationException";
    static final String CHARGE_ERROR = "com.wildrydes.lambdas.fares.PaymentChargeException";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Lab4Checks() {}

    static List<StepResult> check(LabTemplate t) {
        List<StepResult> results = new ArrayList<>();
        JsonNode states = definition(t).path("States");
        results.add(registerFare(t, states));
        results.add(chargeFare(t, states));
        results.add(happyPath(t, states));
        results.add(chargeErrors(states));
        results.add(compensation(t, states));
        return results;
    }

    /** The start-here state machine's definition, its references written as ${LogicalId}. */
    static JsonNode definition(LabTemplate t) {
        Optional<String> machine = t.resources("AWS::StepFunctions::StateMachine").keySet().stream()
                .filter(id -> id.startsWith(STATE_MACHINE))
                .findFirst();
        if (machine.isEmpty()) {
            return JSON.createObjectNode();
        }
        JsonNode definition = t.properties(machine.get()).get("DefinitionString");
        StringBuilder text = new StringBuilder();
        if (definition.isTextual()) {
            text.append(definition.asText());
        } else {
            for (JsonNode part : definition.path("Fn::Join").path(1)) {
                text.append(
                        part.isTextual()
                                ? part.asText()
                                : "${" + LabTemplate.referencedId(part).orElse("?") + "}");
            }
        }
        try {
            return JSON.readTree(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StepResult registerFare(LabTemplate t, JsonNode states) {
        String title = TITLES[0];
        JsonNode state = states.path("RegisterFare");
        if (state.isMissingNode()) {
            return StepResult.wrong(
                    1, title, "the state machine has no state named RegisterFare any more: keep the name");
        }
        if (state.path("Type").asText().equals("Pass")) {
            return StepResult.notYet(1, title, "RegisterFare is still the start-here Pass state");
        }
        if (!state.path("Resource").asText().endsWith(":dynamodb:putItem")) {
            return StepResult.wrong(
                    1, title, "RegisterFare calls " + state.path("Resource").asText() + ", not DynamoDB PutItem");
        }
        JsonNode parameters = state.path("Parameters");
        if (parameters.has("Item.$")) {
            return StepResult.wrong(
                    1,
                    title,
                    "RegisterFare puts the raw input (Item.$): DynamoDB refuses it, and it would store the card number;"
                            + " name each field with its type");
        }
        if (!parameters.path("TableName").asText().contains(faresTable(t))) {
            return StepResult.wrong(
                    1, title, "RegisterFare writes to " + parameters.path("TableName") + ", not the Fares table");
        }
        for (String field : List.of("fareId", "customerId", "fareAmount")) {
            if (!parameters.path("Item").has(field)) {
                return StepResult.wrong(1, title, "RegisterFare's item has no " + field);
            }
        }
        if (!parameters.path("ConditionExpression").asText().contains("attribute_not_exists(fareId)")) {
            return StepResult.wrong(
                    1,
                    title,
                    "RegisterFare overwrites a fare with the same fareId: a fare submitted twice would be charged"
                            + " twice (conditionExpression attribute_not_exists(fareId))");
        }
        return StepResult.done(1, title, "a typed PutItem, only if the fareId is new");
    }

    private static StepResult chargeFare(LabTemplate t, JsonNode states) {
        String title = TITLES[1];
        JsonNode state = states.path("ChargeFare");
        if (state.isMissingNode()) {
            return StepResult.notYet(2, title, "no ChargeFare state yet");
        }
        if (!states.path("RegisterFare").path("Next").asText().equals("ChargeFare")) {
            return StepResult.wrong(
                    2,
                    title,
                    "RegisterFare goes on to "
                            + states.path("RegisterFare").path("Next").asText("nothing") + ", not to ChargeFare");
        }
        StepResult invokes = invokes(t, state, "ChargeFare", "ChargeFareHandler", 2, title);
        if (invokes != null) {
            return invokes;
        }
        JsonNode selector = state.get("ResultSelector");
        if (selector == null
                || selector.toString().contains("cc") && selector.toString().contains("cvv")) {
            return StepResult.wrong(
                    2,
                    title,
                    "ChargeFare keeps the whole state, card number and CVV included, which later states would"
                            + " store and publish: select the charge's fields with resultSelector");
        }
        return StepResult.done(2, title, "invokes the charge function; only the charge's fields go on");
    }

    private static StepResult happyPath(LabTemplate t, JsonNode states) {
        String title = TITLES[2];
        JsonNode credit = states.path("CreditCustomerAccount");
        if (credit.isMissingNode()) {
            return StepResult.notYet(3, title, "no CreditCustomerAccount state yet");
        }
        if (!states.path("ChargeFare").path("Next").asText().equals("CreditCustomerAccount")) {
            return StepResult.wrong(3, title, "ChargeFare does not go on to CreditCustomerAccount");
        }
        StepResult invokes = invokes(t, credit, "CreditCustomerAccount", "CreditCustomerAccountHandler", 3, title);
        if (invokes != null) {
            return invokes;
        }
        StepResult path = path(
                states,
                "CreditCustomerAccount",
                "SetFareStatusCompleted",
                "completed",
                "NotifySuccess",
                "true",
                "Succeed",
                3,
                title);
        return path != null
                ? path
                : StepResult.done(
                        3,
                        title,
                        "CreditCustomerAccount, SetFareStatusCompleted, NotifySuccess (IsSuccessful=true), Succeed");
    }

    private static StepResult chargeErrors(JsonNode states) {
        String title = TITLES[3];
        JsonNode catchers = states.path("ChargeFare").path("Catch");
        if (catchers.isEmpty()) {
            return StepResult.notYet(4, title, "ChargeFare catches no error yet");
        }
        List<String> caught = new ArrayList<>();
        String next = null;
        for (JsonNode catcher : catchers) {
            for (JsonNode error : catcher.path("ErrorEquals")) {
                caught.add(error.asText());
                if (error.asText().equals(AUTH_ERROR) || error.asText().equals(CHARGE_ERROR)) {
                    next = catcher.path("Next").asText();
                }
            }
        }
        for (String error : List.of(AUTH_ERROR, CHARGE_ERROR)) {
            if (!caught.contains(error)) {
                String simple = error.substring(error.lastIndexOf('.') + 1);
                return StepResult.wrong(
                        4,
                        title,
                        "ChargeFare does not catch " + error
                                + (caught.contains(simple)
                                        ? ": it names " + simple
                                                + ", as Python reports it; the Java runtime reports the class's"
                                                + " fully qualified name"
                                        : " (it catches " + caught + ")"));
            }
        }
        if (!"SetFareStatusFailed".equals(next)) {
            return StepResult.wrong(4, title, "the payment errors go to " + next + ", not to SetFareStatusFailed");
        }
        StepResult path =
                path(states, null, "SetFareStatusFailed", "failed", "NotifyFailure", "false", "Fail", 4, title);
        return path != null
                ? path
                : StepResult.done(
                        4, title, "payment errors: SetFareStatusFailed, NotifyFailure (IsSuccessful=false), Fail");
    }

    private static StepResult compensation(LabTemplate t, JsonNode states) {
        String title = TITLES[4];
        JsonNode catchers = states.path("CreditCustomerAccount").path("Catch");
        if (catchers.isEmpty()) {
            return StepResult.notYet(5, title, "CreditCustomerAccount catches no error yet");
        }
        String next = catchers.get(0).path("Next").asText();
        if (!next.equals("RefundFare")) {
            return StepResult.wrong(
                    5,
                    title,
                    "a credit error goes to " + next + ", not to RefundFare: the customer would stay charged for a"
                            + " fare never credited");
        }
        JsonNode refund = states.path("RefundFare");
        StepResult invokes = invokes(t, refund, "RefundFare", "RefundFareHandler", 5, title);
        if (invokes != null) {
            return invokes;
        }
        if (!refund.path("Next").asText().equals("SetFareStatusFailed")) {
            return StepResult.wrong(
                    5,
                    title,
                    "RefundFare goes on to " + refund.path("Next").asText("nothing") + ", not to SetFareStatusFailed");
        }
        return StepResult.done(5, title, "a credit error: RefundFare, then the failure path");
    }

    /** Null when the state invokes the function with that handler; else what is wrong. */
    private static StepResult invokes(
            LabTemplate t, JsonNode state, String name, String handler, int step, String title) {
        if (!state.path("Resource").asText().contains(":lambda:invoke")
                && !state.path("Resource").asText().contains("${")) {
            return StepResult.wrong(step, title, name + " is no Lambda invoke task");
        }
        Optional<String> function = t.functionWithHandler(handler);
        String target = state.path("Parameters")
                .path("FunctionName")
                .asText(state.path("Resource").asText());
        Optional<String> invoked = referenced(target)
                .flatMap(id -> t.functionBehind(JSON.createObjectNode().put("Ref", id)));
        if (function.isEmpty() || !function.equals(invoked)) {
            return StepResult.wrong(step, title, name + " invokes " + target + ", not the " + handler + " function");
        }
        return null;
    }

    private static Optional<String> referenced(String text) {
        int start = text.indexOf("${");
        return start < 0 ? Optional.empty() : Optional.of(text.substring(start + 2, text.indexOf('}', start)));
    }

    /** Null when {@code from} goes to the status update, the notification and the end state; else what is wrong. */
    private static StepResult path(
            JsonNode states,
            String from,
            String update,
            String status,
            String notify,
            String successful,
            String end,
            int step,
            String title) {
        if (from != null && !states.path(from).path("Next").asText().equals(update)) {
            return StepResult.wrong(
                    step,
                    title,
                    from + " goes on to " + states.path(from).path("Next").asText("nothing") + ", not to " + update);
        }
        JsonNode set = states.path(update);
        if (set.isMissingNode()) {
            return StepResult.wrong(step, title, "no " + update + " state");
        }
        if (!set.toString().contains("\"" + status + "\"")) {
            return StepResult.wrong(step, title, update + " does not set the fare's status to " + status);
        }
        if (!set.path("Next").asText().equals(notify)) {
            return StepResult.wrong(
                    step, title, update + " goes on to " + set.path("Next").asText("nothing") + ", not to " + notify);
        }
        JsonNode publish = states.path(notify);
        String attribute = publish.path("Parameters")
                .path("MessageAttributes")
                .path("IsSuccessful")
                .path("StringValue")
                .asText("");
        if (!attribute.equals(successful)) {
            return StepResult.wrong(
                    step,
                    title,
                    notify + " publishes IsSuccessful=" + (attribute.isEmpty() ? "nothing" : attribute)
                            + ": the " + (successful.equals("true") ? "successful" : "failed")
                            + "-transactions queue filters on IsSuccessful=" + successful);
        }
        String last = publish.path("Next").asText("");
        if (!states.path(last).path("Type").asText().equals(end)) {
            return StepResult.wrong(
                    step,
                    title,
                    notify + " goes on to " + (last.isEmpty() ? "nothing" : last) + ", not to a " + end + " state");
        }
        return null;
    }

    static String faresTable(LabTemplate t) {
        return t.resources("AWS::DynamoDB::Table").keySet().stream().findFirst().orElse("FaresTable");
    }
}
