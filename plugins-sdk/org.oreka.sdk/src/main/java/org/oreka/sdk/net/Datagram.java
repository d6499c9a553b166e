package org.oreka.sdk.net;

import java.net.InetAddress;
import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A transport payload with its addresses, as the recorder hands it to signalling decoders after removing
 * link, tunnel and IP framing and reassembling IP fragments. TCP datagrams are single segments in capture
 * order; a decoder whose protocol runs over TCP reassembles the stream with its own framing rules.
 *
 * <p>The platform reuses instances: read a datagram only during the call that hands it over.
 */
@ProviderType
public interface Datagram {

    Transport transport();

    /** Capture time, microseconds since the epoch. */
    long timestampMicros();

    InetAddress sourceAddress();

    int sourcePort();

    InetAddress destinationAddress();

    int destinationPort();

    /** The payload as a read-only buffer positioned at its first byte. */
    ByteBuffer payload();

    /** The name of the capture source the packet came from. */
    String captureSource();

    /** For TCP, the segment's sequence number (0 to 2^32-1); -1 for UDP. */
    long tcpSequence();

    /** For TCP, the segment's flags ({@link #TCP_FIN}, {@link #TCP_SYN}, {@link #TCP_RST}, ...); 0 for UDP. */
    int tcpFlags();

    int TCP_FIN = 0x01;
    int TCP_SYN = 0x02;
    int TCP_RST = 0x04;
    int TCP_PSH = 0x08;
    int TCP_ACK = 0x10;
}
