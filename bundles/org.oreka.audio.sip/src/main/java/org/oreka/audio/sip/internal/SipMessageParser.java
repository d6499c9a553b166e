package org.oreka.audio.sip.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Parses the bytes of one SIP message, tolerantly: bare LF line endings, folded and compact headers, a missing
 * header/body separator. The body is everything after the empty line: a UDP datagram holds one message, and user
 * agents that send a wrong Content-Length are common enough that Oreka ignores it too (over TCP the framing has
 * already applied it).
 */
final class SipMessageParser {

    private SipMessageParser() {
    }

    /**
     * Parses the message in {@code bytes[from, to)}, which hold one message and nothing else.
     *
     * @return the message, or null when the bytes do not begin with a SIP start line
     */
    static SipMessage parse(byte[] bytes, int from, int to) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int start = SipFraming.skipLineBreaks(buffer, from, to);
        int startLineEnd = SipFraming.startLineEnd(buffer, start, to);
        if (startLineEnd < 0) {
            return null;
        }
        int headerEnd = SipFraming.headerEnd(buffer, start, to);
        int headersTo = headerEnd < 0 ? to : headerEnd;
        String startLine = new String(bytes, start, startLineEnd - start, StandardCharsets.UTF_8).trim();
        SipHeaders headers = SipHeaders.parse(
                new String(bytes, startLineEnd + 1, Math.max(0, headersTo - startLineEnd - 1), StandardCharsets.UTF_8));
        String body = headerEnd < 0 ? "" : new String(bytes, headerEnd, to - headerEnd, StandardCharsets.ISO_8859_1);
        return withStartLine(startLine, headers, body);
    }

    private static SipMessage withStartLine(String line, SipHeaders headers, String body) {
        if (line.regionMatches(true, 0, "SIP/2.0 ", 0, 8)) {
            String rest = line.substring(8).trim();
            int code = Integer.parseInt(rest.substring(0, 3));
            return new SipMessage(null, "", code, rest.substring(3).trim(), headers, body);
        }
        int firstSpace = line.indexOf(' ');
        int lastSpace = line.lastIndexOf(' ');
        String method = line.substring(0, firstSpace).toUpperCase(Locale.ROOT);
        return new SipMessage(method, line.substring(firstSpace + 1, lastSpace).trim(), 0, "", headers, body);
    }
}
