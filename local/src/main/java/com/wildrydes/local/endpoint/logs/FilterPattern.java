package com.wildrydes.local.endpoint.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.local.endpoint.AwsError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudWatch Logs filter pattern, as FilterLogEvents applies it to each event's message:
 * <ul>
 *   <li>empty: every event;</li>
 *   <li>terms: {@code ERROR}, {@code "exact phrase"}, {@code -excluded}; every plain term must
 *       appear and no excluded one; with {@code ?term ?other}, any of them;</li>
 *   <li>JSON: {@code { $.outcome = "processed" }}, comparisons ({@code = != < <= > >=}) of a
 *       property path with a string (where {@code *} matches anything), a number, {@code true},
 *       {@code false} or {@code null}, joined with {@code &&} and {@code ||} (and before or), on a
 *       message that is a JSON object (or whose {@code message} field holds one).</li>
 * </ul>
 * Space-delimited patterns ({@code [ip, user, ...]}) are refused with a message saying so.
 */
final class FilterPattern {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COMPARISON = Pattern.compile(
            "^\\s*(\\$(?:\\.[A-Za-z0-9_\\-]+|\\[\\d+\\])+)\\s*(=|!=|<=|>=|<|>)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s]+)\\s*$");

    private FilterPattern() {}

    static Predicate<String> parse(String pattern) {
        String text = pattern == null ? "" : pattern.strip();
        if (text.isEmpty()) {
            return message -> true;
        }
        if (text.startsWith("{") && text.endsWith("}")) {
            return json(text.substring(1, text.length() - 1));
        }
        if (text.startsWith("[")) {
            throw new AwsError(
                    400,
                    "InvalidParameterException",
                    "Space-delimited filter patterns ([...]) are not served locally; use terms or a JSON pattern"
                            + " such as { $.outcome = \"processed\" }");
        }
        return terms(text);
    }

    private static Predicate<String> terms(String text) {
        List<String> required = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> any = new ArrayList<>();
        Matcher term = Pattern.compile("([?-]?)(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)").matcher(text);
        while (term.find()) {
            String word = term.group(2);
            if (word.startsWith("\"") && word.endsWith("\"") && word.length() > 1) {
                word = word.substring(1, word.length() - 1).replace("\\\"", "\"");
            }
            switch (term.group(1)) {
                case "-" -> excluded.add(word);
                case "?" -> any.add(word);
                default -> required.add(word);
            }
        }
        return message -> required.stream().allMatch(message::contains)
                && excluded.stream().noneMatch(message::contains)
                && (any.isEmpty() || any.stream().anyMatch(message::contains));
    }

    private static Predicate<String> json(String body) {
        Predicate<JsonNode> condition = disjunction(body);
        return message -> {
            JsonNode event = object(message);
            if (event == null) {
                return false;
            }
            if (condition.test(event)) {
                return true;
            }
            // A runtime that wraps the function's line keeps it in "message".
            JsonNode inner = object(event.path("message").asText(""));
            return inner != null && condition.test(inner);
        };
    }

    private static Predicate<JsonNode> disjunction(String text) {
        Predicate<JsonNode> any = node -> false;
        for (String part : text.split("\\|\\|")) {
            Predicate<JsonNode> all = node -> true;
            for (String atom : part.split("&&")) {
                all = all.and(comparison(atom.strip().replaceAll("^\\((.*)\\)$", "$1")));
            }
            any = any.or(all);
        }
        return any;
    }

    private static Predicate<JsonNode> comparison(String atom) {
        Matcher matcher = COMPARISON.matcher(atom);
        if (!matcher.matches()) {
            throw new AwsError(
                    400,
                    "InvalidParameterException",
                    "Invalid filter pattern: '" + atom + "' is not a comparison such as $.outcome = \"processed\"");
        }
        String path = matcher.group(1);
        String operator = matcher.group(2);
        String value = matcher.group(3);
        return node -> compare(select(node, path), operator, value);
    }

    private static JsonNode select(JsonNode node, String path) {
        JsonNode current = node;
        Matcher step = Pattern.compile("\\.([A-Za-z0-9_\\-]+)|\\[(\\d+)\\]").matcher(path.substring(1));
        while (step.find()) {
            current =
                    step.group(1) != null ? current.path(step.group(1)) : current.path(Integer.parseInt(step.group(2)));
        }
        return current;
    }

    private static boolean compare(JsonNode actual, String operator, String expected) {
        if (actual.isMissingNode()) {
            return false;
        }
        if (expected.startsWith("\"")) {
            String wanted = expected.substring(1, expected.length() - 1).replace("\\\"", "\"");
            boolean equal = actual.isValueNode()
                    && actual.asText().matches(Pattern.quote(wanted).replace("*", "\\E.*\\Q"));
            return switch (operator) {
                case "=" -> equal;
                case "!=" -> !equal;
                default -> false;
            };
        }
        if (expected.equals("true") || expected.equals("false") || expected.equals("null")) {
            boolean equal = expected.equals("null")
                    ? actual.isNull()
                    : actual.isBoolean() && actual.asText().equals(expected);
            return operator.equals("=") ? equal : operator.equals("!=") && !equal;
        }
        double wanted;
        try {
            wanted = Double.parseDouble(expected);
        } catch (NumberFormatException notANumber) {
            // An unquoted word compares as a string, as CloudWatch Logs allows for simple values.
            return compare(actual, operator, "\"" + expected + "\"");
        }
        if (!actual.isNumber() && !(actual.isTextual() && actual.asText().matches("-?\\d+(\\.\\d+)?"))) {
            return false;
        }
        double number = actual.asDouble();
        return switch (operator) {
            case "=" -> number == wanted;
            case "!=" -> number != wanted;
            case "<" -> number < wanted;
            case "<=" -> number <= wanted;
            case ">" -> number > wanted;
            default -> number >= wanted;
        };
    }

    /** The JSON object in the message, after any level prefix a logger writes first ({@code [INFO] {...}}). */
    private static JsonNode object(String text) {
        int brace = text.indexOf('{');
        if (brace < 0) {
            return null;
        }
        String trimmed = text.substring(brace).strip();
        try {
            JsonNode node = JSON.readTree(trimmed);
            return node.isObject() ? node : null;
        } catch (java.io.IOException notJson) {
            return null;
        }
    }
}
