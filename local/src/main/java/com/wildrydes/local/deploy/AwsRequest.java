package com.wildrydes.local.deploy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One AWS API call as it reached the endpoint: the service its SigV4 signature names (the
 * credential scope's fourth part), the target header of JSON protocols, the path, the query string
 * and, for the Query protocol's form bodies, the form's parameters.
 */
public record AwsRequest(
        String method,
        String path,
        Map<String, String> query,
        Map<String, String> form,
        String service,
        String target,
        String accessKeyId,
        Map<String, String> headers,
        byte[] body) {

    private static final Pattern SCOPE = Pattern.compile("Credential=([^/]+)/[^/]+/[^/]+/([^/]+)/aws4_request");

    /** The request as the single local endpoint received it. */
    public static AwsRequest of(com.wildrydes.local.endpoint.AwsRequest received) {
        return of(received.method(), received.uri(), received.headers(), received.body());
    }

    static AwsRequest of(String method, java.net.URI uri, Map<String, java.util.List<String>> received, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        received.forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
        String service = "";
        String accessKey = "";
        Matcher scope = SCOPE.matcher(headers.getOrDefault("authorization", ""));
        if (scope.find()) {
            accessKey = scope.group(1);
            service = scope.group(2);
        }
        String contentType = headers.getOrDefault("content-type", "");
        Map<String, String> form = contentType.startsWith("application/x-www-form-urlencoded")
                ? decode(new String(body, StandardCharsets.UTF_8))
                : Map.of();
        return new AwsRequest(
                method,
                uri.getRawPath(),
                decode(uri.getRawQuery()),
                form,
                service,
                headers.getOrDefault("x-amz-target", ""),
                accessKey,
                headers,
                body);
    }

    /** A Query-protocol parameter ({@code Action}, {@code StackName}, {@code Parameters.member.1.ParameterKey}). */
    public String param(String name) {
        return form.get(name);
    }

    /** The Query protocol's list {@code prefix.member.N} (or {@code prefix.member.N.field}) as maps, N from 1. */
    public java.util.List<Map<String, String>> members(String prefix) {
        java.util.List<Map<String, String>> members = new java.util.ArrayList<>();
        for (int n = 1; ; n++) {
            String item = prefix + ".member." + n;
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : form.entrySet()) {
                if (entry.getKey().equals(item)) {
                    fields.put("", entry.getValue());
                } else if (entry.getKey().startsWith(item + ".")) {
                    fields.put(entry.getKey().substring(item.length() + 1), entry.getValue());
                }
            }
            if (fields.isEmpty()) {
                return members;
            }
            members.add(fields);
        }
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }
}
