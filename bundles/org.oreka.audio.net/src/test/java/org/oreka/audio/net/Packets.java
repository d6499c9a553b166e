package org.oreka.audio.net;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.capture.LinkType;

/** Builds protocol headers byte by byte for hand-made test frames; checksums stay zero, as the decoder ignores them. */
final class Packets {

    static final int UDP = 17;
    static final int TCP = 6;

    private Packets() {
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] u16(int value) {
        return bytes(value >>> 8, value);
    }

    static byte[] u32(long value) {
        return bytes((int) (value >>> 24), (int) (value >>> 16), (int) (value >>> 8), (int) value);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] address(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** Ethernet II with fixed MAC addresses. */
    static byte[] ethernet(int etherType, byte[] payload) {
        return concat(bytes(0x02, 0, 0, 0, 0, 0x0b, 0x02, 0, 0, 0, 0, 0x0a), u16(etherType), payload);
    }

    /** An 802.1Q or 802.1ad tag: tag protocol, VLAN id, then the ethertype it wraps. */
    static byte[] tag(int tagProtocol, int vlan, int innerType) {
        return concat(u16(tagProtocol), u16(vlan), u16(innerType));
    }

    static byte[] ipv4(String source, String destination, int protocol, byte[] payload) {
        return ipv4Fragment(source, destination, protocol, 0, 0, false, payload);
    }

    /** An IPv4 header (with {@code flagsAndOffset} built from a byte offset and the MF flag) and its payload. */
    static byte[] ipv4Fragment(String source, String destination, int protocol, int identification, int offsetBytes,
            boolean more, byte[] payload) {
        int flagsAndOffset = (more ? 0x2000 : 0) | offsetBytes >>> 3;
        return concat(bytes(0x45, 0), u16(20 + payload.length), u16(identification), u16(flagsAndOffset),
                bytes(64, protocol), u16(0), address(source), address(destination), payload);
    }

    static byte[] ipv6(String source, String destination, int nextHeader, byte[] payload) {
        return concat(bytes(0x60, 0, 0, 0), u16(payload.length), bytes(nextHeader, 64), address(source),
                address(destination), payload);
    }

    /** An IPv6 fragment header followed by the fragment's data. */
    static byte[] ipv6Fragment(int nextHeader, long identification, int offsetBytes, boolean more, byte[] data) {
        return concat(bytes(nextHeader, 0), u16(offsetBytes | (more ? 1 : 0)), u32(identification), data);
    }

    static byte[] udp(int sourcePort, int destinationPort, byte[] payload) {
        return concat(u16(sourcePort), u16(destinationPort), u16(8 + payload.length), u16(0), payload);
    }

    static byte[] tcp(int sourcePort, int destinationPort, long sequence, int flags, byte[] payload) {
        return concat(u16(sourcePort), u16(destinationPort), u32(sequence), u32(0), bytes(0x50, flags), u16(65535),
                u16(0), u16(0), payload);
    }

    /** A GRE header with the given flags; checksum, key and sequence fields are added as the flags ask. */
    static byte[] gre(int flags, int protocol, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(u16(flags));
        out.writeBytes(u16(protocol));
        if ((flags & 0x8000) != 0) {
            out.writeBytes(u32(0));
        }
        if ((flags & 0x2000) != 0) {
            out.writeBytes(u32(0x1234));
        }
        if ((flags & 0x1000) != 0) {
            out.writeBytes(u32(7));
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static CapturedFrame frame(LinkType linkType, byte[] bytes) {
        return frame(linkType, bytes, 1_700_000_000_000_000L);
    }

    static CapturedFrame frame(LinkType linkType, byte[] bytes, long timestampMicros) {
        return new CapturedFrame().set("test", linkType, timestampMicros, bytes, 0, bytes.length, bytes.length);
    }

    /** A SIP-looking UDP datagram over IPv4 over Ethernet, the innermost layers of most tunnel tests. */
    static byte[] sipOverEthernet(String text) {
        return ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", UDP, udp(5060, 5070, ascii(text))));
    }

    /** The payload of a decoded packet as text. */
    static String text(TransportPacket packet) {
        return new String(packet.payloadArray(), packet.payloadOffset(), packet.payloadLength(),
                StandardCharsets.ISO_8859_1);
    }
}
