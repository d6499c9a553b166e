package org.oreka.audio.sip.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a multipart body (RFC 2046, as SIPREC and SIP-T use it) into its parts. */
final class MultipartBody {

    /** More parts than any SIP body carries; the bound keeps hostile bodies cheap. */
    private static final int MAX_PARTS = 16;

    /**
     * One part of a multipart body.
     *
     * @param contentType the part's Content-Type value, or an empty string
     * @param content the part's body
     */
    record Part(String contentType, String content) {
    }

    private MultipartBody() {
    }

    /** The {@code boundary} parameter of a Content-Type value, unquoted, or an empty string. */
    static String boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("boundary")) {
                String value = parameter.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return "";
    }

    /** The media type of a Content-Type value, lower case, without parameters. */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The parts between the {@code --boundary} delimiter lines; text before the first delimiter (the preamble)
     * and after the closing one is ignored, and a missing closing delimiter ends the last part at the body's end.
     */
    static List<Part> parse(String body, String boundary) {
        List<Part> parts = new ArrayList<>();
        if (boundary.isEmpty()) {
            return parts;
        }
        String delimiter = "--" + boundary;
        int partStart = -1;
        int search = 0;
        while (parts.size() < MAX_PARTS) {
            int at = delimiterAt(body, delimiter, search);
            if (partStart >= 0) {
                int partEnd = at < 0 ? body.length() : Math.max(partStart, lineBreakBefore(body, at));
                parts.add(part(body.substring(partStart, partEnd)));
            }
            if (at < 0 || body.startsWith("--", at + delimiter.length())) {
                break;
            }
            int lf = body.indexOf('\n', at);
            if (lf < 0) {
                break;
            }
            partStart = lf + 1;
            search = partStart;
        }
        return parts;
    }

    /** The next delimiter that starts a line, or -1. */
    private static int delimiterAt(String body, String delimiter, int from) {
        int at = body.indexOf(delimiter, from);
        while (at > 0 && body.charAt(at - 1) != '\n') {
            at = body.indexOf(delimiter, at + 1);
        }
        return at;
    }

    /** The CRLF or LF before a delimiter belongs to the delimiter, not to the part. */
    private static int lineBreakBefore(String body, int delimiter) {
        int end = delimiter;
        if (end > 0 && body.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && body.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    private static Part part(String text) {
        int blank = blankLine(text);
        if (blank < 0) {
            return new Part("", text);
        }
        SipHeaders headers = SipHeaders.parse(text.substring(0, blank));
        int contentStart = text.indexOf('\n', blank) + 1;
        return new Part(headers.firstOrEmpty("Content-Type"), text.substring(contentStart));
    }

    /**
     * The index where the empty line ending a part's headers begins: 0 when the part has no headers, else the
     * LF that ends the last header line.
     */
    private static int blankLine(String text) {
        if (text.startsWith("\n") || text.startsWith("\r\n")) {
            return 0;
        }
        int lf = text.indexOf('\n');
        while (lf >= 0) {
            int next = lf + 1;
            if (next < text.length() && text.charAt(next) == '\r') {
                next++;
            }
            if (next < text.length() && text.charAt(next) == '\n') {
                return lf + 1;
            }
            lf = text.indexOf('\n', lf + 1);
        }
        return -1;
    }
}
