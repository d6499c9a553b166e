package org.oreka.audio.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.oreka.sdk.net.Datagram;
import org.oreka.sdk.net.Transport;

/**
 * A UDP datagram or TCP segment as decoded from a captured frame: a reusable view of addresses, ports and
 * payload. A {@link PacketDecoder} owns one and overwrites it with every packet, so a consumer reads it only
 * until it hands control back and copies what it keeps.
 */
public final class TransportPacket implements Datagram {

    private Transport transport = Transport.UDP;
    private int ipVersion = 4;
    private final byte[] source = new byte[16];
    private final byte[] destination = new byte[16];
    private int sourcePort;
    private int destinationPort;
    private byte[] data = new byte[0];
    private int payloadOffset;
    private int payloadLength;
    private long timestampMicros;
    private String captureSource = "";
    private long tcpSequence = -1;
    private int tcpFlags;

    /**
     * Sets the addresses and ports; {@code sourceAddress} and {@code destinationAddress} hold 4 bytes (IPv4) or
     * 16 bytes (IPv6) from their offsets.
     */
    public TransportPacket addresses(int ipVersion, byte[] addresses, int sourceOffset, int destinationOffset,
            int sourcePort, int destinationPort) {
        int length = ipVersion == 4 ? 4 : 16;
        this.ipVersion = ipVersion;
        System.arraycopy(addresses, sourceOffset, source, 0, length);
        System.arraycopy(addresses, destinationOffset, destination, 0, length);
        this.sourcePort = sourcePort;
        this.destinationPort = destinationPort;
        return this;
    }

    /** Sets the transport, payload and capture details. */
    public TransportPacket payload(Transport transport, byte[] data, int offset, int length, long timestampMicros,
            String captureSource, long tcpSequence, int tcpFlags) {
        this.transport = transport;
        this.data = data;
        this.payloadOffset = offset;
        this.payloadLength = length;
        this.timestampMicros = timestampMicros;
        this.captureSource = captureSource;
        this.tcpSequence = tcpSequence;
        this.tcpFlags = tcpFlags;
        return this;
    }

    @Override
    public Transport transport() {
        return transport;
    }

    /** 4 or 6. */
    public int ipVersion() {
        return ipVersion;
    }

    /** The IPv4 source address as a big-endian int; meaningful only when {@link #ipVersion()} is 4. */
    public int sourceIpv4() {
        return toInt(source);
    }

    /** The IPv4 destination address as a big-endian int; meaningful only when {@link #ipVersion()} is 4. */
    public int destinationIpv4() {
        return toInt(destination);
    }

    /** The source address bytes: 4 for IPv4 (then unused bytes follow), 16 for IPv6. Do not modify. */
    public byte[] sourceAddressBytes() {
        return source;
    }

    /** The destination address bytes: 4 for IPv4 (then unused bytes follow), 16 for IPv6. Do not modify. */
    public byte[] destinationAddressBytes() {
        return destination;
    }

    @Override
    public int sourcePort() {
        return sourcePort;
    }

    @Override
    public int destinationPort() {
        return destinationPort;
    }

    /** The buffer holding the payload from {@link #payloadOffset()}. */
    public byte[] payloadArray() {
        return data;
    }

    public int payloadOffset() {
        return payloadOffset;
    }

    public int payloadLength() {
        return payloadLength;
    }

    @Override
    public long timestampMicros() {
        return timestampMicros;
    }

    @Override
    public String captureSource() {
        return captureSource;
    }

    @Override
    public long tcpSequence() {
        return tcpSequence;
    }

    @Override
    public int tcpFlags() {
        return tcpFlags;
    }

    @Override
    public InetAddress sourceAddress() {
        return address(source);
    }

    @Override
    public InetAddress destinationAddress() {
        return address(destination);
    }

    @Override
    public ByteBuffer payload() {
        return ByteBuffer.wrap(data, payloadOffset, payloadLength).slice().asReadOnlyBuffer();
    }

    private InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(ipVersion == 4 ? Arrays.copyOf(bytes, 4) : bytes.clone());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of fixed length", e);
        }
    }

    private static int toInt(byte[] b) {
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    @Override
    public String toString() {
        return transport + " " + sourceAddress().getHostAddress() + ":" + sourcePort + " > "
                + destinationAddress().getHostAddress() + ":" + destinationPort + " " + payloadLength + " bytes";
    }
}
