package org.oreka.audio.sip.internal;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.oreka.sdk.net.Datagram;

/**
 * Cuts TCP streams that carry SIP into messages: per direction of each connection, in sequence order, framed by
 * Content-Length, with retransmissions dropped and memory bounded per stream, in total and in time.
 */
final class SipTcpReassembler {

    /** Receives each complete message; the bytes are valid only during the call. */
    interface MessageHandler {
        void message(byte[] bytes, int from, int to);
    }

    /** A SIP message larger than this is skipped: real ones are a few KiB, SIPREC metadata some tens. */
    static final int MAX_MESSAGE_BYTES = 256 * 1024;
    /** Capture-time inactivity after which a stream's state is dropped, as Oreka does. */
    static final long IDLE_TIMEOUT_MICROS = 60_000_000L;
    static final int MAX_STREAMS = 4096;
    /** The buffers of all streams together; a stream that would exceed it loses its partial message. */
    static final long MAX_BUFFERED_BYTES = 32L * 1024 * 1024;

    private static final long SWEEP_INTERVAL_MICROS = 1_000_000L;
    private static final int RETAINED_CAPACITY = 16 * 1024;
    private static final byte[] EMPTY = new byte[0];
    private static final int NOT_A_MESSAGE = -1;
    private static final int INCOMPLETE = -2;
    private static final int OVERSIZED = -3;

    private final Map<StreamKey, TcpStream> streams = new ConcurrentHashMap<>();
    private final AtomicLong bufferedBytes = new AtomicLong();
    private final AtomicLong lastSweepMicros = new AtomicLong(Long.MIN_VALUE);
    private final SipStatistics statistics;

    SipTcpReassembler(SipStatistics statistics) {
        this.statistics = statistics;
    }

    /**
     * Takes one TCP segment.
     *
     * @return whether the segment belongs to a SIP stream: a stream already known, or one whose data starts with a
     *         SIP start line
     */
    boolean accept(Datagram segment, MessageHandler handler) {
        long now = segment.timestampMicros();
        sweep(now);
        StreamKey key = StreamKey.of(segment);
        int flags = segment.tcpFlags();
        if ((flags & Datagram.TCP_SYN) != 0) {
            remove(key);
        }
        ByteBuffer payload = segment.payload();
        TcpStream stream = streams.get(key);
        if (stream == null) {
            int from = payload.position();
            int start = SipFraming.skipLineBreaks(payload, from, payload.limit());
            if (SipFraming.startLineEnd(payload, start, payload.limit()) < 0) {
                return false;
            }
            stream = open(key, now);
        }
        stream.segment(segment.tcpSequence(), payload, now, handler);
        if ((flags & Datagram.TCP_RST) != 0) {
            remove(key);
            remove(key.reverse());
        } else if ((flags & Datagram.TCP_FIN) != 0) {
            remove(key);
        }
        if (streams.get(key) != stream) {
            stream.close();
        }
        return true;
    }

    /** How many streams have state. */
    int streamCount() {
        return streams.size();
    }

    /** The bytes held by all stream buffers. */
    long bufferedBytes() {
        return bufferedBytes.get();
    }

    private TcpStream open(StreamKey key, long now) {
        if (streams.size() >= MAX_STREAMS) {
            lastSweepMicros.set(Long.MIN_VALUE);
            sweep(now);
        }
        TcpStream stream = new TcpStream(now);
        if (streams.size() < MAX_STREAMS) {
            TcpStream existing = streams.putIfAbsent(key, stream);
            return existing == null ? stream : existing;
        }
        // Too many connections: frame this segment alone, keeping nothing for the next.
        statistics.tcpStreamLimit.increment();
        return stream;
    }

    private void remove(StreamKey key) {
        TcpStream stream = streams.remove(key);
        if (stream != null) {
            stream.close();
        }
    }

    /** Drops streams idle for {@link #IDLE_TIMEOUT_MICROS}, at most once per second of capture time. */
    private void sweep(long now) {
        long last = lastSweepMicros.get();
        boolean due = last == Long.MIN_VALUE || now - last >= SWEEP_INTERVAL_MICROS;
        if (!due || !lastSweepMicros.compareAndSet(last, now)) {
            return;
        }
        streams.forEach((key, stream) -> {
            if (stream.idleSince(now - IDLE_TIMEOUT_MICROS) && streams.remove(key, stream)) {
                stream.close();
                statistics.tcpExpiredStreams.increment();
            }
        });
    }

    /** One direction of a TCP connection, identified as the capture source saw it. */
    private record StreamKey(String captureSource, InetAddress source, int sourcePort, InetAddress destination,
            int destinationPort) {

        static StreamKey of(Datagram segment) {
            return new StreamKey(segment.captureSource(), segment.sourceAddress(), segment.sourcePort(),
                    segment.destinationAddress(), segment.destinationPort());
        }

        StreamKey reverse() {
            return new StreamKey(captureSource, destination, destinationPort, source, sourcePort);
        }
    }

    /** The reassembly state of one stream: the partial message at its end and where the next bytes belong. */
    private final class TcpStream {
        private byte[] pending = EMPTY;
        private int pendingLength;
        private long nextSequence = -1;
        private volatile long lastSeenMicros;
        /** Bytes of a skipped oversized message that have not arrived yet. */
        private long discard;
        /** How far the search for the end of the pending message's headers got. */
        private int scannedTo;
        /** The length of the pending message once its headers are complete, else -1. */
        private long frameLength = -1;
        private boolean closed;

        TcpStream(long now) {
            lastSeenMicros = now;
        }

