package org.oreka.audio.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A recording another system made, as {@code importtape} describes it.
 *
 * @param url the file: a path (absolute, or relative to the import folder) or a {@code file:} URL
 * @param mediaType {@code A} for audio, {@code S} for a screen recording
 * @param start when the call began
 * @param duration how long it lasted
 * @param direction {@code in}, {@code out} or {@code unkn}
 * @param localParty the local party, or an empty string
 * @param remoteParty the remote party, or an empty string
 * @param nativeCallId the other system's call id, or an empty string
 * @since 1.3
 */
public record ImportedTape(String url, String mediaType, Instant start, Duration duration, String direction,
        String localParty, String remoteParty, String nativeCallId) {

    public ImportedTape {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        if (!mediaType.equals("A") && !mediaType.equals("S")) {
            throw new IllegalArgumentException("mediatype must be A (audio) or S (screen), not '" + mediaType + "'");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative");
        }
        if (!direction.equals("in") && !direction.equals("out") && !direction.equals("unkn")) {
            throw new IllegalArgumentException("direction must be in, out or empty, not '" + direction + "'");
        }
    }
}
