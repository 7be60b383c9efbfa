package com.wildrydes.constructs.rfq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names of a request for quotes' responders, checked at synthesis and handed to the collector
 * as RESPONDER_NAMES (a JSON array). The collector compares a quote's name with them after the
 * normalisation below (the same as {@code com.wildrydes.lambdas.rfq.ExpectedResponders}), so two
 * names that normalise alike would be one responder: they are refused here.
 */
final class ResponderNames {

    /** DynamoDB's limit for a sort key; each quote is stored under its responder's name. */
    static final int MAX_NAME_BYTES = 1024;
    /** Lambda allows 4 KB for all of a function's environment variables together. */
    static final int MAX_JSON_BYTES = 3500;

    private ResponderNames() {}

    static String toEnvironmentValue(List<String> names) {
        Map<String, String> byNormalised = new LinkedHashMap<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("ScatterGatherRfq: responderNames must not be empty, got " + names);
            }
            String normalised = normalise(name);
            if (normalised.equals("-")) {
                throw new IllegalArgumentException("ScatterGatherRfq: responderNames must not be \"-\", which "
                        + "stands for the request itself in the table, got \"" + name + "\"");
            }
            if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw new IllegalArgumentException("ScatterGatherRfq: a responder name must be at most "
                        + MAX_NAME_BYTES + " bytes (DynamoDB's sort key limit), got one of "
                        + name.getBytes(StandardCharsets.UTF_8).length);
            }
            String previous = byNormalised.putIfAbsent(normalised, name);
            if (previous != null) {
                throw new IllegalArgumentException("ScatterGatherRfq: responderNames must differ after trimming, "
                        + "Unicode NFKC and case folding, got \"" + previous + "\" and \"" + name + "\"");
            }
        }
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_JSON_BYTES) {
            throw new IllegalArgumentException(
                    "ScatterGatherRfq: the responder names must fit in the collector's " + "environment (at most "
                            + MAX_JSON_BYTES + " bytes as JSON; Lambda allows 4 KB in all), got " + bytes);
        }
        return json;
    }

    static String normalise(String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
        return Normalizer.normalize(compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }
}
