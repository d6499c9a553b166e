package org.oreka.track.storage;

import java.util.Locale;

/** Which way a call goes for its local party, with Oreka's database ordinals (IN=0, OUT=1, ALL=2, UNKN=3). */
public enum Direction {
    IN,
    OUT,
    /** Either way: used by programs that do not filter on direction. */
    ALL,
    UNKN;

    /** Parses {@code in}, {@code out}, {@code all}, {@code unkn} (any case; {@code incoming}/{@code outgoing} too); anything else is UNKN. */
    public static Direction parse(String text) {
        if (text == null) {
            return UNKN;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "in":
            case "incoming":
                return IN;
            case "out":
            case "outgoing":
                return OUT;
            case "all":
            case "both":
                return ALL;
            default:
                return UNKN;
        }
    }

    /** The database ordinal. */
    public short code() {
        return (short) ordinal();
    }

    /** The direction of a database ordinal; unknown ordinals read as UNKN. */
    public static Direction ofCode(int code) {
        Direction[] all = values();
        return code >= 0 && code < all.length ? all[code] : UNKN;
    }
}
