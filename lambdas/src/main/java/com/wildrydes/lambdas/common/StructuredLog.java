package com.wildrydes.lambdas.common;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One log line per event, written through the Java runtime's logger with its level. In Lambda's
 * JSON log format (which {@code JavaFunction} sets) the runtime writes each line as
 * {@code {"timestamp", "level", "message", "AWSRequestId"}}, the message being our fields as one
 * JSON object ({@code event} first, then the caller's fields in their order, or by name for a map
 * without one), and Lambda drops
 * lines below the function's application log level. Outside Lambda (tests, local mode) the
 * runtime's logger is a stand-in that prints without a line end or level; there each line goes to
 * standard output as {@code [LEVEL] {...}}, the runtime's text format, one per line.
 */
public final class StructuredLog {

    /**
     * The most characters of one field a line keeps. Fields can carry what a sender chose (a ride's id,
     * a responder's name, up to SNS's and SQS's 256 KB): cut there, a line stays readable and cheap to
     * store, and says how much it left out.
     */
    static final int MAX_FIELD_CHARACTERS = 4096;

    private StructuredLog() {}

    public static void info(String event, Map<String, ?> fields) {
        write(LogLevel.INFO, event, fields);
    }

    public static void error(String event, Map<String, ?> fields) {
        write(LogLevel.ERROR, event, fields);
    }

    private static void write(LogLevel level, String event, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", event);
        // A caller that gives an order keeps it; Map.of has none (its order changes from one JVM to the
        // next), so its fields come by name: a Logs Insights parse pattern matches every cold start.
        Map<String, ?> ordered =
                fields instanceof LinkedHashMap || fields instanceof SortedMap ? fields : new TreeMap<>(fields);
        ordered.forEach((name, value) -> line.put(name, bounded(value)));
        String message = Json.write(line);
        // Read on every line: the runtime installs its logger before the handler class loads, and
        // tests swap standard output.
        LambdaLogger logger = LambdaRuntime.getLogger();
        if (isRuntimeStandIn(logger)) {
            System.out.println("[" + level + "] " + message);
        } else {
            logger.log(message, level);
        }
    }

    /** The value, or the start of its text (JSON for anything but a string) if it is too long. */
    private static Object bounded(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        String text = value instanceof CharSequence chars ? chars.toString() : Json.write(value);
        if (text.length() <= MAX_FIELD_CHARACTERS) {
            return value;
        }
        // Never end on half of a surrogate pair, which would print as a broken character.
        int end = Character.isHighSurrogate(text.charAt(MAX_FIELD_CHARACTERS - 1))
                ? MAX_FIELD_CHARACTERS - 1
                : MAX_FIELD_CHARACTERS;
        return text.substring(0, end) + "… (" + (text.length() - end) + " more characters)";
    }

    /** aws-lambda-java-core's own logger, which the Lambda runtime replaces with its real one. */
    private static boolean isRuntimeStandIn(LambdaLogger logger) {
        Class<?> declaring = logger.getClass().getEnclosingClass();
        return declaring == LambdaRuntime.class;
    }
}
