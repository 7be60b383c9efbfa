package com.wildrydes.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the intrinsic functions CDK writes ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Join},
 * {@code Fn::Select}, {@code Fn::Split}, {@code Fn::Sub}) to the local names, ARNs and URLs of
 * {@link LocalIds}. An intrinsic it does not know stops it, naming the function.
 */
public final class Intrinsics {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final LocalIds ids;

    public Intrinsics(LocalIds ids) {
        this.ids = ids;
    }

    /** The value with every intrinsic function in it resolved. */
    public JsonNode resolve(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isObject() && value.size() == 1) {
            String name = value.fieldNames().next();
            if (name.equals("Ref") || name.startsWith("Fn::")) {
                return intrinsic(name, value.get(name));
            }
        }
        if (value.isObject()) {
            ObjectNode resolved = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                resolved.set(field.getKey(), resolve(field.getValue()));
            }
            return resolved;
        }
        if (value.isArray()) {
            ArrayNode resolved = JsonNodeFactory.instance.arrayNode();
            value.forEach(element -> resolved.add(resolve(element)));
            return resolved;
        }
        return value;
    }

    /** The value resolved to a string (a name, an ARN, a URL). */
    public String text(JsonNode value) {
        JsonNode resolved = resolve(value);
        return resolved == null || resolved.isNull() ? null : resolved.asText();
    }

    private JsonNode intrinsic(String name, JsonNode argument) {
        return switch (name) {
            case "Ref" -> text(ids.ref(argument.asText()));
            case "Fn::GetAtt" -> getAtt(argument);
            case "Fn::Join" -> join(argument);
            case "Fn::Select" ->
                resolve(argument.get(1))
                        .get(Integer.parseInt(resolve(argument.get(0)).asText()));
            case "Fn::Split" -> split(argument);
            case "Fn::Sub" -> sub(argument);
            default ->
                throw new IllegalArgumentException(
                        "Intrinsic function " + name + " is not supported locally: " + argument);
        };
    }

    private JsonNode getAtt(JsonNode argument) {
        if (argument.isTextual()) {
            String[] parts = argument.asText().split("\\.", 2);
            return text(ids.attribute(parts[0], parts[1]));
        }
        return text(
                ids.attribute(argument.get(0).asText(), resolve(argument.get(1)).asText()));
    }

    private JsonNode join(JsonNode argument) {
        String delimiter = argument.get(0).asText();
        List<String> parts = new ArrayList<>();
        resolve(argument.get(1)).forEach(part -> parts.add(part.asText()));
        return text(String.join(delimiter, parts));
    }

    private JsonNode split(JsonNode argument) {
        String delimiter = argument.get(0).asText();
        ArrayNode parts = JsonNodeFactory.instance.arrayNode();
        for (String part : resolve(argument.get(1)).asText().split(Pattern.quote(delimiter), -1)) {
            parts.add(part);
        }
        return parts;
    }

    private JsonNode sub(JsonNode argument) {
        String template = argument.isArray() ? argument.get(0).asText() : argument.asText();
        JsonNode variables = argument.isArray() ? resolve(argument.get(1)) : JsonNodeFactory.instance.objectNode();
        Matcher matcher = SUB_VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String value;
            if (variables.has(variable)) {
                value = variables.get(variable).asText();
            } else if (variable.contains(".")) {
                String[] parts = variable.split("\\.", 2);
                value = ids.attribute(parts[0], parts[1]);
            } else {
                value = ids.ref(variable);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return text(out.toString().replace("${!", "${"));
    }

    private TextNode text(String value) {
        return TextNode.valueOf(ids.rewriteUrls(value));
    }
}
