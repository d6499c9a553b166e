package org.oreka.sdk.call;

/**
 * One end of a call as the signalling names it.
 *
 * @param number the user part (an extension, a phone number, or {@code user@domain} when configured so);
 *        never null, empty when unknown
 * @param name the display name, or an empty string
 */
public record Party(String number, String name) {

    /** A party the signalling did not name. */
    public static final Party UNKNOWN = new Party("", "");

    public Party {
        number = number == null ? "" : number;
        name = name == null ? "" : name;
    }

    /** A party known only by number. */
    public static Party of(String number) {
        return new Party(number, "");
    }

    public boolean isKnown() {
        return !number.isEmpty();
    }
}
