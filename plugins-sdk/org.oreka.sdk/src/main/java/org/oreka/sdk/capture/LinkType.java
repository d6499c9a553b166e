package org.oreka.sdk.capture;

/**
 * The link-layer framing of a captured frame, numbered as libpcap's {@code DLT_}/{@code LINKTYPE_} values.
 */
public enum LinkType {
    /** BSD loopback: a 4-byte address family in host byte order. */
    NULL(0),
    /** Ethernet II, with optional 802.1Q tags. */
    ETHERNET(1),
    /** Raw IP (v4 or v6 told apart by the version nibble), as written by some platforms as 12 or 14. */
    RAW(101),
    /** OpenBSD loopback: a 4-byte address family in network byte order. */
    LOOP(108),
    /** Linux cooked capture v1 (SLL), the framing of the "any" device. */
    LINUX_SLL(113),
    /** Raw IPv4. */
    IPV4(228),
    /** Raw IPv6. */
    IPV6(229),
    /** Linux cooked capture v2 (SLL2). */
    LINUX_SLL2(276),
    /** Any framing this platform does not decode. */
    UNSUPPORTED(-1);

    private final int dlt;

    LinkType(int dlt) {
        this.dlt = dlt;
    }

    /** The libpcap LINKTYPE number. */
    public int dlt() {
        return dlt;
    }

    /**
     * Maps a libpcap link-type number (as found in a pcap header or an interface) to a link type.
     *
     * @return the link type, or {@link #UNSUPPORTED} when the number is not one this platform decodes
     */
    public static LinkType fromDlt(int dlt) {
        switch (dlt) {
            case 0: return NULL;
            case 1: return ETHERNET;
            case 12:
            case 14:
            case 101: return RAW;
            case 108: return LOOP;
            case 113: return LINUX_SLL;
            case 228: return IPV4;
            case 229: return IPV6;
            case 276: return LINUX_SLL2;
            default: return UNSUPPORTED;
        }
    }
}
