package org.oreka.web.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The single byte range of an HTTP {@code Range} header (RFC 9110 14.2), which browsers send to seek in audio.
 *
 * @param first the first byte
 * @param last the last byte, inclusive
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** What a Range header asks of a file. */
    sealed interface Request permits Whole, Part, Unsatisfiable {
    }

    /** The whole file: no header, a header that is not one valid byte range (ignored, as RFC 9110 allows). */
    record Whole() implements Request {
    }

    /** One range of the file. */
    record Part(ByteRange range) implements Request {
    }

    /** A range that starts past the end of the file: 416. */
    record Unsatisfiable() implements Request {
    }

    long length() {
        return last - first + 1;
    }

    /** Parses a Range header for a file of {@code size} bytes. */
    static Request parse(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return new Whole();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Part(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(m.group(1));
        if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
            return new Whole();
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
        return new Part(new ByteRange(first, Math.min(last, size - 1)));
    }
}
