package org.oreka.audio.skinny.internal.fake;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

import org.oreka.sdk.net.Datagram;
import org.oreka.sdk.net.Transport;

/** A captured TCP segment (or UDP datagram) built by a test, as the capture layer would hand it over. */
public record TcpSegment(Transport transport, long timestampMicros, InetAddress sourceAddress, int sourcePort,
        InetAddress destinationAddress, int destinationPort, byte[] bytes, String captureSource, long tcpSequence,
        int tcpFlags) implements Datagram {

    /** A TCP segment with PSH and ACK set, on capture source {@code eth0}. */
    public static TcpSegment tcp(long timestampMicros, String source, int sourcePort, String destination,
            int destinationPort, long sequence, byte[] bytes) {
        return new TcpSegment(Transport.TCP, timestampMicros, address(source), sourcePort, address(destination),
                destinationPort, bytes, "eth0", sequence, Datagram.TCP_PSH | Datagram.TCP_ACK);
    }

    public TcpSegment withFlags(int flags) {
        return new TcpSegment(transport, timestampMicros, sourceAddress, sourcePort, destinationAddress,
                destinationPort, bytes, captureSource, tcpSequence, flags);
    }

    public TcpSegment withTransport(Transport other) {
        return new TcpSegment(other, timestampMicros, sourceAddress, sourcePort, destinationAddress,
                destinationPort, bytes, captureSource, other == Transport.UDP ? -1 : tcpSequence,
                other == Transport.UDP ? 0 : tcpFlags);
    }

    @Override
    public ByteBuffer payload() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    public static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
