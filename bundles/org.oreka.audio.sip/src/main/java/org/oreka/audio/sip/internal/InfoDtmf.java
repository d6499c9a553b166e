package org.oreka.audio.sip.internal;

import java.util.Locale;

/**
 * Reads the DTMF digit a SIP INFO carries ({@code application/dtmf-relay} with {@code Signal=}, or
 * {@code application/dtmf} whose body is the digit) in the alphabet {@code 0-9 * # A-D}.
 */
final class InfoDtmf {

    private static final String RFC4733_EVENTS = "0123456789*#ABCD";

    private InfoDtmf() {
    }

    /** Whether a body of this media type is meant to carry a DTMF digit. */
    static boolean isDtmf(String mediaType) {
        return mediaType.equals("application/dtmf-relay") || mediaType.equals("application/dtmf");
    }

    /**
     * The digit in a DTMF body of the given media type.
     *
     * @return the digit, or null when the body holds none
     */
    static String digit(String mediaType, String body) {
        if (mediaType.equals("application/dtmf")) {
            return normalize(body.trim());
        }
        int lineStart = 0;
        while (lineStart < body.length()) {
            int lf = body.indexOf('\n', lineStart);
            int lineEnd = lf < 0 ? body.length() : lf;
            String line = body.substring(lineStart, lineEnd);
            lineStart = lineEnd + 1;
            int equals = line.indexOf('=');
            if (equals > 0 && line.substring(0, equals).trim().equalsIgnoreCase("Signal")) {
                return normalize(line.substring(equals + 1).trim());
            }
        }
        return null;
    }

    /**
     * A digit as written ({@code 5}, {@code *}, {@code b}) or as an RFC 4733 event number ({@code 10} is
     * {@code *}, {@code 11} is {@code #}, {@code 12}-{@code 15} are {@code A}-{@code D}).
     */
    static String normalize(String signal) {
        if (signal.length() == 1) {
            String digit = signal.toUpperCase(Locale.ROOT);
            return RFC4733_EVENTS.contains(digit) ? digit : null;
        }
        if (signal.length() == 2 && signal.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int event = Integer.parseInt(signal);
            return event < RFC4733_EVENTS.length() ? String.valueOf(RFC4733_EVENTS.charAt(event)) : null;
        }
        return null;
    }
}
