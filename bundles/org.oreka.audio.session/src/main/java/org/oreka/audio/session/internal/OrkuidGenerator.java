package org.oreka.audio.session.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes Oreka's recording ids: {@code yyyyMMdd_HHmmss_XXXX}, the start time in the recorder's time zone and a
 * four-letter tracking id from a counter that starts at a random point and wraps after ZZZZ.
 */
final class OrkuidGenerator {

    private static final int SPACE = 26 * 26 * 26 * 26;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private final AtomicInteger counter;
    private final ZoneId zone;

    OrkuidGenerator(ZoneId zone) {
        this(zone, ThreadLocalRandom.current().nextInt(SPACE));
    }

    OrkuidGenerator(ZoneId zone, int start) {
        this.zone = zone;
        this.counter = new AtomicInteger(Math.floorMod(start, SPACE));
    }

    /** The next tracking id, for instance {@code EHDU}. */
    String nextTrackingId() {
        int value = counter.getAndUpdate(v -> (v + 1) % SPACE);
        char[] letters = new char[4];
        for (int i = 3; i >= 0; i--) {
            letters[i] = (char) ('A' + value % 26);
            value /= 26;
        }
        return new String(letters);
    }

    /** The orkuid of a recording that starts at {@code startMillis} with this tracking id. */
    String orkuid(long startMillis, String trackingId) {
        return STAMP.format(Instant.ofEpochMilli(startMillis).atZone(zone)) + "_" + trackingId;
    }

    /** The folder of a recording, relative to AudioOutputPath: {@code yyyy/MM/dd/HH}. */
    String folder(long startMillis) {
        return DateTimeFormatter.ofPattern("yyyy/MM/dd/HH").format(Instant.ofEpochMilli(startMillis).atZone(zone));
    }
}
