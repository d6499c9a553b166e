package org.oreka.audio.net;

import org.oreka.audio.net.internal.FragmentReassembler;
import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.capture.LinkType;
import org.oreka.sdk.net.Transport;

/**
 * Turns captured link-layer frames into UDP datagrams and TCP segments, removing link framing, tags, labels and
 * tunnels, and reassembling IP fragments.
 *
 * <p>Link layers: Ethernet II with any number of 802.1Q / 802.1ad (QinQ) tags, MPLS label stacks (IPv4, IPv6 or
 * Ethernet over a pseudowire control word beneath) and PPPoE sessions; Linux cooked captures v1 and v2; raw IP;
 * BSD loopback in host or network byte order. IP: IPv4 with options, IPv6 with hop-by-hop, routing, destination
 * options and fragment headers. Tunnels: GRE (RFC 2784/2890) carrying IPv4, IPv6, Ethernet, ERSPAN type I, II or
 * III; VXLAN on UDP port 4789; IPv4 and IPv6 inside IPv4 or IPv6; nested up to {@value #MAX_NESTING} deep.
 *
 * <p>Lengths: IP total length and UDP length trim the packet, so Ethernet padding and trailers never reach the
 * payload. Checksums are not verified, because captures taken on a sending host hold checksums the network card
 * fills in only later.
 *
 * <p>Fragments: with reassembly on, fragments are held (at most {@value #MAX_PENDING_DATAGRAMS} datagrams of up to
 * 64 KiB, each for {@value #FRAGMENT_TIMEOUT_SECONDS} s of capture time) and the completed datagram is decoded when
 * its last fragment arrives. With reassembly off, a first fragment is decoded as far as it goes, as Oreka does,
 * and later fragments are dropped.
 *
 * <p>The decoder never throws for frame content: whatever the bytes, {@link #decode(CapturedFrame)} returns a
 * packet or null and counts the frame in {@link #statistics()}. It allocates nothing on the common path. It is not
 * thread-safe: use one decoder per capture thread.
 */
public final class PacketDecoder {

    /** How deep tunnels may nest; deeper frames are counted as malformed. Real networks nest two or three. */
    public static final int MAX_NESTING = 8;
    /** How many incomplete datagrams reassembly holds at once. */
    public static final int MAX_PENDING_DATAGRAMS = 256;
    /** How long, in capture time, an incomplete datagram waits for its other fragments. */
    public static final int FRAGMENT_TIMEOUT_SECONDS = 30;

    private static final int ETHERNET_HEADER_BYTES = 14;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88A8;
    /** Pre-standard QinQ outer tags, still sent by older switches. */
    private static final int ETHERTYPE_QINQ_LEGACY = 0x9100;
    private static final int ETHERTYPE_MPLS = 0x8847;
    private static final int ETHERTYPE_MPLS_MULTICAST = 0x8848;
    private static final int ETHERTYPE_PPPOE_SESSION = 0x8864;
    private static final int ETHERTYPE_TRANSPARENT_ETHERNET = 0x6558;
    private static final int ETHERTYPE_ERSPAN_TYPE_II = 0x88BE;
    private static final int ETHERTYPE_ERSPAN_TYPE_III = 0x22EB;
    private static final int PPP_IPV4 = 0x0021;
    private static final int PPP_IPV6 = 0x0057;

    private static final int LINUX_SLL_HEADER_BYTES = 16;
    private static final int LINUX_SLL2_HEADER_BYTES = 20;
    private static final int LOOPBACK_IPV4 = 2;
    /** The IPv6 address family differs between BSDs: NetBSD/OpenBSD, FreeBSD and Darwin. */
    private static final int LOOPBACK_IPV6_NETBSD = 24;
    private static final int LOOPBACK_IPV6_FREEBSD = 28;
    private static final int LOOPBACK_IPV6_DARWIN = 30;

