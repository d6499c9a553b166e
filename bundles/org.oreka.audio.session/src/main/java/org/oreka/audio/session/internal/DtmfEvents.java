package org.oreka.audio.session.internal;

/** RFC 4733 telephone-event codes of the DTMF keys. */
final class DtmfEvents {

    private static final String KEYS = "0123456789*#ABCD";

    private DtmfEvents() {
    }

    /** The key of an event code (0-9, 10 = *, 11 = #, 12-15 = A-D), or null for other events (tones, flash). */
    static String digit(int event) {
        return event >= 0 && event < KEYS.length() ? String.valueOf(KEYS.charAt(event)) : null;
    }
}
