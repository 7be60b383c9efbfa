package com.wildrydes.lambdas.rfq;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The responders whose quotes count, by the names the deployment configured (the construct's
 * demo responders, or the names given for supplied responders). A quote names its responder
 * itself, so a name is compared only after normalising it: Unicode NFKC (full-width and other
 * compatibility forms become plain letters), surrounding white space removed, and case folded.
 * A quote is stored under the configured spelling, so every spelling of one responder is the
 * same quote item, counted once; a name that matches no configured responder is not counted.
 */
public final class ExpectedResponders {

    private final Map<String, String> configuredByNormalised = new LinkedHashMap<>();

    public ExpectedResponders(List<String> configuredNames) {
        if (configuredNames.isEmpty()) {
            throw new IllegalArgumentException("expected at least one responder name, got none");
        }
        for (String name : configuredNames) {
            String previous = configuredByNormalised.putIfAbsent(normalise(name), name);
            if (previous != null) {
                throw new IllegalArgumentException(
                        "responder names must differ after normalising, got \"" + previous + "\" and \"" + name + "\"");
            }
        }
    }

    /** The configured name {@code sentName} stands for, if it stands for one. */
    public Optional<String> configuredName(String sentName) {
        return Optional.ofNullable(configuredByNormalised.get(normalise(sentName)));
    }

    public int size() {
        return configuredByNormalised.size();
    }

    /** NFKC, then white space stripped, then case folded (upper then lower case, so that "ß" meets "SS"). */
    static String normalise(String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
        return Normalizer.normalize(compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }
}