    private static final int PROTOCOL_HOP_BY_HOP = 0;
    private static final int PROTOCOL_IPV4 = 4;
    private static final int PROTOCOL_TCP = 6;
    private static final int PROTOCOL_UDP = 17;
    private static final int PROTOCOL_IPV6 = 41;
    private static final int PROTOCOL_ROUTING = 43;
    private static final int PROTOCOL_FRAGMENT = 44;
    private static final int PROTOCOL_GRE = 47;
    private static final int PROTOCOL_NO_NEXT_HEADER = 59;
    private static final int PROTOCOL_DESTINATION_OPTIONS = 60;

    private static final int IPV4_MORE_FRAGMENTS = 0x2000;
    private static final int IPV4_OFFSET_MASK = 0x1FFF;
    private static final int IPV6_HEADER_BYTES = 40;

    private static final int GRE_CHECKSUM = 0x8000;
    private static final int GRE_ROUTING = 0x4000;
    private static final int GRE_KEY = 0x2000;
    private static final int GRE_SEQUENCE = 0x1000;
    private static final int GRE_STRICT_SOURCE_ROUTE = 0x0800;
    private static final int GRE_VERSION = 0x0007;
    private static final int ERSPAN_TYPE_II_HEADER_BYTES = 8;
    private static final int ERSPAN_TYPE_III_HEADER_BYTES = 12;
    private static final int ERSPAN_PLATFORM_SUBHEADER_BYTES = 8;
    private static final int ERSPAN_FRAME_TYPE_IP = 2;

    private static final int VXLAN_PORT = 4789;
    private static final int VXLAN_HEADER_BYTES = 8;
    private static final int VXLAN_VALID_VNI = 0x08;

    private final TransportPacket packet = new TransportPacket();
    private final FragmentReassembler reassembler;

    /** The frame being decoded. */
    private CapturedFrame frame;
    /** The innermost IP header seen so far: version and where its addresses are. */
    private int ipVersion;
    private byte[] addressBuffer;
    private int sourceOffset;
    private int destinationOffset;

    private long frames;
    private long udp;
    private long tcp;
    private long notIp;
    private long malformed;
    private long truncated;
    private long unsupportedLinkType;
    private long fragments;
    private long fragmentsDroppedUnassembled;

    /**
     * @param reassembleIpFragments true to rebuild fragmented IPv4 and IPv6 datagrams; false to decode first
     *        fragments as far as they go and drop the others
     */
    public PacketDecoder(boolean reassembleIpFragments) {
        this.reassembler = reassembleIpFragments
                ? new FragmentReassembler(MAX_PENDING_DATAGRAMS, FRAGMENT_TIMEOUT_SECONDS * 1_000_000L)
                : null;
    }

    /**
     * Decodes one frame.
     *
     * @return the decoder's packet, overwritten by the next call, when the frame completes a UDP datagram or TCP
     *         segment; its payload points into the frame's buffer or into the decoder's reassembly buffer. Null
     *         for everything else: other protocols, malformed or truncated frames, fragments still waiting.
     */
    public TransportPacket decode(CapturedFrame frame) {
        frames++;
        this.frame = frame;
        if (reassembler != null) {
            reassembler.expire(frame.timestampMicros());
        }
        LinkType linkType = frame.linkType();
        if (linkType == null) {
            unsupportedLinkType++;
            return null;
        }
        byte[] b = frame.data();
        int off = frame.offset();
        int end = off + frame.length();
        switch (linkType) {
            case ETHERNET:
                return ethernet(b, off, end, 0);
            case LINUX_SLL:
                if (end - off < LINUX_SLL_HEADER_BYTES) {
                    return cut();
                }
                return etherType(u16(b, off + 14), b, off + LINUX_SLL_HEADER_BYTES, end, 0);
            case LINUX_SLL2:
                if (end - off < LINUX_SLL2_HEADER_BYTES) {
                    return cut();
                }
                return etherType(u16(b, off), b, off + LINUX_SLL2_HEADER_BYTES, end, 0);
            case RAW:
            case IPV4:
            case IPV6:
                return ipByVersion(b, off, end, 0);
            case NULL:
                return loopback(b, off, end, false);
            case LOOP:
                return loopback(b, off, end, true);
            default:
                unsupportedLinkType++;
                return null;
        }
    }

