package org.oreka.audio.net.internal;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.capture.LinkType;

/**
 * The blocks of a pcapng file: sections in either byte order, each with its own interfaces, whose enhanced,
 * simple and obsolete packet blocks become frames; every other block is skipped.
 */
public final class PcapngBlocks implements CaptureRecords {

    /** Block type of a section header; a palindrome, so it reads the same in both byte orders. */
    public static final int SECTION_HEADER = 0x0A0D0D0A;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int INTERFACE_DESCRIPTION = 1;
    private static final int OBSOLETE_PACKET = 2;
    private static final int SIMPLE_PACKET = 3;
    private static final int ENHANCED_PACKET = 6;
    private static final int OPTION_END = 0;
    private static final int OPTION_TIMESTAMP_RESOLUTION = 9;
    private static final int OPTION_TIMESTAMP_OFFSET = 14;
    /** Smallest block: type, length and the trailing copy of the length. */
    private static final int MIN_BLOCK_BYTES = 12;
    /** Header of enhanced and obsolete packet blocks up to the packet data. */
    private static final int PACKET_HEADER_BYTES = 28;
    private static final int SIMPLE_PACKET_HEADER_BYTES = 12;

    /** What reading one block gave: a frame for the caller, nothing to deliver, or the end of trustworthy data. */
    private enum Outcome { FRAME, SKIPPED, CORRUPT }

    private final FileWindow window;
    private final String source;
    private final int maxRecordBytes;
    private final List<PcapngInterface> interfaces = new ArrayList<>();
    private long pendingSkip;
    private long lastTimestampMicros;
    private int interfaceIndex;
    private boolean ended;
    private boolean truncated;

    /** Starts at the window's position, which must be the file's first section header block. */
    public PcapngBlocks(FileWindow window, String source, int maxRecordBytes) {
        this.window = window;
        this.source = source;
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * The byte order of the section whose header block starts at the window's position (12 bytes required).
     *
     * @return the order, or null when the byte-order magic is missing
     */
    public static ByteOrder sectionOrder(FileWindow window) {
        window.order(ByteOrder.BIG_ENDIAN);
        int magic = window.getInt(8);
        if (magic == BYTE_ORDER_MAGIC) {
            return ByteOrder.BIG_ENDIAN;
        }
        return Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC ? ByteOrder.LITTLE_ENDIAN : null;
    }

    @Override
    public boolean next(CapturedFrame frame) throws IOException {
        while (!ended) {
            if (pendingSkip > 0) {
                long skip = pendingSkip;
                pendingSkip = 0;
                if (!window.skip(skip)) {
                    return end(true);
                }
            }
            if (!window.require(8)) {
                return end(window.available() > 0);
            }
            int type = window.getInt(0);
            if (type == SECTION_HEADER) {
                if (!window.require(MIN_BLOCK_BYTES)) {
                    return end(true);
                }
                ByteOrder order = sectionOrder(window);
                if (order == null) {
                    return end(true);
                }
                window.order(order);
                interfaces.clear();
            }
            long length = window.getUnsignedInt(4);
            if (length < MIN_BLOCK_BYTES || (length & 3) != 0) {
                return end(true);
            }
            Outcome outcome = switch (type) {
                case ENHANCED_PACKET -> packet(frame, length, false);
                case OBSOLETE_PACKET -> packet(frame, length, true);
                case SIMPLE_PACKET -> simplePacket(frame, length);
                case INTERFACE_DESCRIPTION -> interfaceDescription(length);
                default -> Outcome.SKIPPED;
            };
            if (outcome == Outcome.CORRUPT) {
                return end(true);
            }
            pendingSkip = length;
            if (outcome == Outcome.FRAME) {
                return true;
            }
        }
        return false;
    }

    /** An enhanced or obsolete packet block: the two differ only in the width of the interface number. */
    private Outcome packet(CapturedFrame frame, long length, boolean obsolete) throws IOException {
        if (!window.require(PACKET_HEADER_BYTES)) {
            return Outcome.CORRUPT;
        }
        int interfaceId = obsolete ? window.getUnsignedShort(8) : window.getInt(8);
        int captured = window.getInt(20);
        int original = window.getInt(24);
        if (captured < 0 || captured > maxRecordBytes || PACKET_HEADER_BYTES + 4L + captured > length) {
            return Outcome.CORRUPT;
        }
        if (!window.require(PACKET_HEADER_BYTES + captured)) {
            return Outcome.CORRUPT;
        }
        if (interfaceId < 0 || interfaceId >= interfaces.size()) {
            // Without its interface description a packet has no link type to decode it by.
            return Outcome.SKIPPED;
        }
        PcapngInterface description = interfaces.get(interfaceId);
        long units = window.getUnsignedInt(12) << 32 | window.getUnsignedInt(16);
        lastTimestampMicros = description.micros(units);
        interfaceIndex = interfaceId;
        frame.set(source, description.linkType(), lastTimestampMicros, window.array(),
                window.position() + PACKET_HEADER_BYTES, captured, Math.max(captured, original));
        return Outcome.FRAME;
    }

    /** A simple packet block: interface 0, no timestamp (it takes the previous packet's), captured length implied. */
    private Outcome simplePacket(CapturedFrame frame, long length) throws IOException {
        if (!window.require(SIMPLE_PACKET_HEADER_BYTES)) {
            return Outcome.CORRUPT;
        }
        int original = window.getInt(8);
        long room = length - SIMPLE_PACKET_HEADER_BYTES - 4;
        int captured = (int) Math.min(Integer.toUnsignedLong(original), room);
        if (captured < 0 || captured > maxRecordBytes) {
            return Outcome.CORRUPT;
        }
        if (!window.require(SIMPLE_PACKET_HEADER_BYTES + captured)) {
            return Outcome.CORRUPT;
        }
        if (interfaces.isEmpty()) {
            return Outcome.SKIPPED;
        }
        interfaceIndex = 0;
        frame.set(source, interfaces.get(0).linkType(), lastTimestampMicros, window.array(),
                window.position() + SIMPLE_PACKET_HEADER_BYTES, captured, Math.max(captured, original));
        return Outcome.FRAME;
    }

    private Outcome interfaceDescription(long length) throws IOException {
        if (length < 20 || length > maxRecordBytes || !window.require((int) length)) {
            return Outcome.CORRUPT;
        }
        LinkType linkType = LinkType.fromDlt(window.getUnsignedShort(8));
        int resolution = PcapngInterface.DEFAULT_RESOLUTION;
        long offsetSeconds = 0;
        int optionsEnd = (int) length - 4;
        int at = 16;
        while (at + 4 <= optionsEnd) {
            int code = window.getUnsignedShort(at);
            int optionLength = window.getUnsignedShort(at + 2);
            int value = at + 4;
            if (code == OPTION_END || value + optionLength > optionsEnd) {
                break;
            }
            if (code == OPTION_TIMESTAMP_RESOLUTION && optionLength >= 1) {
                resolution = window.getUnsignedByte(value);
            } else if (code == OPTION_TIMESTAMP_OFFSET && optionLength >= 8) {
                offsetSeconds = window.getLong(value);
            }
            at = value + (optionLength + 3 & ~3);
        }
        interfaces.add(new PcapngInterface(linkType, resolution, offsetSeconds));
        return Outcome.SKIPPED;
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
        return interfaceIndex;
    }
}
