package org.oreka.audio.skinny.internal;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.oreka.sdk.net.Datagram;

/**
 * Rebuilds the byte stream of each direction of each Skinny TCP connection from captured segments and cuts it
 * into SCCP frames; drops retransmissions, resynchronises after gaps and garbage, and forgets idle connections.
 *
 * <p>SCCP framing: a 4-byte little-endian length (of what follows the second word), a 4-byte reserved/version
 * word, a 4-byte little-endian message id, then the body.
 */
final class SccpStreamReassembler {

    /** Larger than any real SCCP message (the biggest, XML display messages, stay under 4 KB). */
    static final int MAX_MESSAGE_LENGTH = 16 * 1024;
    /** Bytes kept per direction while a message is incomplete; more means the stream is not SCCP any more. */
    static final int MAX_BUFFERED = 64 * 1024;
    /** A connection with no segment for this long (capture time) is forgotten. */
    static final long IDLE_TIMEOUT_MICROS = 60_000_000L;
    /** How many directions are followed at once; beyond that, new connections wait for idle ones to expire. */
    static final int MAX_STREAMS = 20_000;
    /** A segment further than this from the expected sequence number starts the stream over. */
    private static final long MAX_SEQUENCE_JUMP = 1L << 20;
    private static final int HEADER_LENGTH = 12;
    private static final long MAX_HEADER_VERSION = 0xFF;
    private static final long MAX_MESSAGE_ID = 0xFFFF;
    private static final long SWEEP_INTERVAL_MICROS = 10_000_000L;

    /** One direction of one TCP connection, as seen on one capture source. */
    private record StreamKey(String captureSource, InetAddress source, int sourcePort, InetAddress destination,
            int destinationPort) {

        StreamKey reverse() {
            return new StreamKey(captureSource, destination, destinationPort, source, sourcePort);
        }
    }

    /** The bytes of one direction not yet cut into frames, and where the next segment should start. */
    private static final class StreamBuffer {
        private byte[] data = new byte[512];
        private int length;
        private long nextSequence = -1;
        private volatile long lastActivityMicros;

        void clear() {
            length = 0;
        }

        void append(ByteBuffer payload, int skip) {
            int count = payload.remaining() - skip;
            if (length + count > data.length) {
                byte[] grown = new byte[Math.max(data.length * 2, length + count)];
                System.arraycopy(data, 0, grown, 0, length);
                data = grown;
            }
            payload.duplicate().position(payload.position() + skip).get(data, length, count);
            length += count;
        }
    }

    private final Map<StreamKey, StreamBuffer> streams = new ConcurrentHashMap<>();
    private final AtomicLong lastSweepMicros = new AtomicLong();
    private final AtomicLong discardedBytes = new AtomicLong();
    private final AtomicLong resynchronisations = new AtomicLong();

    /**
     * Takes one TCP segment and returns the SCCP frames it completed, in stream order. RST forgets both
     * directions of the connection, FIN the direction it ends.
     */
    List<SccpFrame> accept(Datagram segment) {
        long now = segment.timestampMicros();
        sweepIdle(now);
        StreamKey key = new StreamKey(segment.captureSource(), segment.sourceAddress(), segment.sourcePort(),
                segment.destinationAddress(), segment.destinationPort());
        int flags = segment.tcpFlags();
        if ((flags & Datagram.TCP_RST) != 0) {
            streams.remove(key);
            streams.remove(key.reverse());
            return List.of();
        }
        ByteBuffer payload = segment.payload();
        boolean syn = (flags & Datagram.TCP_SYN) != 0;
        boolean fin = (flags & Datagram.TCP_FIN) != 0;
        List<SccpFrame> frames = List.of();
        StreamBuffer stream = payload.hasRemaining() || syn ? streamFor(key) : streams.get(key);
        if (stream != null) {
            synchronized (stream) {
                stream.lastActivityMicros = now;
                if (syn) {
                    stream.clear();
                    stream.nextSequence = (segment.tcpSequence() + 1) & 0xFFFF_FFFFL;
                }
                if (payload.hasRemaining()) {
                    frames = take(stream, payload, segment.tcpSequence());
                }
            }
        }
        if (fin) {
            streams.remove(key);
        }
        return frames;
    }