    /** A snapshot of the counters; call it from the decoding thread, or accept values that may lag. */
    public DecoderStatistics statistics() {
        long pending = 0;
        long reassembled = 0;
        long dropped = fragmentsDroppedUnassembled;
        if (reassembler != null) {
            pending = reassembler.fragmentsPending();
            reassembled = reassembler.datagramsReassembled();
            dropped += reassembler.fragmentsDropped();
        }
        return new DecoderStatistics(frames, udp, tcp, notIp, malformed, truncated, unsupportedLinkType, fragments,
                pending, reassembled, dropped);
    }

    private TransportPacket ethernet(byte[] b, int off, int end, int depth) {
        if (end - off < ETHERNET_HEADER_BYTES) {
            return cut();
        }
        return etherType(u16(b, off + 12), b, off + ETHERNET_HEADER_BYTES, end, depth);
    }

    /** Decodes what follows an ethertype (Ethernet, Linux cooked), stepping over VLAN tags. */
    private TransportPacket etherType(int type, byte[] b, int off, int end, int depth) {
        while (true) {
            switch (type) {
                case ETHERTYPE_IPV4:
                    return ipv4(b, off, end, depth);
                case ETHERTYPE_IPV6:
                    return ipv6(b, off, end, depth);
                case ETHERTYPE_VLAN, ETHERTYPE_QINQ, ETHERTYPE_QINQ_LEGACY:
                    if (end - off < 4) {
                        return cut();
                    }
                    type = u16(b, off + 2);
                    off += 4;
                    break;
                case ETHERTYPE_MPLS, ETHERTYPE_MPLS_MULTICAST:
                    return mpls(b, off, end, depth);
                case ETHERTYPE_PPPOE_SESSION:
                    return pppoe(b, off, end, depth);
                default:
                    notIp++;
                    return null;
            }
        }
    }

    /** An MPLS label stack; beneath the bottom label the first nibble tells IPv4, IPv6 or a pseudowire. */
    private TransportPacket mpls(byte[] b, int off, int end, int depth) {
        boolean bottom = false;
        while (!bottom) {
            if (end - off < 4) {
                return cut();
            }
            bottom = (b[off + 2] & 0x01) != 0;
            off += 4;
        }
        if (off >= end) {
            return cut();
        }
        switch ((b[off] & 0xf0) >>> 4) {
            case 4:
                return ipv4(b, off, end, depth);
            case 6:
                return ipv6(b, off, end, depth);
            case 0:
                // Ethernet over MPLS (RFC 4448) starts with a control word whose first nibble is 0.
                if (depth >= MAX_NESTING) {
                    return malformed();
                }
                if (end - off < 4) {
                    return cut();
                }
                return ethernet(b, off + 4, end, depth + 1);
            default:
                notIp++;
                return null;
        }
    }

    /** A PPPoE session header (RFC 2516) and the PPP protocol field. */
    private TransportPacket pppoe(byte[] b, int off, int end, int depth) {
        if (end - off < 8) {
            return cut();
        }
        int length = u16(b, off + 4);
        if (length < 2) {
            return malformed();
        }
        if (length > end - off - 6) {
            return cut();
        }
        end = off + 6 + length;
        switch (u16(b, off + 6)) {
            case PPP_IPV4:
                return ipv4(b, off + 8, end, depth);
            case PPP_IPV6:
                return ipv6(b, off + 8, end, depth);
            default:
                notIp++;
                return null;
        }
    }

    /** BSD loopback: a 4-byte address family, in network order (LOOP) or the writer's host order (NULL). */
    private TransportPacket loopback(byte[] b, int off, int end, boolean networkOrder) {
        if (end - off < 4) {
            return cut();
        }
        int family = i32(b, off);
        if (!networkOrder) {
            // Host order of an unknown host: a family is small, so the order that leaves the high half empty wins.
            int littleEndian = Integer.reverseBytes(family);
            family = (littleEndian & 0xFFFF0000) == 0 ? littleEndian : family;
        }
        switch (family) {
            case LOOPBACK_IPV4:
                return ipv4(b, off + 4, end, 0);
            case LOOPBACK_IPV6_NETBSD, LOOPBACK_IPV6_FREEBSD, LOOPBACK_IPV6_DARWIN:
                return ipv6(b, off + 4, end, 0);
            default:
                notIp++;
                return null;
        }
    }

