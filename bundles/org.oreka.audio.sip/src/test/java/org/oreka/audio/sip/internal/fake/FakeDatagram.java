package org.oreka.audio.sip.internal.fake;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.oreka.sdk.net.Datagram;
import org.oreka.sdk.net.Transport;

/** A datagram built by a test, with the fields a signalling decoder reads. */
public final class FakeDatagram implements Datagram {

    private final Transport transport;
    private final long timestampMicros;
    private final InetSocketAddress source;
    private final InetSocketAddress destination;
    private final byte[] payload;
    private final long tcpSequence;
    private final int tcpFlags;
    private final String captureSource;

    private FakeDatagram(Transport transport, long timestampMicros, InetSocketAddress source,
            InetSocketAddress destination, byte[] payload, long tcpSequence, int tcpFlags, String captureSource) {
        this.transport = transport;
        this.timestampMicros = timestampMicros;
        this.source = source;
        this.destination = destination;
        this.payload = payload;
        this.tcpSequence = tcpSequence;
        this.tcpFlags = tcpFlags;
        this.captureSource = captureSource;
    }

    public static FakeDatagram udp(long timestampMicros, String source, String destination, String text) {
        return udp(timestampMicros, source, destination, text.getBytes(StandardCharsets.UTF_8));
    }

    public static FakeDatagram udp(long timestampMicros, String source, String destination, byte[] payload) {
        return new FakeDatagram(Transport.UDP, timestampMicros, address(source), address(destination), payload, -1,
                0, "test");
    }

    public static FakeDatagram tcp(long timestampMicros, String source, String destination, long sequence,
            int flags, byte[] payload) {
        return new FakeDatagram(Transport.TCP, timestampMicros, address(source), address(destination), payload,
                sequence, flags | TCP_ACK, "test");
    }

    /** Parses {@code 10.0.0.1:5060} or {@code [2001:db8::1]:5060}; test addresses are literals, never looked up. */
    public static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
        try {
            return new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(hostPort, e);
        }
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public long timestampMicros() {
        return timestampMicros;
    }

    @Override
    public InetAddress sourceAddress() {
        return source.getAddress();
    }

    @Override
    public int sourcePort() {
        return source.getPort();
    }

    @Override
    public InetAddress destinationAddress() {
        return destination.getAddress();
    }

    @Override
    public int destinationPort() {
        return destination.getPort();
    }

    @Override
    public ByteBuffer payload() {
        return ByteBuffer.wrap(payload).asReadOnlyBuffer();
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
}
