package org.oreka.sdk.call;

/**
 * One end of a call as the signalling names it.
 *
 * @param number the user part (an extension, a phone number, or {@code user@domain} when configured so);
 *        never null, empty when unknown
 * @param name the display name, or an empty string
 * @param domain the host part of the party's address (a SIP domain or IP), or an empty string; direction rules
 *        such as {@code SipDomains} compare it
 */
public record Party(String number, String name, String domain) {

    /** A party the signalling did not name. */
    public static final Party UNKNOWN = new Party("", "", "");

    public Party {
        number = number == null ? "" : number;
        name = name == null ? "" : name;
        domain = domain == null ? "" : domain;
    }

    /** A party without a known domain. */
    public Party(String number, String name) {
        this(number, name, "");
    }

    /** A party known only by number. */
    public static Party of(String number) {
        return new Party(number, "", "");
    }

    public boolean isKnown() {
        return !number.isEmpty();
    }
}
