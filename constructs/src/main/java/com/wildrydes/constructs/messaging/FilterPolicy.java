package com.wildrydes.constructs.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awscdk.services.sns.Filter;
import software.amazon.awscdk.services.sns.FilterOrPolicy;
import software.amazon.awscdk.services.sns.Policy;
import software.amazon.awscdk.services.sns.SubscriptionFilter;

/**
 * An SNS subscription filter policy, written as the JSON that the SNS documentation uses, and
 * checked when it is created (that is, at synthesis) against the rules and
 * limits that SNS would otherwise enforce only at deploy time.
 *
 * <pre>{@code
 * FilterPolicy.onMessageAttributes("""
 *     {"fare": [{"numeric": [">=", 50]}], "distance": [{"numeric": [">=", 20]}]}""");
 * }</pre>
 */
public final class FilterPolicy {

    /** SNS allows at most five attribute names (keys) in one filter policy. */
    public static final int MAX_KEYS = 5;
    /** SNS allows at most 150 combinations of values across the keys of one filter policy. */
    public static final int MAX_COMBINATIONS = 150;
    /** SNS limits a filter policy document to 256 KiB. */
    public static final int MAX_BYTES = 256 * 1024;
    /** SNS matches numbers between minus and plus one billion, with five decimal places. */
    static final BigDecimal MAX_NUMERIC = new BigDecimal("1000000000");

    static final int MAX_NUMERIC_SCALE = 5;

    /** Immutable reader and writer (an ObjectMapper can be reconfigured): the library keeps no mutable static state. */
    private static final ObjectReader JSON_READER = new ObjectMapper().reader();

    private static final ObjectWriter JSON_WRITER = new ObjectMapper().writer();
    private static final Set<String> OPERATORS =
            Set.of("prefix", "suffix", "anything-but", "numeric", "exists", "equals-ignore-case", "cidr");
    private static final String OR = "$or";
    private static final Set<String> NUMERIC_COMPARISONS = Set.of("=", "<", "<=", ">", ">=");

    private final FilterPolicyScope scope;
    private final String json;

    private FilterPolicy(FilterPolicyScope scope, String json) {
        this(scope, json, true);
    }

    private FilterPolicy(FilterPolicyScope scope, String json, boolean checked) {
        if (scope == null) {
            throw new IllegalArgumentException(
                    "FilterPolicy: scope is required: expected MESSAGE_ATTRIBUTES or " + "MESSAGE_BODY, got null");
        }
        this.scope = scope;
        this.json = json;
        // Checked here, so that a bad policy is refused where it is written; toMap() parses it anew.
        if (checked) {
            parseAndValidate(scope, json);
        } else {
            parseObject(json);
        }
    }

    private static Map<String, Object> bodyDocument(Map<String, FilterOrPolicy> policy) {
        Map<String, Object> document = new LinkedHashMap<>();
        new TreeMap<>(policy)
                .forEach((key, value) -> document.put(
                        key,
                        value instanceof Policy nested
                                ? bodyDocument(nested.getPolicyDoc())
                                : ((Filter) value).getFilterDoc().getConditions()));
        return document;
    }

