package com.wildrydes.test.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wildrydes.infra.WildRydesApp;
import com.wildrydes.test.support.SynthesizedApp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A learner following the original workshop's pages queries outputs by the original's keys
 * ({@code describe-stacks --query "...OutputKey=='RidesTable'..."}). Every key of the original's
 * templates (listed in workshop-original/outputs.tsv) exists in our stack, referencing the same kind
 * of resource, with the same value as our own key for the same thing, which stays.
 */
class OriginalWorkshopOutputsTest {

    record OriginalOutput(int lab, String key, String meaning, String referencedType, String ourKey) {}

    @ParameterizedTest(name = "lab {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    @SuppressWarnings("unchecked")
    void everyOriginalOutputKeyExistsWithTheSameMeaning(int lab) throws IOException {
        Map<String, Object> template = SynthesizedApp.template(stackOf(lab)).toJSON();
        Map<String, Object> outputs = (Map<String, Object>) template.get("Outputs");
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        List<OriginalOutput> originals =
                originals().stream().filter(o -> o.lab() == lab).toList();
        assertFalse(originals.isEmpty());
        List<String> missing = new ArrayList<>();
        for (OriginalOutput original : originals) {
            Map<String, Object> output = (Map<String, Object>) outputs.get(original.key());
            if (output == null) {
                missing.add(original.key());
                continue;
            }
            Set<String> types = referencedTypes(output.get("Value"), resources);
            assertTrue(
                    types.contains(original.referencedType()),
                    original.key() + " (" + original.meaning() + ") should reference a " + original.referencedType()
                            + ", references " + types);
            if (!original.ourKey().equals("-")) {
                Map<String, Object> ours = (Map<String, Object>) outputs.get(original.ourKey());
                assertTrue(ours != null, "our own key " + original.ourKey() + " stays");
                assertEquals(
                        ours.get("Value"),
                        output.get("Value"),
                        original.key() + " names what " + original.ourKey() + " names");
            }
        }
        assertEquals(
                List.of(),
                missing,
                "lab " + lab + ": output keys of the original workshop missing from " + stackOf(lab) + ", which has "
                        + new java.util.TreeSet<>(outputs.keySet()));
    }

    /** The workshop's query command cuts the URL at '{' and appends the rfq-id: the output must end with /{id}. */
    @Test
    @SuppressWarnings("unchecked")
    void labThreesQueryEndpointEndsWithTheIdPlaceholderAsTheOriginals() {
        Map<String, Object> outputs = (Map<String, Object>)
                SynthesizedApp.template(WildRydesApp.LAB_3).toJSON().get("Outputs");
        Object value = ((Map<String, Object>) outputs.get("RideBookingApiQueryInstantRideRfqEndpoint")).get("Value");
        List<Object> parts = (List<Object>) ((List<Object>) ((Map<String, Object>) value).get("Fn::Join")).get(1);
        String last = String.valueOf(parts.get(parts.size() - 1));
        assertTrue(last.endsWith("/query-instant-ride-rfq/{id}"), "ends with " + last);
    }

    static String stackOf(int lab) {
        return List.of(WildRydesApp.LAB_1, WildRydesApp.LAB_2, WildRydesApp.LAB_3, WildRydesApp.LAB_4)
                .get(lab - 1);
    }

    static List<OriginalOutput> originals() throws IOException {
        try (InputStream in = OriginalWorkshopOutputsTest.class.getResourceAsStream("/workshop-original/outputs.tsv")) {
            List<OriginalOutput> originals = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                originals.add(new OriginalOutput(Integer.parseInt(f[0]), f[1], f[2], f[3], f[4]));
            }
            return originals;
        }
    }

    /** The types of every resource a value references with Ref or Fn::GetAtt. */
    @SuppressWarnings("unchecked")
    private static Set<String> referencedTypes(Object value, Map<String, Object> resources) {
        Set<String> types = new LinkedHashSet<>();
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String logicalId = null;
                if (entry.getKey().equals("Ref") && entry.getValue() instanceof String ref) {
                    logicalId = ref;
                } else if (entry.getKey().equals("Fn::GetAtt") && entry.getValue() instanceof List<?> att) {
                    logicalId = String.valueOf(att.get(0));
                }
                if (logicalId != null && resources.containsKey(logicalId)) {
                    types.add(String.valueOf(((Map<String, Object>) resources.get(logicalId)).get("Type")));
                }
                types.addAll(referencedTypes(entry.getValue(), resources));
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                types.addAll(referencedTypes(item, resources));
            }
        }
        return types;
    }
}
