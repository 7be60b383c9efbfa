package com.wildrydes.local.deploy;

import java.util.UUID;

/**
 * The AWS Query protocol's XML (STS, CloudFormation): {@code <ActionResponse><ActionResult>...}
 * with a request ID, and its errors as {@code <ErrorResponse><Error><Type><Code><Message>}, the
 * shape the SDKs turn into the service's named exceptions.
 */
public final class QueryXml {

    private QueryXml() {}

    public static AwsResponse result(String action, String namespace, String resultXml) {
        String body = "<" + action + "Response xmlns=\"" + namespace + "\"><" + action + "Result>" + resultXml
                + "</" + action + "Result><ResponseMetadata><RequestId>" + UUID.randomUUID()
                + "</RequestId></ResponseMetadata></" + action + "Response>";
        return AwsResponse.of(200, "text/xml", body);
    }

    public static AwsResponse error(int status, String code, String message) {
        String body = "<ErrorResponse><Error><Type>" + (status >= 500 ? "Receiver" : "Sender") + "</Type><Code>"
                + escape(code) + "</Code><Message>" + escape(message) + "</Message></Error><RequestId>"
                + UUID.randomUUID() + "</RequestId></ErrorResponse>";
        return AwsResponse.of(status, "text/xml", body);
    }

    /** {@code <name>value</name>}, escaped; nothing when the value is null. */
    public static String element(String name, Object value) {
        return value == null ? "" : "<" + name + ">" + escape(String.valueOf(value)) + "</" + name + ">";
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