        boolean idleSince(long micros) {
            return lastSeenMicros < micros;
        }

        synchronized void segment(long sequence, ByteBuffer payload, long now, MessageHandler handler) {
            if (closed) {
                return;
            }
            lastSeenMicros = now;
            int from = payload.position();
            int to = payload.limit();
            if (sequence >= 0) {
                if (nextSequence >= 0) {
                    int delta = (int) (sequence - nextSequence);
                    if (delta < 0 && -(long) delta >= to - from) {
                        statistics.tcpRetransmissions.increment();
                        return;
                    }
                    if (delta < 0) {
                        from -= delta;
                    } else if (delta > 0) {
                        statistics.tcpGaps.increment();
                        resetMessage();
                    }
                }
                nextSequence = (sequence + (payload.limit() - payload.position())) & 0xFFFF_FFFFL;
            }
            if (discard > 0) {
                int skipped = (int) Math.min(discard, to - from);
                discard -= skipped;
                from += skipped;
            }
            if (from < to && append(payload, from, to)) {
                frame(handler);
            }
        }

        synchronized void close() {
            closed = true;
            release();
        }

        private boolean append(ByteBuffer payload, int from, int to) {
            int length = to - from;
            if (pendingLength + length > pending.length) {
                int capacity = Math.max(pendingLength + length, Math.min(2 * pending.length, MAX_MESSAGE_BYTES));
                if (bufferedBytes.get() + capacity - pending.length > MAX_BUFFERED_BYTES) {
                    statistics.tcpOversized.increment();
                    release();
                    return false;
                }
                bufferedBytes.addAndGet(capacity - pending.length);
                pending = Arrays.copyOf(pending, capacity);
            }
            payload.get(from, pending, pendingLength, length);
            pendingLength += length;
            return true;
        }

        /** Hands every complete message to the handler and keeps the partial one at the start of the buffer. */
        private void frame(MessageHandler handler) {
            ByteBuffer buffer = ByteBuffer.wrap(pending, 0, pendingLength);
            int position = 0;
            while (true) {
                int afterBreaks = SipFraming.skipLineBreaks(buffer, position, pendingLength);
                if (afterBreaks > position) {
                    position = afterBreaks;
                    scannedTo = 0;
                }
                if (position >= pendingLength) {
                    break;
                }
                if (frameLength < 0) {
                    int headerEnd = findHeaderEnd(buffer, position);
                    if (headerEnd == NOT_A_MESSAGE) {
                        position = nextLine(buffer, position);
                        continue;
                    }
                    if (headerEnd == OVERSIZED) {
                        statistics.tcpOversized.increment();
                        position = pendingLength;
                        continue;
                    }
                    if (headerEnd == INCOMPLETE) {
                        break;
                    }
                    int declared = SipFraming.contentLength(buffer, position, headerEnd);
                    frameLength = (long) headerEnd - position + Math.max(declared, 0);
                }
                if (frameLength > MAX_MESSAGE_BYTES) {
                    statistics.tcpOversized.increment();
                    long end = position + frameLength;
                    discard = Math.max(0, end - pendingLength);
                    position = (int) Math.min(end, pendingLength);
                    resetFrame();
                    continue;
                }
                if (position + frameLength > pendingLength) {
                    break;
                }
                int messageStart = position;
                position += (int) frameLength;
                resetFrame();
                handler.message(pending, messageStart, position);
            }
            keepFrom(position);
        }

        /**
         * The end of the headers of the message starting at {@code position}, resuming the search where the last
         * segment left it; {@link #NOT_A_MESSAGE} when the line there is not a start line, {@link #INCOMPLETE}
         * when more bytes are needed and {@link #OVERSIZED} when the headers alone exceed the bound.
         */
        private int findHeaderEnd(ByteBuffer buffer, int position) {
            if (SipFraming.prefix(buffer, position, pendingLength) == SipFraming.NOT_SIP) {
                return NOT_A_MESSAGE;
            }
            int startLineEnd = SipFraming.startLineEnd(buffer, position, pendingLength);
            if (startLineEnd == SipFraming.NOT_SIP) {
                return NOT_A_MESSAGE;
            }
            int headerEnd = startLineEnd < 0 ? -1
                    : SipFraming.headerEnd(buffer, Math.max(position, scannedTo - 3), pendingLength);
            if (headerEnd >= 0) {
                return headerEnd;
            }
            scannedTo = pendingLength;
            return pendingLength - position > MAX_MESSAGE_BYTES ? OVERSIZED : INCOMPLETE;
        }

        /** Skips a line that cannot start a message: junk, or the body of a message whose length was wrong. */
        private int nextLine(ByteBuffer buffer, int position) {
            statistics.tcpJunkLines.increment();
            scannedTo = 0;
            int lf = SipFraming.indexOf(buffer, (byte) '\n', position, pendingLength);
            return lf < 0 ? pendingLength : lf + 1;
        }

        private void keepFrom(int position) {
            if (position == 0) {
                return;
            }
            pendingLength -= position;
            System.arraycopy(pending, position, pending, 0, pendingLength);
            scannedTo = Math.max(0, scannedTo - position);
            if (pendingLength == 0 && pending.length > RETAINED_CAPACITY) {
                release();
            }
        }

        private void resetFrame() {
            frameLength = -1;
            scannedTo = 0;
        }

        private void resetMessage() {
            pendingLength = 0;
            discard = 0;
            resetFrame();
        }

        private void release() {
            bufferedBytes.addAndGet(-pending.length);
            pending = EMPTY;
            resetMessage();
        }
    }
}
