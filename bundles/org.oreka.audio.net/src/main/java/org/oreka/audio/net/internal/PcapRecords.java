package org.oreka.audio.net.internal;

import java.io.IOException;
import java.nio.ByteOrder;

import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.capture.LinkType;

/** The records of a classic libpcap file: a 24-byte global header, then a 16-byte header before every packet. */
public final class PcapRecords implements CaptureRecords {

    /** Size of the global header. */
    public static final int FILE_HEADER_BYTES = 24;
    private static final int RECORD_HEADER_BYTES = 16;
    /** Bits of the header's network field that hold the link type; the others carry FCS details. */
    private static final int LINK_TYPE_MASK = 0x03FF_FFFF;

    private final FileWindow window;
    private final String source;
    private final LinkType linkType;
    private final boolean nanosecondTimestamps;
    private final int maxRecordBytes;
    private int consumed;
    private boolean ended;
    private boolean truncated;

    /**
     * Reads the global header, which the window must hold.
     *
     * @param order the byte order the magic number revealed
     * @param nanosecondTimestamps whether the magic number announced nanosecond fractions
     */
    public PcapRecords(FileWindow window, String source, ByteOrder order, boolean nanosecondTimestamps,
            int maxRecordBytes) {
        this.window = window;
        this.source = source;
        this.nanosecondTimestamps = nanosecondTimestamps;
        this.maxRecordBytes = maxRecordBytes;
        window.order(order);
        this.linkType = LinkType.fromDlt(window.getInt(20) & LINK_TYPE_MASK);
        window.advance(FILE_HEADER_BYTES);
    }

    @Override
    public boolean next(CapturedFrame frame) throws IOException {
        if (ended) {
            return false;
        }
        window.advance(consumed);
        consumed = 0;
        if (!window.require(RECORD_HEADER_BYTES)) {
            return end(window.available() > 0);
        }
        long seconds = window.getUnsignedInt(0);
        long fraction = window.getUnsignedInt(4);
        int captured = window.getInt(8);
        int original = window.getInt(12);
        if (captured < 0 || captured > maxRecordBytes) {
            return end(true);
        }
        if (!window.require(RECORD_HEADER_BYTES + captured)) {
            return end(true);
        }
        long micros = seconds * 1_000_000L + (nanosecondTimestamps ? fraction / 1_000 : fraction);
        frame.set(source, linkType, micros, window.array(), window.position() + RECORD_HEADER_BYTES, captured,
                Math.max(captured, original));
        consumed = RECORD_HEADER_BYTES + captured;
        return true;
    }

    private boolean end(boolean cutShort) {
        ended = true;
        truncated = cutShort;
        return false;
    }

    @Override
    public boolean truncated() {
        return truncated;
    }

    @Override
    public int interfaceIndex() {
        return 0;
    }
}