    private TransportPacket ipByVersion(byte[] b, int off, int end, int depth) {
        if (off >= end) {
            return cut();
        }
        switch ((b[off] & 0xf0) >>> 4) {
            case 4:
                return ipv4(b, off, end, depth);
            case 6:
                return ipv6(b, off, end, depth);
            default:
                return malformed();
        }
    }

    private TransportPacket ipv4(byte[] b, int off, int end, int depth) {
        if (end - off < 20) {
            return cut();
        }
        int versionAndLength = b[off] & 0xff;
        int headerLength = (versionAndLength & 0x0f) << 2;
        if (versionAndLength >>> 4 != 4 || headerLength < 20) {
            return malformed();
        }
        int totalLength = u16(b, off + 2);
        if (totalLength == 0) {
            // Captured before TCP segmentation offload, which fills the length in later.
            totalLength = end - off;
        }
        if (totalLength < headerLength) {
            return malformed();
        }
        if (totalLength > end - off) {
            return cut();
        }
        end = off + totalLength;
        int protocol = b[off + 9] & 0xff;
        int fragment = u16(b, off + 6);
        ipVersion = 4;
        addressBuffer = b;
        sourceOffset = off + 12;
        destinationOffset = off + 16;
        int payload = off + headerLength;
        if ((fragment & (IPV4_MORE_FRAGMENTS | IPV4_OFFSET_MASK)) == 0) {
            return ipPayload(protocol, b, payload, end, depth, false);
        }
        int fragmentOffset = (fragment & IPV4_OFFSET_MASK) << 3;
        if (reassembler == null) {
            return fragmentOffset == 0 ? ipPayload(protocol, b, payload, end, depth, true) : fragmentDropped();
        }
        int outcome = reassembler.add(4, b, off + 12, off + 16, u16(b, off + 4), protocol, fragmentOffset,
                (fragment & IPV4_MORE_FRAGMENTS) != 0, b, payload, end - payload, frame.timestampMicros());
        return reassembled(outcome, depth);
    }

    private TransportPacket ipv6(byte[] b, int off, int end, int depth) {
        if (end - off < IPV6_HEADER_BYTES) {
            return cut();
        }
        if ((b[off] & 0xf0) != 0x60) {
            return malformed();
        }
        int payloadLength = u16(b, off + 4);
        int nextHeader = b[off + 6] & 0xff;
        int payload = off + IPV6_HEADER_BYTES;
        // A zero length with a hop-by-hop header is a jumbogram: the real length is in an option; keep the frame's.
        if (payloadLength != 0 || nextHeader != PROTOCOL_HOP_BY_HOP) {
            if (payloadLength > end - payload) {
                return cut();
            }
            end = payload + payloadLength;
        }
        ipVersion = 6;
        addressBuffer = b;
        sourceOffset = off + 8;
        destinationOffset = off + 24;
        return ipv6Headers(nextHeader, b, payload, end, depth, false);
    }

