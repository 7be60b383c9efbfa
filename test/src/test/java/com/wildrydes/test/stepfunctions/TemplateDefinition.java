package com.wildrydes.test.stepfunctions;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A state machine's definition as synthesized ({@code DefinitionString}, a {@code Fn::Join} of text
 * and references), made concrete: every reference is replaced by what it names on the local engines.
 */
public final class TemplateDefinition {

    private TemplateDefinition() {}

    /** The definition JSON of the state machine whose logical ID starts with {@code logicalIdPrefix}. */
    @SuppressWarnings("unchecked")
    public static String resolve(Map<String, Object> template, String logicalIdPrefix, Function<String, String> refs) {
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        Map<String, Object> stateMachine = resources.entrySet().stream()
                .filter(e -> e.getKey().startsWith(logicalIdPrefix))
                .map(e -> (Map<String, Object>) e.getValue())
                .filter(r -> "AWS::StepFunctions::StateMachine".equals(r.get("Type")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no state machine " + logicalIdPrefix));
        Object definition = ((Map<String, Object>) stateMachine.get("Properties")).get("DefinitionString");
        return render(definition, refs);
    }

    @SuppressWarnings("unchecked")
    static String render(Object value, Function<String, String> refs) {
        if (value instanceof String text) {
            return text;
        }
        Map<String, Object> intrinsic = (Map<String, Object>) value;
        if (intrinsic.containsKey("Fn::Join")) {
            List<Object> join = (List<Object>) intrinsic.get("Fn::Join");
            StringBuilder joined = new StringBuilder();
            List<Object> parts = (List<Object>) join.get(1);
            for (int i = 0; i < parts.size(); i++) {
                joined.append(i == 0 ? "" : join.get(0)).append(render(parts.get(i), refs));
            }
            return joined.toString();
        }
        if (intrinsic.containsKey("Ref")) {
            return pseudo((String) intrinsic.get("Ref"), refs);
        }
        if (intrinsic.containsKey("Fn::GetAtt")) {
            List<Object> getAtt = (List<Object>) intrinsic.get("Fn::GetAtt");
            return refs.apply(getAtt.get(0) + "." + getAtt.get(1));
        }
        throw new IllegalArgumentException("Cannot resolve " + value);
    }

    private static String pseudo(String ref, Function<String, String> refs) {
        return switch (ref) {
            case "AWS::Partition" -> "aws";
            case "AWS::Region" -> "us-east-1";
            case "AWS::AccountId" -> "000000000000";
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> refs.apply(ref);
        };
    }
}
