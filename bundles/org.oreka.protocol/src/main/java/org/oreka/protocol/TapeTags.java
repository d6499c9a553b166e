package org.oreka.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code tags} field of Oreka's tape messages: a comma-separated list of {@code key:value} pairs. Inside a
 * key or value a colon is written {@code %k} and a percent sign {@code %p}; then inside each list element a comma
 * is written {@code %c} and a percent sign {@code %p}.
 */
public final class TapeTags {

    private TapeTags() {
    }

    /** Encodes tags, in order. */
    public static String encode(List<Map.Entry<String, String>> tags) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> tag : tags) {
            if (out.length() > 0) {
                out.append(',');
            }
            String element = escapePart(tag.getKey()) + ':' + escapePart(tag.getValue());
            out.append(element.replace("%", "%p").replace(",", "%c"));
        }
        return out.toString();
    }

    /** Decodes the field; an element without a colon is a key with an empty value. */
    public static List<Map.Entry<String, String>> decode(String field) {
        List<Map.Entry<String, String>> tags = new ArrayList<>();
        if (field == null || field.isEmpty()) {
            return tags;
        }
        for (String raw : field.split(",", -1)) {
            if (raw.isEmpty()) {
                continue;
            }
            String element = unescape(raw, 'c', ',');
            int colon = element.indexOf(':');
            String key = colon < 0 ? element : element.substring(0, colon);
            String value = colon < 0 ? "" : element.substring(colon + 1);
            tags.add(Map.entry(unescape(key, 'k', ':'), unescape(value, 'k', ':')));
        }
        return tags;
    }

    private static String escapePart(String part) {
        return part.replace("%", "%p").replace(":", "%k");
    }

    /** Reverses one level of escaping: {@code %p} to a percent sign and {@code %<code>} to {@code decoded}. */
    private static String unescape(String text, char code, char decoded) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 1 < text.length() && (text.charAt(i + 1) == 'p' || text.charAt(i + 1) == code)) {
                out.append(text.charAt(i + 1) == 'p' ? '%' : decoded);
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
