package org.oreka.audio.net.internal;

import java.util.Arrays;

/**
 * Rebuilds fragmented IPv4 and IPv6 datagrams in bounded memory: at most a fixed number of datagrams wait for
 * their missing fragments, each up to 64 KiB, and a datagram still incomplete after the timeout (measured on the
 * capture clock) is dropped.
 *
 * <p>Datagrams are told apart as RFC 791 and RFC 8200 say: IPv4 by source, destination, protocol and
 * identification; IPv6 by source, destination and identification. Fragments are tracked in 8-byte blocks, the
 * unit of fragment offsets. Where fragments overlap the bytes that arrived first are kept, so a duplicate (common
 * in mirrored traffic) changes nothing; a fragment that contradicts the datagram's known length drops the whole
 * datagram. When all are waiting, a new datagram evicts the one that started first. Not thread-safe.
 */
public final class FragmentReassembler {

    /** {@link #add}: the fragment is stored and its datagram is still incomplete. */
    public static final int HELD = 0;
    /** {@link #add}: the fragment completed its datagram, now in {@link #datagram()}. */
    public static final int COMPLETE = 1;
    /** {@link #add}: the fragment contradicted its datagram, and both were dropped. */
    public static final int DISCARDED = 2;
    /** {@link #add}: the fragment itself is invalid (bad length or offset) and was ignored. */
    public static final int MALFORMED = 3;

    /** The largest datagram payload: the 16-bit length fields of IPv4 and IPv6 allow no more. */
    public static final int MAX_DATAGRAM_BYTES = 65_535;
    private static final int BLOCK_BYTES = 8;
    private static final int BLOCKS = (MAX_DATAGRAM_BYTES + BLOCK_BYTES - 1) / BLOCK_BYTES;
    private static final int INITIAL_BUFFER_BYTES = 4096;
    /** Expiry runs at most this often (capture time), so that it costs nothing per packet. */
    private static final long SWEEP_INTERVAL_MICROS = 1_000_000;

    private final long timeoutMicros;
    private final PendingDatagram[] pending;
    private int count;
    private long arrivals;
    private long lastSweepMicros;

    private byte[] datagram = new byte[0];
    private int datagramLength;
    private int datagramProtocol;
    private int datagramVersion;
    private final byte[] datagramAddresses = new byte[32];

    private long fragmentsPending;
    private long fragmentsDropped;
    private long datagramsReassembled;

    /**
     * @param capacity how many incomplete datagrams may wait at once
     * @param timeoutMicros how long (capture time) an incomplete datagram waits for its other fragments
     */
    public FragmentReassembler(int capacity, long timeoutMicros) {
        this.pending = new PendingDatagram[capacity];
        this.timeoutMicros = timeoutMicros;
    }

    /**
     * Adds one fragment.
     *
     * @param version 4 or 6
     * @param addresses buffer holding the source and destination addresses (4 or 16 bytes each)
     * @param identification the IPv4 (16-bit) or IPv6 (32-bit) identification
     * @param protocol the protocol of the fragmented payload (IPv4 header, or IPv6 fragment header's next header)
     * @param fragmentOffset where the fragment's data starts in the datagram payload, in bytes
     * @param more whether more fragments follow (the MF / M flag)
     * @param nowMicros capture time of the fragment
     * @return {@link #HELD}, {@link #COMPLETE}, {@link #DISCARDED} or {@link #MALFORMED}
     */
    public int add(int version, byte[] addresses, int sourceOffset, int destinationOffset, long identification,
            int protocol, int fragmentOffset, boolean more, byte[] data, int offset, int length, long nowMicros) {
        int end = fragmentOffset + length;
        if (more && (length == 0 || (length & (BLOCK_BYTES - 1)) != 0) || end > MAX_DATAGRAM_BYTES) {
            return MALFORMED;
        }
        int index = find(version, addresses, sourceOffset, destinationOffset, identification, protocol);
        PendingDatagram entry = index >= 0 ? pending[index]
                : start(version, addresses, sourceOffset, destinationOffset, identification, protocol, nowMicros);
        if (contradicts(entry, end, more)) {
            fragmentsDropped++;
            drop(index >= 0 ? index : count - 1);
            return DISCARDED;
        }
        if (!more) {
            entry.totalLength = end;
        }
        if (fragmentOffset == 0) {
            entry.protocol = protocol;
        }
        entry.store(data, offset, fragmentOffset, length);
        entry.fragments++;
        fragmentsPending++;
        if (!entry.complete()) {
            return HELD;
        }
        byte[] done = entry.data;
        entry.data = datagram;
        datagram = done;
        datagramLength = entry.totalLength;
        datagramProtocol = entry.protocol;
        datagramVersion = entry.version;
        System.arraycopy(entry.addresses, 0, datagramAddresses, 0, datagramAddresses.length);
        fragmentsPending -= entry.fragments;
        datagramsReassembled++;
        release(index >= 0 ? index : count - 1);
        return COMPLETE;
    }

