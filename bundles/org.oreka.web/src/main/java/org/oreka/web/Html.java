package org.oreka.web;

/** HTML escaping for OrkWeb's pages: every value put into a page, in text or in a quoted attribute, goes through it. */
public final class Html {

    private Html() {
    }

    /** The text with {@code & < > " '} replaced by their character references; null becomes the empty string. */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
