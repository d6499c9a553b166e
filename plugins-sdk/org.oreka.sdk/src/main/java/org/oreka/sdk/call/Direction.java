package org.oreka.sdk.call;

/** Which way a call goes from the recorded (local) party's point of view. */
public enum Direction {
    IN("in"),
    OUT("out"),
    UNKNOWN("unkn");

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    /** The name Oreka's messages use: {@code in}, {@code out} or {@code unkn}. */
    public String wireName() {
        return wireName;
    }

    /** Parses Oreka's wire names and the usual spellings, case-insensitively; anything else is UNKNOWN. */
    public static Direction parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "in":
            case "incoming":
                return IN;
            case "out":
            case "outgoing":
                return OUT;
            default:
                return UNKNOWN;
        }
    }
}
