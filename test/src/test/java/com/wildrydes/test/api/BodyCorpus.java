package com.wildrydes.test.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shared corpus of request bodies (a resource under {@code bodies/}): each body as sent, whether
 * it is valid, which field the handler must name when it is not, and, for the few rules a JSON
 * schema cannot express, why the schema accepts a body the handler refuses.
 */
record BodyCorpus(List<Case> cases) {

    /** One body. {@code field} is null for a valid body; {@code schemaCannot} is null unless the difference is known. */
    record Case(String name, String body, boolean valid, String field, String schemaCannot) {}

    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat:(.+?):(\\d+)}}");

    static BodyCorpus load(String resource) {
        try (InputStream in = BodyCorpus.class.getResourceAsStream("/bodies/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus bodies/" + resource);
            }
            JsonNode corpus = new ObjectMapper().readTree(in);
            Map<String, String> base = new LinkedHashMap<>();
            corpus.get("base")
                    .fields()
                    .forEachRemaining(
                            field -> base.put(field.getKey(), field.getValue().asText()));
            List<Case> cases = new ArrayList<>();
            for (JsonNode entry : corpus.get("cases")) {
                boolean valid = entry.path("valid").asBoolean(false);
                String field = entry.path("field").asText(null);
                if (valid == (field != null)) {
                    throw new IllegalArgumentException(
                            entry.get("name").asText() + ": a case is valid or names its field");
                }
                cases.add(new Case(
                        entry.get("name").asText(),
                        body(base, entry),
                        valid,
                        field,
                        entry.path("schemaCannot").asText(null)));
            }
            return new BodyCorpus(cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String body(Map<String, String> base, JsonNode entry) {
        if (entry.has("body")) {
            return expand(entry.get("body").asText());
        }
        Map<String, String> fields = new LinkedHashMap<>(base);
        entry.path("omit").forEach(omitted -> fields.remove(omitted.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> raw = entry.path("raw").fields(); raw.hasNext(); ) {
            Map.Entry<String, JsonNode> replaced = raw.next();
            fields.replace(replaced.getKey(), replaced.getValue().asText());
        }
        StringBuilder body = new StringBuilder(object(fields));
        if (entry.has("add")) {
            // appended as written, so that a key may repeat one already in the body
            body.setLength(body.length() - 1);
            entry.get("add")
                    .fields()
                    .forEachRemaining(added -> body.append(", \"")
                            .append(added.getKey())
                            .append("\": ")
                            .append(added.getValue().asText()));
            body.append('}');
        }
        if (entry.path("appendBase").asBoolean(false)) {
            body.append(object(base));
        }
        body.append(entry.path("append").asText(""));
        return expand(body.toString());
    }

    private static String object(Map<String, String> fields) {
        StringBuilder object = new StringBuilder("{");
        fields.forEach((name, value) -> object.append(object.length() > 1 ? ", " : "")
                .append('"')
                .append(name)
                .append("\": ")
                .append(value));
        return object.append('}').toString();
    }

    private static String expand(String text) {
        Matcher matcher = REPEAT.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    expanded, Matcher.quoteReplacement(matcher.group(1).repeat(Integer.parseInt(matcher.group(2)))));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }
}
