package org.oreka.track.storage;

import java.util.Locale;
import java.util.Optional;

/** The stage a tape message reports: a recording started, stopped, is ready, changed, went on hold or resumed. */
public enum TapeStage {
    START,
    STOP,
    READY,
    UPDATE,
    HOLD,
    RESUME;

    /** Parses a stage name in any case. */
    public static Optional<TapeStage> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
