package com.wildrydes.local.endpoint;

/** Text made safe for an XML element's content (the only place local mode writes given text). */
public final class Xml {

    private Xml() {}

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code <name>escaped value</name>}, or nothing when the value is null. */
    public static String element(String name, String value) {
        return value == null ? "" : "<" + name + ">" + escape(value) + "</" + name + ">";
    }
}
