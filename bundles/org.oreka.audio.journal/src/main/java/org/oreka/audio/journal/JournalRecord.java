package org.oreka.audio.journal;

import java.nio.charset.StandardCharsets;

/** One record of a tape journal, as a {@link JournalReader} hands it over: valid until the next record is read. */
public final class JournalRecord {

    int payloadLength;
    long arrivalMicros;
    int rtpTimestamp;
    int ssrc;
    int sequence;
    int payloadType;
    int side;
    int flags;
    byte[] data;
    int payloadOffset;

    /** Whether this is a metadata record rather than audio. */
    public boolean isMetadata() {
        return payloadType == JournalFormat.METADATA_PAYLOAD_TYPE;
    }

    /** The metadata text of a metadata record. */
    public String metadata() {
        return new String(data, payloadOffset, payloadLength, StandardCharsets.UTF_8);
    }

    public int payloadLength() {
        return payloadLength;
    }

    public long arrivalMicros() {
        return arrivalMicros;
    }

    /** The RTP timestamp as an unsigned 32-bit value in an int. */
    public int rtpTimestamp() {
        return rtpTimestamp;
    }

    public int ssrc() {
        return ssrc;
    }

    /** The RTP sequence number, 0-65535. */
    public int sequence() {
        return sequence;
    }

    public int payloadType() {
        return payloadType;
    }

    /** 1 or 2 for audio. */
    public int side() {
        return side;
    }

    public boolean marker() {
        return (flags & JournalFormat.FLAG_MARKER) != 0;
    }

    /** The buffer holding the payload from {@link #payloadOffset()}. */
    public byte[] payloadArray() {
        return data;
    }

    public int payloadOffset() {
        return payloadOffset;
    }
}
