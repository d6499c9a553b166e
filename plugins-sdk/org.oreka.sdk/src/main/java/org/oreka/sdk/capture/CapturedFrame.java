package org.oreka.sdk.capture;

/**
 * One link-layer frame as a capture source read it.
 *
 * <p>Sources reuse one instance per thread to keep the capture path free of allocation, so a
 * {@link FrameSink} may read a frame only during the call that hands it over and must copy what it keeps.
 */
public final class CapturedFrame {
    private String source = "";
    private LinkType linkType = LinkType.ETHERNET;
    private long timestampMicros;
    private byte[] data = new byte[0];
    private int offset;
    private int length;
    private int originalLength;

    /**
     * Points this frame at new content.
     *
     * @param source the name of the capture source (interface or file)
     * @param linkType the framing of {@code data}
     * @param timestampMicros capture time, microseconds since the epoch
     * @param data the buffer holding the captured bytes
     * @param offset where the frame starts in {@code data}
     * @param length how many bytes were captured
     * @param originalLength how long the frame was on the wire (larger than {@code length} when truncated)
     * @return this frame
     */
    public CapturedFrame set(String source, LinkType linkType, long timestampMicros, byte[] data, int offset,
            int length, int originalLength) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IllegalArgumentException("frame bounds " + offset + "+" + length + " outside buffer of " + data.length);
        }
        this.source = source;
        this.linkType = linkType;
        this.timestampMicros = timestampMicros;
        this.data = data;
        this.offset = offset;
        this.length = length;
        this.originalLength = originalLength;
        return this;
    }

    /** The capture source's name. */
    public String source() {
        return source;
    }

    public LinkType linkType() {
        return linkType;
    }

    /** Capture time in microseconds since the epoch. */
    public long timestampMicros() {
        return timestampMicros;
    }

    /** The buffer holding the frame; valid from {@link #offset()} for {@link #length()} bytes. */
    public byte[] data() {
        return data;
    }

    public int offset() {
        return offset;
    }

    /** Number of bytes captured. */
    public int length() {
        return length;
    }

    /** Length of the frame on the wire; larger than {@link #length()} when the capture truncated it. */
    public int originalLength() {
        return originalLength;
    }

    /** Whether the capture cut the frame short (snap length). */
    public boolean truncated() {
        return originalLength > length;
    }
}