    /** Whether a fragment ending at {@code end} disagrees with what is known of its datagram's length. */
    private static boolean contradicts(PendingDatagram entry, int end, boolean more) {
        if (more) {
            return entry.totalLength >= 0 && end > entry.totalLength;
        }
        return entry.totalLength >= 0 && entry.totalLength != end || end < entry.maxEnd;
    }

    /** Drops datagrams that waited longer than the timeout; cheap enough to call for every packet. */
    public void expire(long nowMicros) {
        if (count == 0 || Math.abs(nowMicros - lastSweepMicros) < SWEEP_INTERVAL_MICROS) {
            return;
        }
        lastSweepMicros = nowMicros;
        for (int i = count - 1; i >= 0; i--) {
            // Either direction: merged captures jump back in time as well as forward.
            if (Math.abs(nowMicros - pending[i].firstMicros) > timeoutMicros) {
                drop(i);
            }
        }
    }

    private int find(int version, byte[] addresses, int sourceOffset, int destinationOffset, long identification,
            int protocol) {
        for (int i = 0; i < count; i++) {
            if (pending[i].matches(version, addresses, sourceOffset, destinationOffset, identification, protocol)) {
                return i;
            }
        }
        return -1;
    }

    /** Takes a free slot for a new datagram, evicting the oldest when all are taken; the new one is last. */
    private PendingDatagram start(int version, byte[] addresses, int sourceOffset, int destinationOffset,
            long identification, int protocol, long nowMicros) {
        if (count == pending.length) {
            int oldest = 0;
            for (int i = 1; i < count; i++) {
                if (pending[i].arrival < pending[oldest].arrival) {
                    oldest = i;
                }
            }
            drop(oldest);
        }
        if (count == 0) {
            lastSweepMicros = nowMicros;
        }
        PendingDatagram entry = pending[count];
        if (entry == null) {
            entry = new PendingDatagram();
            pending[count] = entry;
        }
        count++;
        entry.reset(version, addresses, sourceOffset, destinationOffset, identification, protocol, nowMicros,
                arrivals++);
        return entry;
    }

    private void drop(int index) {
        fragmentsDropped += pending[index].fragments;
        fragmentsPending -= pending[index].fragments;
        release(index);
    }

    /** Frees a slot, keeping the entry object (and its buffer) for reuse beyond {@link #count}. */
    private void release(int index) {
        PendingDatagram freed = pending[index];
        count--;
        pending[index] = pending[count];
        pending[count] = freed;
    }

    /** The last completed datagram's payload, from index 0 for {@link #datagramLength()} bytes. */
    public byte[] datagram() {
        return datagram;
    }

    public int datagramLength() {
        return datagramLength;
    }

    /** The protocol (next header) of the last completed datagram's payload. */
    public int datagramProtocol() {
        return datagramProtocol;
    }

    /** The IP version of the last completed datagram. */
    public int datagramVersion() {
        return datagramVersion;
    }