    /** Bytes thrown away because they could not be framed (garbage, overflow, data after a gap). */
    long discardedBytes() {
        return discardedBytes.get();
    }

    /** How often a stream had to be resynchronised after a gap or garbage. */
    long resynchronisations() {
        return resynchronisations.get();
    }

    int streamCount() {
        return streams.size();
    }

    private StreamBuffer streamFor(StreamKey key) {
        StreamBuffer stream = streams.get(key);
        if (stream != null || streams.size() >= MAX_STREAMS) {
            return stream;
        }
        return streams.computeIfAbsent(key, k -> new StreamBuffer());
    }

    private List<SccpFrame> take(StreamBuffer stream, ByteBuffer payload, long sequence) {
        int skip = 0;
        if (sequence >= 0 && stream.nextSequence >= 0) {
            long delta = (int) (sequence - stream.nextSequence);
            if (delta > 0 || -delta > MAX_SEQUENCE_JUMP) {
                // A lost segment (or a restarted connection) leaves no way to find the next message boundary
                // inside the buffered bytes: start over at this segment, which usually begins a message.
                resynchronise(stream);
            } else if (-delta >= payload.remaining()) {
                return List.of();
            } else {
                skip = (int) -delta;
            }
        }
        if (sequence >= 0) {
            stream.nextSequence = (sequence + payload.remaining()) & 0xFFFF_FFFFL;
        }
        if (stream.length + payload.remaining() - skip > MAX_BUFFERED) {
            resynchronise(stream);
        }
        stream.append(payload, skip);
        return frames(stream);
    }

    private List<SccpFrame> frames(StreamBuffer stream) {
        List<SccpFrame> frames = new ArrayList<>();
        int start = 0;
        while (stream.length - start >= HEADER_LENGTH) {
            long messageLength = word(stream.data, start);
            long headerVersion = word(stream.data, start + 4);
            long messageId = word(stream.data, start + 8);
            if (messageLength < 4 || messageLength > MAX_MESSAGE_LENGTH || headerVersion > MAX_HEADER_VERSION
                    || messageId > MAX_MESSAGE_ID) {
                // Not an SCCP header: nothing in the buffer can be trusted to start a message.
                discardedBytes.addAndGet(stream.length - start);
                resynchronisations.incrementAndGet();
                stream.length = 0;
                return frames;
            }
            int total = 8 + (int) messageLength;
            if (stream.length - start < total) {
                break;
            }
            byte[] body = new byte[total - HEADER_LENGTH];
            System.arraycopy(stream.data, start + HEADER_LENGTH, body, 0, body.length);
            frames.add(new SccpFrame((int) messageId, headerVersion, body));
            start += total;
        }
        if (start > 0) {
            System.arraycopy(stream.data, start, stream.data, 0, stream.length - start);
            stream.length -= start;
        }
        return frames;
    }

    private void resynchronise(StreamBuffer stream) {
        if (stream.length > 0) {
            discardedBytes.addAndGet(stream.length);
            resynchronisations.incrementAndGet();
        }
        stream.clear();
    }

    private void sweepIdle(long now) {
        long last = lastSweepMicros.get();
        // Capture time can jump backwards (another source, a replayed file): a jump either way allows a sweep.
        if (Math.abs(now - last) < SWEEP_INTERVAL_MICROS || !lastSweepMicros.compareAndSet(last, now)) {
            return;
        }
        streams.values().removeIf(stream -> now - stream.lastActivityMicros > IDLE_TIMEOUT_MICROS);
    }

    private static long word(byte[] data, int offset) {
        return (data[offset] & 0xFFL) | (data[offset + 1] & 0xFFL) << 8 | (data[offset + 2] & 0xFFL) << 16
                | (data[offset + 3] & 0xFFL) << 24;
    }
}
