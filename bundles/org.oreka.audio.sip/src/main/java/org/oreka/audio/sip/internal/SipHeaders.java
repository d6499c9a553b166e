package org.oreka.audio.sip.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header fields of a SIP message or of a MIME body part, looked up case-insensitively by full name whatever
 * form (compact or full, any case, folded or not) was on the wire.
 */
final class SipHeaders {

    /** RFC 3261 and later registrations of compact header names. */
    private static final Map<String, String> COMPACT_FORMS = Map.ofEntries(
            Map.entry("a", "accept-contact"),
            Map.entry("b", "referred-by"),
            Map.entry("c", "content-type"),
            Map.entry("d", "request-disposition"),
            Map.entry("e", "content-encoding"),
            Map.entry("f", "from"),
            Map.entry("i", "call-id"),
            Map.entry("j", "reject-contact"),
            Map.entry("k", "supported"),
            Map.entry("l", "content-length"),
            Map.entry("m", "contact"),
            Map.entry("n", "identity-info"),
            Map.entry("o", "event"),
            Map.entry("r", "refer-to"),
            Map.entry("s", "subject"),
            Map.entry("t", "to"),
            Map.entry("u", "allow-events"),
            Map.entry("v", "via"),
            Map.entry("x", "session-expires"),
            Map.entry("y", "identity"));

    private final Map<String, List<String>> fields = new HashMap<>();

    private SipHeaders() {
    }

    /**
     * Parses header lines: CRLF or bare LF endings, continuation lines (starting with space or tab) folded into
     * the previous value, lines without a colon skipped.
     */
    static SipHeaders parse(String block) {
        SipHeaders headers = new SipHeaders();
        String name = null;
        StringBuilder value = new StringBuilder();
        int lineStart = 0;
        int length = block.length();
        while (lineStart < length) {
            int lf = block.indexOf('\n', lineStart);
            int lineEnd = lf < 0 ? length : lf;
            String line = block.substring(lineStart, lineEnd);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            lineStart = lineEnd + 1;
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.trim());
                continue;
            }
            headers.add(name, value);
            int colon = line.indexOf(':');
            name = colon > 0 ? line.substring(0, colon).trim() : null;
            value.setLength(0);
            if (name != null) {
                value.append(line.substring(colon + 1).trim());
            }
        }
        headers.add(name, value);
        return headers;
    }

    /** The full, lower-case name of a header as written on the wire in any form. */
    static String canonicalName(String wireName) {
        String lower = wireName.trim().toLowerCase(Locale.ROOT);
        return COMPACT_FORMS.getOrDefault(lower, lower);
    }

    /** The first value of a header, trimmed, or null when it is absent. */
    String first(String name) {
        List<String> values = fields.get(canonicalName(name));
        return values == null ? null : values.get(0);
    }

    /** The first value of a header, or an empty string when it is absent. */
    String firstOrEmpty(String name) {
        String value = first(name);
        return value == null ? "" : value;
    }

    private void add(String name, StringBuilder value) {
        if (name != null && !name.isEmpty()) {
            fields.computeIfAbsent(canonicalName(name), n -> new ArrayList<>(1)).add(value.toString());
        }
    }
}
