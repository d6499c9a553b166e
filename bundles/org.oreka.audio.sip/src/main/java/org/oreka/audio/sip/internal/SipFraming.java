package org.oreka.audio.sip.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Finds the boundaries of SIP messages in raw bytes: the start line, the end of the header section and the
 * declared Content-Length, without decoding text.
 */
final class SipFraming {

    /** The bytes do not begin with a SIP start line. */
    static final int NOT_SIP = -1;
    /** The bytes could begin a SIP start line, but its end has not arrived yet. */
    static final int INCOMPLETE = -2;
    /** No Content-Length header. */
    static final int ABSENT = -1;
    /** A Content-Length header whose value is not a number. */
    static final int INVALID = -2;

    /** Real method names are short; the bound stops the scan of binary data after a few bytes. */
    private static final int MAX_METHOD_LENGTH = 32;
    private static final byte[] VERSION = {'S', 'I', 'P', '/', '2', '.', '0'};

    private SipFraming() {
    }

    /** The index of the first byte at or after {@code from} that is not CR or LF (keep-alives between messages). */
    static int skipLineBreaks(ByteBuffer bytes, int from, int to) {
        int i = from;
        while (i < to && (bytes.get(i) == '\r' || bytes.get(i) == '\n')) {
            i++;
        }
        return i;
    }

    /**
     * Checks only the first bytes at {@code from}: whether they can begin a request line ({@code METHOD SP}) or a
     * status line ({@code SIP/2.0 SP}). Cheap enough to run on every datagram.
     *
     * @return {@link #NOT_SIP}, or {@link #INCOMPLETE} when they may
     */
    static int prefix(ByteBuffer bytes, int from, int to) {
        if (from >= to) {
            return INCOMPLETE;
        }
        if (upper(bytes.get(from)) == 'S' && startsWithVersion(bytes, from, to)) {
            return INCOMPLETE;
        }
        int limit = Math.min(to, from + MAX_METHOD_LENGTH + 1);
        for (int i = from; i < limit; i++) {
            byte b = bytes.get(i);
            if (b == ' ') {
                return i > from ? INCOMPLETE : NOT_SIP;
            }
            if (!isTokenChar(b)) {
                return NOT_SIP;
            }
        }
        return limit == to && to - from <= MAX_METHOD_LENGTH ? INCOMPLETE : NOT_SIP;
    }

    /**
     * Recognizes a whole start line at {@code from}: {@code METHOD SP uri SP SIP/2.0} or
     * {@code SIP/2.0 SP code [SP reason]}, ended by LF (with or without CR).
     *
     * @return the index of the LF ending the line, {@link #NOT_SIP} or {@link #INCOMPLETE}
     */
    static int startLineEnd(ByteBuffer bytes, int from, int to) {
        if (prefix(bytes, from, to) == NOT_SIP) {
            return NOT_SIP;
        }
        int lf = indexOf(bytes, (byte) '\n', from, to);
        if (lf < 0) {
            return INCOMPLETE;
        }
        int end = lf;
        while (end > from && (bytes.get(end - 1) == '\r' || bytes.get(end - 1) == ' ' || bytes.get(end - 1) == '\t')) {
            end--;
        }
        if (startsWithVersion(bytes, from, end) && end - from > VERSION.length
                && bytes.get(from + VERSION.length) == ' ') {
            return isStatusCode(bytes, from + VERSION.length + 1, end) ? lf : NOT_SIP;
        }
        return isRequestLine(bytes, from, end) ? lf : NOT_SIP;
    }

    /**
     * The index of the first body byte: just after the empty line that ends the header section (CRLF CRLF or
     * LF LF, mixed forms included), searching from {@code from}.
     *
     * @return the index, or -1 when the header section is not complete
     */
    static int headerEnd(ByteBuffer bytes, int from, int to) {
        int i = indexOf(bytes, (byte) '\n', from, to);
        while (i >= 0) {
            int next = i + 1;
            if (next < to && bytes.get(next) == '\r') {
                next++;
            }
            if (next < to && bytes.get(next) == '\n') {
                return next + 1;
            }
            i = indexOf(bytes, (byte) '\n', i + 1, to);
        }
        return -1;
    }

