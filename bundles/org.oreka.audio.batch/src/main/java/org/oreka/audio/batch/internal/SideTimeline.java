package org.oreka.audio.batch.internal;

/**
 * Places one side's RTP packets on the recording's timeline: the first packet lands where it arrived, later
 * ones where their RTP timestamps put them, so jitter never shifts audio. A new SSRC or a timestamp that
 * disagrees with the arrival time by more than a second (a restarted stream after hold or transfer) re-anchors
 * the side at its arrival time.
 */
final class SideTimeline {

    private static final long REANCHOR_TOLERANCE_MICROS = 1_000_000;

    private final int outputRate;
    private final long originMicros;
    private boolean anchored;
    private int anchorSsrc;
    private long anchorTimestamp;
    private long anchorPosition;
    private long lastUnwrapped;

    SideTimeline(int outputRate, long originMicros) {
        this.outputRate = outputRate;
        this.originMicros = originMicros;
    }

    /**
     * The output sample position of a packet.
     *
     * @param rtpTimestamp the packet's 32-bit RTP timestamp
     * @param clockRate the payload format's RTP clock rate
     */
    long position(int ssrc, int rtpTimestamp, int clockRate, long arrivalMicros) {
        long arrivalPosition = Math.max(0, (arrivalMicros - originMicros) * outputRate / 1_000_000L);
        if (!anchored || ssrc != anchorSsrc) {
            return anchor(ssrc, rtpTimestamp, arrivalPosition);
        }
        long unwrapped = unwrap(rtpTimestamp);
        long position = anchorPosition + (unwrapped - anchorTimestamp) * outputRate / clockRate;
        long tolerance = REANCHOR_TOLERANCE_MICROS * outputRate / 1_000_000L;
        if (Math.abs(position - arrivalPosition) > tolerance) {
            return anchor(ssrc, rtpTimestamp, arrivalPosition);
        }
        return position;
    }

    private long anchor(int ssrc, int rtpTimestamp, long arrivalPosition) {
        anchored = true;
        anchorSsrc = ssrc;
        anchorTimestamp = rtpTimestamp & 0xffffffffL;
        lastUnwrapped = anchorTimestamp;
        anchorPosition = arrivalPosition;
        return arrivalPosition;
    }

    /** Extends the 32-bit timestamp past wrap-around, relative to the last one seen. */
    private long unwrap(int rtpTimestamp) {
        long delta = (int) (rtpTimestamp - (int) lastUnwrapped);
        lastUnwrapped += delta;
        return lastUnwrapped;
    }
}
