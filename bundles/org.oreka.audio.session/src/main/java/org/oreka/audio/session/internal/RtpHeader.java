package org.oreka.audio.session.internal;

/**
 * The fields of an RTP packet's header (RFC 3550), parsed in place: version 2, any CSRC count, header extension
 * and padding. Reused for every packet of a capture thread.
 */
final class RtpHeader {

    int payloadType;
    boolean marker;
    int sequence;
    int timestamp;
    int ssrc;
    int payloadOffset;
    int payloadLength;

    /**
     * Parses {@code length} bytes at {@code offset} as RTP.
     *
     * @return false when the bytes cannot be an RTP packet (wrong version, too short, RTCP, inconsistent lengths)
     */
    boolean parse(byte[] data, int offset, int length) {
        if (length < 12) {
            return false;
        }
        int first = data[offset] & 0xff;
        if ((first & 0xC0) != 0x80) {
            return false;
        }
        int second = data[offset + 1] & 0xff;
        payloadType = second & 0x7f;
        // RTCP sender/receiver reports, SDES, BYE, APP (200-204) look like RTP with the marker bit set.
        if (second >= 192 && second <= 223) {
            return false;
        }
        marker = (second & 0x80) != 0;
        sequence = (data[offset + 2] & 0xff) << 8 | (data[offset + 3] & 0xff);
        timestamp = readInt(data, offset + 4);
        ssrc = readInt(data, offset + 8);
        int header = 12 + 4 * (first & 0x0f);
        if ((first & 0x10) != 0) {
            if (length < header + 4) {
                return false;
            }
            int words = (data[offset + header + 2] & 0xff) << 8 | (data[offset + header + 3] & 0xff);
            header += 4 + 4 * words;
        }
        int padding = 0;
        if ((first & 0x20) != 0) {
            padding = data[offset + length - 1] & 0xff;
            if (padding == 0) {
                return false;
            }
        }
        int payload = length - header - padding;
        if (payload < 0) {
            return false;
        }
        payloadOffset = offset + header;
        payloadLength = payload;
        return true;
    }

    private static int readInt(byte[] data, int offset) {
        return (data[offset] & 0xff) << 24 | (data[offset + 1] & 0xff) << 16 | (data[offset + 2] & 0xff) << 8
                | (data[offset + 3] & 0xff);
    }
}