    /**
     * Reads Content-Length (or its compact form {@code l}) from the header section between {@code from} and
     * {@code headerEnd}.
     *
     * @return the length, {@link #ABSENT} or {@link #INVALID}
     */
    static int contentLength(ByteBuffer bytes, int from, int headerEnd) {
        int line = indexOf(bytes, (byte) '\n', from, headerEnd) + 1;
        while (line > 0 && line < headerEnd) {
            int lf = indexOf(bytes, (byte) '\n', line, headerEnd);
            int lineEnd = lf < 0 ? headerEnd : lf;
            int colon = indexOf(bytes, (byte) ':', line, lineEnd);
            if (colon > line && isContentLengthName(bytes, line, colon)) {
                return parseLength(bytes, colon + 1, lineEnd);
            }
            line = lf < 0 ? -1 : lf + 1;
        }
        return ABSENT;
    }

    /** Parses a Content-Length value; anything but digits (surrounded by blanks) is {@link #INVALID}. */
    static int parseLength(String value) {
        ByteBuffer bytes = ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1));
        return parseLength(bytes, 0, bytes.limit());
    }

    private static int parseLength(ByteBuffer bytes, int from, int to) {
        long value = 0;
        int digits = 0;
        boolean trailing = false;
        for (int i = from; i < to; i++) {
            byte b = bytes.get(i);
            if (b >= '0' && b <= '9' && !trailing) {
                value = value * 10 + (b - '0');
                digits++;
                if (value > Integer.MAX_VALUE) {
                    return INVALID;
                }
            } else if (b == ' ' || b == '\t' || b == '\r') {
                trailing = digits > 0;
            } else {
                return INVALID;
            }
        }
        return digits == 0 ? INVALID : (int) value;
    }

    private static boolean isContentLengthName(ByteBuffer bytes, int from, int colon) {
        int end = colon;
        while (end > from && (bytes.get(end - 1) == ' ' || bytes.get(end - 1) == '\t')) {
            end--;
        }
        int length = end - from;
        if (length == 1) {
            return upper(bytes.get(from)) == 'L';
        }
        String name = "CONTENT-LENGTH";
        if (length != name.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (upper(bytes.get(from + i)) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRequestLine(ByteBuffer bytes, int from, int end) {
        int space = indexOf(bytes, (byte) ' ', from, end);
        int versionStart = end - VERSION.length;
        if (space <= from || versionStart <= space + 1 || bytes.get(versionStart - 1) != ' ') {
            return false;
        }
        int uriEnd = versionStart - 1;
        int uriStart = space + 1;
        while (uriStart < uriEnd && bytes.get(uriStart) == ' ') {
            uriStart++;
        }
        return uriStart < uriEnd && startsWithVersion(bytes, versionStart, end);
    }

    private static boolean isStatusCode(ByteBuffer bytes, int from, int end) {
        if (end - from < 3) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            byte b = bytes.get(i);
            if (b < '0' || b > '9') {
                return false;
            }
        }
        return end == from + 3 || bytes.get(from + 3) == ' ' || bytes.get(from + 3) == '\t';
    }

    /** Whether {@code SIP/2.0} (any case) begins at {@code from}, or as much of it as the bytes hold. */
    private static boolean startsWithVersion(ByteBuffer bytes, int from, int to) {
        int n = Math.min(VERSION.length, to - from);
        for (int i = 0; i < n; i++) {
            if (upper(bytes.get(from + i)) != VERSION[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(ByteBuffer bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes.get(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** RFC 3261 token characters, the alphabet of method names. */
    private static boolean isTokenChar(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || "-.!%*_+`'~".indexOf(b) >= 0;
    }

    private static int upper(byte b) {
        return b >= 'a' && b <= 'z' ? b - 32 : b;
    }
}
