package com.wildrydes.local.endpoint;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request to the local endpoint, read whole: what a service needs to answer it, and the
 * service it is meant for, as AWS's front door tells it: the SigV4 credential scope's service
 * name (in the {@code Authorization} header, or {@code X-Amz-Credential} of a presigned URL), else
 * the {@code X-Amz-Target} header's prefix.
 */
public record AwsRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

    /** {@code Credential=AKID/20261203/us-east-1/sqs/aws4_request}: the fourth part is the service. */
    private static final Pattern CREDENTIAL_SCOPE =
            Pattern.compile("Credential=[^/,\\s]+/\\d{8}/[^/,\\s]+/([^/,\\s]+)/aws4_request");

    private static final Pattern ACCESS_KEY = Pattern.compile("(?:Credential=|^)([^/,\\s=]+)/\\d{8}/");

    public AwsRequest {
        Map<String, List<String>> lowerCase = new LinkedHashMap<>();
        headers.forEach((name, values) -> lowerCase.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
        headers = Map.copyOf(lowerCase);
    }

    /** The header's first value, or null (names are case-insensitive). */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The service name of the request's SigV4 signature, or null when it is not signed. */
    public String signingName() {
        String authorization = header("Authorization");
        String credential = authorization != null ? authorization : query().get("X-Amz-Credential");
        if (credential == null) {
            return null;
        }
        Matcher scope = CREDENTIAL_SCOPE.matcher(
                credential.startsWith("Credential=") || credential.contains("Credential=")
                        ? credential
                        : "Credential=" + credential);
        return scope.find() ? scope.group(1) : null;
    }

    /** The operation named by {@code X-Amz-Target} ({@code Logs_20140328.GetLogEvents}), or null. */
    public String target() {
        return header("X-Amz-Target");
    }

    public String path() {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }

    /** The query string's parameters, decoded (the first value of each). */
    public Map<String, String> query() {
        return decodeForm(uri.getRawQuery());
    }

    /**
     * The parameters of an AWS query protocol request ({@code Action=DescribeStacks&...}): the
     * query string's and the form-encoded body's together.
     */
    public Map<String, String> form() {
        Map<String, String> parameters = new LinkedHashMap<>(query());
        parameters.putAll(decodeForm(new String(body, StandardCharsets.UTF_8)));
        return parameters;
    }

    /** A query-protocol parameter ({@code Action}, {@code StackName}, {@code Parameters.member.1.ParameterKey}), or null. */
    public String param(String name) {
        return form().get(name);
    }

    /** The query protocol's list {@code prefix.member.N} (or {@code prefix.member.N.field}) as maps, N from 1. */
    public List<Map<String, String>> members(String prefix) {
        Map<String, String> form = form();
        List<Map<String, String>> members = new java.util.ArrayList<>();
        for (int n = 1; ; n++) {
            String item = prefix + ".member." + n;
            Map<String, String> fields = new LinkedHashMap<>();
            form.forEach((name, value) -> {
                if (name.equals(item)) {
                    fields.put("", value);
                } else if (name.startsWith(item + ".")) {
                    fields.put(name.substring(item.length() + 1), value);
                }
            });
            if (fields.isEmpty()) {
                return members;
            }
            members.add(fields);
        }
    }

    /** The access key ID the request is signed with (the credential scope's first part), or null. */
    public String accessKeyId() {
        String authorization = header("Authorization");
        String credential = authorization != null ? authorization : query().get("X-Amz-Credential");
        if (credential == null) {
            return null;
        }
        Matcher key = ACCESS_KEY.matcher(credential);
        return key.find() ? key.group(1) : null;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static Map<String, String> decodeForm(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.putIfAbsent(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
