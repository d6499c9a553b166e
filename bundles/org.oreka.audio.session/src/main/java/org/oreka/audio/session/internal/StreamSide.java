package org.oreka.audio.session.internal;

import java.util.Arrays;

import org.oreka.audio.net.TransportPacket;

/**
 * One direction of a call's audio (side 1 or side 2): which packets belong to it and how many came. A side is
 * recognised by the address pair it flows between, so it survives SSRC and port changes (re-INVITE, hold);
 * when both ends share an address (a test on one host), the ports tell the sides apart.
 */
final class StreamSide {

    final int number;
    boolean used;
    private final byte[] source = new byte[16];
    private final byte[] destination = new byte[16];
    private int addressLength;
    private int sourcePort;
    private int destinationPort;
    private boolean usePorts;
    /** The IPv4 addresses as ints, compared on every packet. */
    private int sourceIpv4;
    private int destinationIpv4;
    long packets;
    long firstMicros;
    long lastMicros;
    int ssrc;
    /** RTP timestamp of the last DTMF event reported on this side, to report each event once. */
    int lastDtmfTimestamp;
    boolean dtmfReported;
    /** Arrival of the first packet of the DTMF event in progress. */
    long dtmfEventStartMicros;
    int dtmfEventTimestamp;
    boolean dtmfEventOpen;

    StreamSide(int number) {
        this.number = number;
    }

    /** Takes this side for the packet's direction. */
    void claim(TransportPacket packet, long arrivalMicros) {
        used = true;
        addressLength = packet.ipVersion() == 4 ? 4 : 16;
        System.arraycopy(packet.sourceAddressBytes(), 0, source, 0, addressLength);
        System.arraycopy(packet.destinationAddressBytes(), 0, destination, 0, addressLength);
        sourcePort = packet.sourcePort();
        destinationPort = packet.destinationPort();
        usePorts = Arrays.equals(source, 0, addressLength, destination, 0, addressLength);
        sourceIpv4 = packet.ipVersion() == 4 ? packet.sourceIpv4() : 0;
        destinationIpv4 = packet.ipVersion() == 4 ? packet.destinationIpv4() : 0;
        firstMicros = arrivalMicros;
        ssrc = 0;
    }

    /** Points this side at a new direction (a re-routed leg), keeping its counts. */
    void redirect(TransportPacket packet) {
        long packetsSoFar = packets;
        long first = firstMicros;
        claim(packet, first);
        packets = packetsSoFar;
    }

    /** Takes over the direction and counts of a side of a session merged into this one. */
    void adoptFrom(StreamSide other) {
        if (!other.used) {
            return;
        }
        used = true;
        addressLength = other.addressLength;
        System.arraycopy(other.source, 0, source, 0, 16);
        System.arraycopy(other.destination, 0, destination, 0, 16);
        sourcePort = other.sourcePort;
        destinationPort = other.destinationPort;
        usePorts = other.usePorts;
        sourceIpv4 = other.sourceIpv4;
        destinationIpv4 = other.destinationIpv4;
        packets = other.packets;
        firstMicros = other.firstMicros;
        lastMicros = other.lastMicros;
    }

    /** Whether the packet flows in this side's direction. */
    boolean matches(TransportPacket packet) {
        if (!used || (packet.ipVersion() == 4 ? 4 : 16) != addressLength) {
            return false;
        }
        if (addressLength == 4) {
            if (packet.sourceIpv4() != sourceIpv4 || packet.destinationIpv4() != destinationIpv4) {
                return false;
            }
            return !usePorts || (packet.sourcePort() == sourcePort && packet.destinationPort() == destinationPort);
        }
        if (!Arrays.equals(packet.sourceAddressBytes(), 0, addressLength, source, 0, addressLength)
                || !Arrays.equals(packet.destinationAddressBytes(), 0, addressLength, destination, 0, addressLength)) {
            return false;
        }
        return !usePorts || (packet.sourcePort() == sourcePort && packet.destinationPort() == destinationPort);
    }

    /** The side's source address, as text. */
    String sourceText() {
        return address(source);
    }

    String destinationText() {
        return address(destination);
    }

    int sourcePort() {
        return sourcePort;
    }

    int destinationPort() {
        return destinationPort;
    }

    private String address(byte[] bytes) {
        try {
            return java.net.InetAddress.getByAddress(Arrays.copyOf(bytes, addressLength)).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return "";
        }
    }
}
