package org.oreka.audio.session;

import java.util.Locale;
import java.util.Optional;

/**
 * The sides of a call a recording keeps (Oreka's {@code audiokeepdirection}, the tape's {@code side}): the local
 * party's voice, the remote party's, both, or neither.
 */
public enum KeptSides {
    BOTH, LOCAL, REMOTE, NONE;

    /** The name on the wire and in tapes: {@code both}, {@code local}, {@code remote} or {@code none}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value a wire name stands for, in any case; empty for anything else. */
    public static Optional<KeptSides> fromWireName(String name) {
        for (KeptSides sides : values()) {
            if (sides.wireName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return Optional.of(sides);
            }
        }
        return Optional.empty();
    }
}