    /**
     * Walks IPv6 extension headers to the upper-layer protocol.
     *
     * @param reassembled whether the bytes are a reassembled datagram, in which another fragment header is invalid
     */
    private TransportPacket ipv6Headers(int nextHeader, byte[] b, int off, int end, int depth, boolean reassembled) {
        boolean partial = false;
        while (true) {
            switch (nextHeader) {
                case PROTOCOL_HOP_BY_HOP, PROTOCOL_ROUTING, PROTOCOL_DESTINATION_OPTIONS:
                    if (end - off < 8) {
                        return cut();
                    }
                    int length = ((b[off + 1] & 0xff) + 1) << 3;
                    if (length > end - off) {
                        return cut();
                    }
                    nextHeader = b[off] & 0xff;
                    off += length;
                    break;
                case PROTOCOL_FRAGMENT:
                    if (end - off < 8) {
                        return cut();
                    }
                    if (reassembled) {
                        return malformed();
                    }
                    int field = u16(b, off + 2);
                    int fragmentOffset = field & 0xFFF8;
                    boolean more = (field & 0x0001) != 0;
                    int fragmentNextHeader = b[off] & 0xff;
                    if (fragmentOffset == 0 && !more) {
                        // An atomic fragment (RFC 6946): a whole datagram that merely carries the header.
                        nextHeader = fragmentNextHeader;
                        off += 8;
                        break;
                    }
                    if (reassembler == null) {
                        if (fragmentOffset != 0) {
                            return fragmentDropped();
                        }
                        nextHeader = fragmentNextHeader;
                        off += 8;
                        partial = true;
                        break;
                    }
                    int outcome = reassembler.add(6, addressBuffer, sourceOffset, destinationOffset, u32(b, off + 4),
                            fragmentNextHeader, fragmentOffset, more, b, off + 8, end - off - 8,
                            frame.timestampMicros());
                    return reassembled(outcome, depth);
                case PROTOCOL_NO_NEXT_HEADER:
                    notIp++;
                    return null;
                default:
                    return ipPayload(nextHeader, b, off, end, depth, partial);
            }
        }
    }

    /** Continues with a datagram the reassembler just completed, or accounts for a fragment it kept or refused. */
    private TransportPacket reassembled(int outcome, int depth) {
        switch (outcome) {
            case FragmentReassembler.COMPLETE:
                ipVersion = reassembler.datagramVersion();
                addressBuffer = reassembler.datagramAddresses();
                sourceOffset = 0;
                destinationOffset = 16;
                byte[] datagram = reassembler.datagram();
                int length = reassembler.datagramLength();
                int protocol = reassembler.datagramProtocol();
                return ipVersion == 4 ? ipPayload(protocol, datagram, 0, length, depth, false)
                        : ipv6Headers(protocol, datagram, 0, length, depth, true);
            case FragmentReassembler.MALFORMED:
                return malformed();
            default:
                fragments++;
                return null;
        }
    }

    /**
     * Decodes the payload of an IP packet.
     *
     * @param partial whether the payload is only the first fragment of a larger datagram
     */
    private TransportPacket ipPayload(int protocol, byte[] b, int off, int end, int depth, boolean partial) {
        switch (protocol) {
            case PROTOCOL_UDP:
                return udp(b, off, end, depth, partial);
            case PROTOCOL_TCP:
                return tcp(b, off, end);
            case PROTOCOL_GRE:
                return depth >= MAX_NESTING ? malformed() : gre(b, off, end, depth + 1);
            case PROTOCOL_IPV4:
                return depth >= MAX_NESTING ? malformed() : ipv4(b, off, end, depth + 1);
            case PROTOCOL_IPV6:
                return depth >= MAX_NESTING ? malformed() : ipv6(b, off, end, depth + 1);
            default:
                notIp++;
                return null;
        }
    }

    private TransportPacket udp(byte[] b, int off, int end, int depth, boolean partial) {
        if (end - off < 8) {
            return cut();
        }
        int available = end - off;
        int length = u16(b, off + 4);
        if (length == 0 && ipVersion == 6) {
            // An IPv6 jumbogram's UDP length does not fit 16 bits (RFC 2675).
            length = available;
        }
        if (length < 8) {
            return malformed();
        }
        if (length > available) {
            if (!partial) {
                return malformed();
            }
            length = available;
        }
        int sourcePort = u16(b, off);
        int destinationPort = u16(b, off + 2);
        int payload = off + 8;
        int payloadLength = length - 8;
        if (destinationPort == VXLAN_PORT && payloadLength >= VXLAN_HEADER_BYTES
                && (b[payload] & VXLAN_VALID_VNI) != 0) {
            return depth >= MAX_NESTING ? malformed()
                    : ethernet(b, payload + VXLAN_HEADER_BYTES, payload + payloadLength, depth + 1);
        }
        udp++;
        return packet.addresses(ipVersion, addressBuffer, sourceOffset, destinationOffset, sourcePort, destinationPort)
                .payload(Transport.UDP, b, payload, payloadLength, frame.timestampMicros(), frame.source(), -1, 0);
    }

