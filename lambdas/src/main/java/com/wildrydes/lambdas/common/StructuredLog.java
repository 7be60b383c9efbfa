package com.wildrydes.lambdas.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON line per event on standard output, which Lambda sends to the function's log group, so
 * that CloudWatch Logs Insights can query the fields directly.
 */
public final class StructuredLog {

    private StructuredLog() {
    }

    public static void info(String event, Map<String, ?> fields) {
        write("INFO", event, fields);
    }

    public static void error(String event, Map<String, ?> fields) {
        write("ERROR", event, fields);
    }

    private static void write(String level, String event, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("event", event);
        line.putAll(fields);
        System.out.println(Json.write(line));
    }
}