    private static String toJson(Map<String, Object> document) {
        try {
            return JSON_WRITER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "FilterPolicy: expected filters that render as JSON, got " + document, e);
        }
    }

    /**
     * Creates a policy matched against the message attributes (SNS's default scope), checked against SNS's
     * rules and limits.
     *
     * @param json the policy: a JSON object of attribute names, each to an array of conditions
     * @return the checked policy
     * @throws IllegalArgumentException if {@code json} is not a filter policy SNS would accept on message
     * attributes (the message says what was given and what was expected)
     */
    public static FilterPolicy onMessageAttributes(String json) {
        return new FilterPolicy(FilterPolicyScope.MESSAGE_ATTRIBUTES, json);
    }

    /**
     * Creates a policy matched against the JSON message body, checked against SNS's rules and limits.
     *
     * @param json the policy: a JSON object of body keys (nested objects allowed), each to an array of
     * conditions
     * @return the checked policy
     * @throws IllegalArgumentException if {@code json} is not a filter policy SNS would accept on the
     * message body (the message says what was given and what was expected)
     */
    public static FilterPolicy onMessageBody(String json) {
        return new FilterPolicy(FilterPolicyScope.MESSAGE_BODY, json);
    }

    /**
     * Creates a message-attribute policy from CDK's own {@link SubscriptionFilter}s (as for
     * {@code LambdaSubscription}'s {@code filterPolicy}), checked like a written one.
     *
     * @param filters CDK's filters, by attribute name
     * @return the checked policy, its attribute names in sorted order
     * @throws IllegalArgumentException if the filters make a policy SNS would refuse
     */
    public static FilterPolicy fromSubscriptionFilters(Map<String, SubscriptionFilter> filters) {
        Map<String, Object> document = new LinkedHashMap<>();
        new TreeMap<>(filters).forEach((key, filter) -> document.put(key, filter.getConditions()));
        return new FilterPolicy(FilterPolicyScope.MESSAGE_ATTRIBUTES, toJson(document));
    }

    /**
     * Creates a message-body policy from CDK's own {@link FilterOrPolicy} (as for
     * {@code LambdaSubscription}'s {@code filterPolicyWithMessageBody}), checked like a written one.
     *
     * @param policy CDK's filters and nested policies, by body key
     * @return the checked policy, its keys in sorted order at every level
     * @throws IllegalArgumentException if the filters make a policy SNS would refuse
     */
    public static FilterPolicy fromMessageBodyPolicy(Map<String, FilterOrPolicy> policy) {
        return new FilterPolicy(FilterPolicyScope.MESSAGE_BODY, toJson(bodyDocument(policy)));
    }

    /**
     * Creates the policy exactly as given, checked only for being one non-empty JSON object within
     * {@link #MAX_BYTES}: for what SNS accepts and this class does not know yet. SNS still checks it when
     * the subscription is created.
     *
     * @param scope what the policy is matched against
     * @param json the policy, one JSON object
     * @return the policy, unchecked beyond its form
     * @throws IllegalArgumentException if {@code scope} is null or {@code json} is not one non-empty JSON
     * object
     */
    public static FilterPolicy unchecked(FilterPolicyScope scope, String json) {
        return new FilterPolicy(scope, json, false);
    }

    /**
     * What the policy is matched against: the message attributes or the JSON message body.
     *
     * @return the scope, never null
     */
    public FilterPolicyScope getScope() {
        return scope;
    }

    /**
     * The policy's JSON text: as written, or as generated from CDK's filters.
     *
     * @return the JSON text, never null
     */
    public String getJson() {
        return json;
    }

    /**
     * The policy as the ordered map that renders into the template's {@code FilterPolicy}.
     *
     * @return a new copy of the parsed policy on each call (changing it changes nothing here), its keys
     * in the order of {@link #getJson()}
     */
    public Map<String, Object> toMap() {
        return parseObject(json);
    }

    private static Map<String, Object> parseAndValidate(FilterPolicyScope scope, String json) {
        JsonNode root = parse(json);
        // SNS counts its limits per alternative: a policy with "$or" is the OR of several plain
        // policies, each within the key limit, and their value combinations add up.
        List<Counts> alternatives = checkObject(scope, root, "", json);
        for (Counts alternative : alternatives) {
            if (alternative.keys > MAX_KEYS) {
                throw invalid(
                        json,
                        "at most " + MAX_KEYS + " keys (SNS's limit), got " + alternative.keys
                                + (alternatives.size() > 1 ? " in one alternative of its $or" : ""));
            }
        }
        long combinations = alternatives.stream().mapToLong(a -> a.combinations).sum();
        if (combinations > MAX_COMBINATIONS) {
            throw invalid(
                    json, "at most " + MAX_COMBINATIONS + " combinations of values (SNS's limit), got " + combinations);
        }
        return toMap(root);
    }

    private static Map<String, Object> parseObject(String json) {
        return toMap(parse(json));
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw invalid(json, "a JSON object such as {\"fare\": [{\"numeric\": [\">=\", 50]}]}, got nothing");
        }
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw invalid(json, "at most " + MAX_BYTES + " bytes, got " + bytes);
        }
        JsonNode root;
        try {
            root = JSON_READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid(json, "well-formed JSON, but it does not parse: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw invalid(json, "a non-empty JSON object of keys to arrays of conditions");
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode root) {
        try {
            return JSON_READER.forType(LinkedHashMap.class).readValue(root);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a parsed JSON object converts to a map", e);
        }
    }

    /** Checks one object of the policy; returns its alternatives (one unless it holds "$or"). */
    private static List<Counts> checkObject(FilterPolicyScope scope, JsonNode object, String path, String json) {
        List<Counts> alternatives = List.of(new Counts(0, 1));
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = path + field.getKey();
            JsonNode value = field.getValue();
            List<Counts> fieldAlternatives;
            if (OR.equals(field.getKey()) && isOrOperand(value)) {
                fieldAlternatives = new ArrayList<>();
                for (JsonNode branch : value) {
                    fieldAlternatives.addAll(checkObject(scope, branch, path, json));
                }
            } else if (value.isArray()) {
                checkConditions(key, value, json);
                fieldAlternatives = List.of(new Counts(1, Math.max(1, value.size())));
            } else if (value.isObject() && scope == FilterPolicyScope.MESSAGE_BODY) {
                fieldAlternatives = checkObject(scope, value, key + ".", json);
            } else if (value.isObject()) {
                throw invalid(
                        json,
                        "key '" + key + "' to map to an array of conditions; nested objects "
                                + "need FilterPolicy.onMessageBody, got an object on message attributes");
            } else {
                throw invalid(json, "key '" + key + "' to map to an array of conditions, got " + value);
            }
            alternatives = and(alternatives, fieldAlternatives);
            if (alternatives.size() > MAX_COMBINATIONS) {
                throw invalid(
                        json,
                        "at most " + MAX_COMBINATIONS + " combinations of values (SNS's limit), got more " + "than "
                                + MAX_COMBINATIONS + " alternatives of its $or");
            }
        }
        return alternatives;
    }

    /** SNS reads "$or" as the operator only over an array of two or more objects; else it is a key. */
    private static boolean isOrOperand(JsonNode value) {
        if (!value.isArray() || value.size() < 2) {
            return false;
        }
        for (JsonNode branch : value) {
            if (!branch.isObject() || branch.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Every alternative of the left side combined with every alternative of the right side. */
    private static List<Counts> and(List<Counts> left, List<Counts> right) {
        List<Counts> combined = new ArrayList<>();
        for (Counts l : left) {
            for (Counts r : right) {
                combined.add(new Counts(l.keys + r.keys, l.combinations * r.combinations));
            }
        }
        return combined;
    }

    private static void checkConditions(String key, JsonNode conditions, String json) {
        if (conditions.isEmpty()) {
            throw invalid(json, "key '" + key + "' to list at least one condition, got []");
        }
        for (JsonNode condition : conditions) {
            if (condition.isTextual() || condition.isNull()) {
                continue;
            }
            if (condition.isNumber()) {
                checkNumber(key, condition, json);
            } else if (condition.isObject() && condition.size() == 1) {
                checkOperator(key, condition, json);
            } else {
                throw invalid(
                        json,
                        "key '" + key + "': each condition to be a string, a number, null or an "
                                + "object with one operator, got " + condition);
            }
        }
    }

    private static void checkOperator(String key, JsonNode condition, String json) {
        String operator = condition.fieldNames().next();
        JsonNode operand = condition.get(operator);
        if (!OPERATORS.contains(operator)) {
            throw invalid(
                    json,
                    "key '" + key + "': an operator among " + List.copyOf(new TreeSet<>(OPERATORS)) + ", got '"
                            + operator + "'");
        }
        switch (operator) {
            case "numeric" -> checkNumericRange(key, operand, json);
            case "exists" -> {
                if (!operand.isBoolean()) {
                    throw invalid(json, "key '" + key + "': \"exists\" takes true or false, got " + operand);
                }
            }
            case "prefix", "suffix", "equals-ignore-case", "cidr" -> {
                if (!operand.isTextual()) {
                    throw invalid(json, "key '" + key + "': \"" + operator + "\" takes a string, got " + operand);
                }
            }
            default -> {
                /* anything-but takes a value, a list or a prefix object: SNS checks the rest */
            }
        }
    }

    private static void checkNumericRange(String key, JsonNode operand, String json) {
        if (!operand.isArray() || operand.isEmpty() || operand.size() % 2 != 0 || operand.size() > 4) {
            throw invalid(
                    json,
                    "key '" + key + "': \"numeric\" takes one or two [operator, number] pairs "
                            + "such as [\">=\", 50] or [\">\", 0, \"<=\", 5], got " + operand);
        }
        for (int i = 0; i < operand.size(); i += 2) {
            JsonNode comparison = operand.get(i);
            if (!comparison.isTextual() || !NUMERIC_COMPARISONS.contains(comparison.asText())) {
                throw invalid(json, "key '" + key + "': a comparison among =, <, <=, >, >=, got " + comparison);
            }
            JsonNode number = operand.get(i + 1);
            if (!number.isNumber()) {
                throw invalid(json, "key '" + key + "': a number after '" + comparison.asText() + "', got " + number);
            }
            checkNumber(key, number, json);
        }
    }

    private static void checkNumber(String key, JsonNode number, String json) {
        BigDecimal value = number.decimalValue();
        if (value.abs().compareTo(MAX_NUMERIC) > 0) {
            throw invalid(
                    json, "key '" + key + "': numbers from -1000000000 to 1000000000 (SNS's range), got " + value);
        }
        if (value.stripTrailingZeros().scale() > MAX_NUMERIC_SCALE) {
            throw invalid(
                    json,
                    "key '" + key + "': at most " + MAX_NUMERIC_SCALE + " decimal places (SNS's precision), got "
                            + value);
        }
    }

    private static IllegalArgumentException invalid(String json, String expected) {
        return new IllegalArgumentException("Invalid SNS filter policy " + abbreviate(json) + ": expected " + expected);
    }

    private static String abbreviate(String json) {
        if (json == null) {
            return "null";
        }
        String flat = json.strip().replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }

    /** The keys and value combinations of one alternative of a policy. */
    private record Counts(int keys, long combinations) {}
}