    private TransportPacket tcp(byte[] b, int off, int end) {
        if (end - off < 20) {
            return cut();
        }
        int headerLength = (b[off + 12] & 0xf0) >>> 2;
        if (headerLength < 20) {
            return malformed();
        }
        if (headerLength > end - off) {
            return cut();
        }
        tcp++;
        return packet.addresses(ipVersion, addressBuffer, sourceOffset, destinationOffset, u16(b, off), u16(b, off + 2))
                .payload(Transport.TCP, b, off + headerLength, end - off - headerLength, frame.timestampMicros(),
                        frame.source(), u32(b, off + 4), b[off + 13] & 0xff);
    }

    /** A GRE header (RFC 2784 with the RFC 2890 key and sequence number) and what it carries. */
    private TransportPacket gre(byte[] b, int off, int end, int depth) {
        if (end - off < 4) {
            return cut();
        }
        int flags = u16(b, off);
        int protocol = u16(b, off + 2);
        if ((flags & (GRE_VERSION | GRE_ROUTING | GRE_STRICT_SOURCE_ROUTE)) != 0) {
            // Version 1 is PPTP's enhanced GRE carrying PPP; source routing is the long-deprecated RFC 1701 form.
            notIp++;
            return null;
        }
        int header = 4;
        if ((flags & GRE_CHECKSUM) != 0) {
            header += 4;
        }
        if ((flags & GRE_KEY) != 0) {
            header += 4;
        }
        if ((flags & GRE_SEQUENCE) != 0) {
            header += 4;
        }
        if (header > end - off) {
            return cut();
        }
        int inner = off + header;
        switch (protocol) {
            case ETHERTYPE_IPV4:
                return ipv4(b, inner, end, depth);
            case ETHERTYPE_IPV6:
                return ipv6(b, inner, end, depth);
            case ETHERTYPE_TRANSPARENT_ETHERNET:
                return ethernet(b, inner, end, depth);
            case ETHERTYPE_ERSPAN_TYPE_II:
                // ERSPAN type I has neither a sequence number nor a header of its own; type II has both.
                if ((flags & GRE_SEQUENCE) == 0) {
                    return ethernet(b, inner, end, depth);
                }
                if (end - inner < ERSPAN_TYPE_II_HEADER_BYTES) {
                    return cut();
                }
                return ethernet(b, inner + ERSPAN_TYPE_II_HEADER_BYTES, end, depth);
            case ETHERTYPE_ERSPAN_TYPE_III:
                return erspanTypeIII(b, inner, end, depth);
            default:
                notIp++;
                return null;
        }
    }

    /** ERSPAN type III: a 12-byte header, an optional 8-byte platform subheader, then Ethernet or IP. */
    private TransportPacket erspanTypeIII(byte[] b, int off, int end, int depth) {
        if (end - off < ERSPAN_TYPE_III_HEADER_BYTES) {
            return cut();
        }
        int word = u16(b, off + 10);
        boolean platformSubheader = (word & 0x0001) != 0;
        int frameType = (word >>> 10) & 0x1f;
        int header = ERSPAN_TYPE_III_HEADER_BYTES + (platformSubheader ? ERSPAN_PLATFORM_SUBHEADER_BYTES : 0);
        if (end - off < header) {
            return cut();
        }
        return frameType == ERSPAN_FRAME_TYPE_IP ? ipByVersion(b, off + header, end, depth)
                : ethernet(b, off + header, end, depth);
    }

    private TransportPacket fragmentDropped() {
        fragments++;
        fragmentsDroppedUnassembled++;
        return null;
    }

    /** Headers run past the bytes there are: truncated when the capture cut the frame, malformed otherwise. */
    private TransportPacket cut() {
        if (frame.truncated()) {
            truncated++;
        } else {
            malformed++;
        }
        return null;
    }

    private TransportPacket malformed() {
        malformed++;
        return null;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | b[i + 1] & 0xff;
    }

    private static int i32(byte[] b, int i) {
        return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | b[i + 3] & 0xff;
    }

    private static long u32(byte[] b, int i) {
        return i32(b, i) & 0xFFFF_FFFFL;
    }
}
