package com.wildrydes.local.endpoint;

/**
 * XML as local mode writes it: text made safe for an element's content, elements, and the query
 * protocol's answer ({@code <ActionResponse><ActionResult>...}) that STS and CloudFormation give.
 */
public final class Xml {

    private Xml() {}

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        // A raw carriage return would be normalised away by the reader: templates keep theirs.
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\r", "&#xD;");
    }

    /** {@code <name>escaped value</name>}, or nothing when the value is null. */
    public static String element(String name, Object value) {
        return value == null ? "" : "<" + name + ">" + escape(String.valueOf(value)) + "</" + name + ">";
    }

    /** The query protocol's successful answer to {@code action}, with a request ID. */
    public static AwsResponse queryResult(String action, String namespace, String resultXml) {
        String requestId = java.util.UUID.randomUUID().toString();
        return AwsResponse.xml(
                        200,
                        "<" + action + "Response xmlns=\"" + namespace + "\"><" + action + "Result>" + resultXml + "</"
                                + action + "Result><ResponseMetadata><RequestId>" + requestId
                                + "</RequestId></ResponseMetadata></" + action + "Response>")
                .withHeader("x-amzn-RequestId", requestId);
    }
}