    /** The last completed datagram's source address at 0 and destination at 16 (4 or 16 bytes each). */
    public byte[] datagramAddresses() {
        return datagramAddresses;
    }

    /** Fragments stored now, waiting for the rest of their datagram. */
    public long fragmentsPending() {
        return fragmentsPending;
    }

    /** Fragments dropped so far: expired, evicted, or part of a contradictory datagram. */
    public long fragmentsDropped() {
        return fragmentsDropped;
    }

    public long datagramsReassembled() {
        return datagramsReassembled;
    }

    /** Incomplete datagrams waiting now. */
    public int datagramsPending() {
        return count;
    }

    /** One datagram being rebuilt: its key, the bytes so far and which 8-byte blocks have arrived. */
    private static final class PendingDatagram {
        final byte[] addresses = new byte[32];
        final long[] received = new long[(BLOCKS + 63) / 64];
        byte[] data = new byte[0];
        int version;
        long identification;
        int protocol;
        long firstMicros;
        long arrival;
        int totalLength;
        int maxEnd;
        int blocksReceived;
        int fragments;

        void reset(int version, byte[] source, int sourceOffset, int destinationOffset, long identification,
                int protocol, long nowMicros, long arrival) {
            int addressLength = version == 4 ? 4 : 16;
            System.arraycopy(source, sourceOffset, addresses, 0, addressLength);
            System.arraycopy(source, destinationOffset, addresses, 16, addressLength);
            this.version = version;
            this.identification = identification;
            // IPv6 learns the payload's protocol from the first fragment; IPv4 has it in every header.
            this.protocol = version == 4 ? protocol : -1;
            this.firstMicros = nowMicros;
            this.arrival = arrival;
            this.totalLength = -1;
            this.maxEnd = 0;
            this.blocksReceived = 0;
            this.fragments = 0;
            Arrays.fill(received, 0L);
        }

        boolean matches(int version, byte[] source, int sourceOffset, int destinationOffset, long identification,
                int protocol) {
            if (this.version != version || this.identification != identification
                    || version == 4 && this.protocol != protocol) {
                return false;
            }
            int addressLength = version == 4 ? 4 : 16;
            return Arrays.equals(addresses, 0, addressLength, source, sourceOffset, sourceOffset + addressLength)
                    && Arrays.equals(addresses, 16, 16 + addressLength, source, destinationOffset,
                            destinationOffset + addressLength);
        }

        /** Copies the blocks of a fragment that have not arrived before. */
        void store(byte[] source, int offset, int fragmentOffset, int length) {
            int end = fragmentOffset + length;
            if (length == 0) {
                return;
            }
            if (data.length < end) {
                int grown = Math.min(MAX_DATAGRAM_BYTES, Math.max(end, Math.max(INITIAL_BUFFER_BYTES, data.length * 2)));
                data = Arrays.copyOf(data, grown);
            }
            int lastBlock = (end - 1) / BLOCK_BYTES;
            int block = fragmentOffset / BLOCK_BYTES;
            while (block <= lastBlock) {
                if (isReceived(block)) {
                    block++;
                    continue;
                }
                int runStart = block;
                while (block <= lastBlock && !isReceived(block)) {
                    received[block >>> 6] |= 1L << block;
                    blocksReceived++;
                    block++;
                }
                int from = Math.max(runStart * BLOCK_BYTES, fragmentOffset);
                int to = Math.min(block * BLOCK_BYTES, end);
                System.arraycopy(source, offset + from - fragmentOffset, data, from, to - from);
            }
            maxEnd = Math.max(maxEnd, end);
        }

        private boolean isReceived(int block) {
            return (received[block >>> 6] & 1L << block) != 0;
        }

        boolean complete() {
            return totalLength >= 0 && protocol >= 0
                    && blocksReceived == (totalLength + BLOCK_BYTES - 1) / BLOCK_BYTES;
        }
    }
}
