package com.wildrydes.constructs.rfq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The names of a request for quotes' responders, each checked when it is given and handed to the
 * collector as RESPONDER_NAMES (a JSON array) at synthesis. The collector compares a quote's name
 * with them after the normalisation below (the same as
 * {@code com.wildrydes.lambdas.rfq.ExpectedResponders}), so two names that normalise alike would be
 * one responder: they are refused here.
 */
final class ResponderNames {

    /** DynamoDB's limit for a sort key; each quote is stored under its responder's name. */
    static final int MAX_NAME_BYTES = 1024;
    /** Lambda allows 4 KB for all of a function's environment variables together. */
    static final int MAX_JSON_BYTES = 3500;

    private final List<String> names = new ArrayList<>();

    /**
     * Adds {@code name}, given through {@code source} (a prop or a method, for the message).
     *
     * @param subscribed whether the name becomes a construct ID (its subscription's)
     * @throws IllegalArgumentException naming the source, what was given and what is expected
     */
    void add(String source, String name, boolean subscribed) {
        String prefix = "ScatterGatherRfq." + source + ": a responder name must ";
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    prefix + "not be empty, got " + (name == null ? "null" : "\"" + name + "\""));
        }
        String normalised = normalise(name);
        if (normalised.equals("-")) {
            throw new IllegalArgumentException(
                    prefix + "not be \"-\", which stands for the request itself in the table, got \"" + name + "\"");
        }
        if (subscribed && name.contains("/")) {
            throw new IllegalArgumentException(prefix + "be a construct ID (no '/'), got \"" + name
                    + "\": its subscription is named <name>Subscription");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new IllegalArgumentException(prefix + "be at most " + MAX_NAME_BYTES
                    + " bytes (DynamoDB's sort key limit), got one of " + bytes);
        }
        for (String previous : names) {
            if (normalise(previous).equals(normalised)) {
                throw new IllegalArgumentException(prefix + "differ from the others after trimming, Unicode NFKC and "
                        + "case folding, got \"" + name + "\" (already \"" + previous + "\")");
            }
        }
        List<String> with = new ArrayList<>(names);
        with.add(name);
        int jsonBytes = toJson(with).getBytes(StandardCharsets.UTF_8).length;
        if (jsonBytes > MAX_JSON_BYTES) {
            throw new IllegalArgumentException("ScatterGatherRfq." + source + ": the responder names must fit in "
                    + "the collector's environment (at most " + MAX_JSON_BYTES + " bytes as JSON; Lambda allows 4 KB "
                    + "in all), got " + jsonBytes + " with \"" + name + "\"");
        }
        names.add(name);
    }

    /** A copy of the names, in the order given. */
    List<String> list() {
        return List.copyOf(names);
    }

    int count() {
        return names.size();
    }

    /** The names as the collector's environment variable takes them. */
    String toEnvironmentValue() {
        return toJson(names);
    }

    private static String toJson(List<String> names) {
        try {
            return new ObjectMapper().writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normalise(String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
        return Normalizer.normalize(compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }
}
