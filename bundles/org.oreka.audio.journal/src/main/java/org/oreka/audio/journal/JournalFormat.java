package org.oreka.audio.journal;

/**
 * The layout of a tape journal ({@code <orkuid>.mcf}): a sequence of records, each a 32-byte little-endian
 * header followed by its payload, with no file header, like Oreka's media chunk file. Unlike Oreka's, the header
 * keeps the arrival time in microseconds, the SSRC and the side, so the two sides can be aligned exactly.
 *
 * <pre>
 * offset size field
 *  0     4    marker 0x2A2A2A2A ("****")
 *  4     4    payload length in bytes
 *  8     8    arrival time, microseconds since the epoch
 * 16     4    RTP timestamp
 * 20     4    RTP SSRC
 * 24     2    RTP sequence number
 * 26     1    RTP payload type (0-127), or 255 for a metadata record
 * 27     1    side: 1 or 2 for audio; 0 for a metadata record
 * 28     2    flags: bit 0 = RTP marker bit
 * 30     2    reserved (0)
 * </pre>
 *
 * Metadata records carry UTF-8 text {@code key value}, for instance {@code rtpmap 1 96 telephone-event/8000}
 * (side 1 maps payload type 96), or a bare key: {@value #PAUSE} and {@value #RESUME} mark where the recording
 * stopped and started keeping the call's audio again (the arrival time is the call's last packet at that moment).
 */
public final class JournalFormat {

    /** The marker that starts every record. */
    public static final int MARKER = 0x2A2A2A2A;

    /** Size of a record header. */
    public static final int HEADER_SIZE = 32;

    /** Payload type value of a metadata record. */
    public static final int METADATA_PAYLOAD_TYPE = 255;

    /** Largest payload a record may hold; longer ones are a sign of corruption. */
    public static final int MAX_PAYLOAD = 65535;

    /** Flag: the RTP marker bit was set. */
    public static final int FLAG_MARKER = 1;

    /** Metadata: the call's audio is not kept from here on (a pause command). */
    public static final String PAUSE = "pause";

    /** Metadata: the call's audio is kept again from here on. */
    public static final String RESUME = "resume";

    /** File name extension of journals. */
    public static final String EXTENSION = ".mcf";

    private JournalFormat() {
    }
}
